package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.testkit.TempCodexHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginCommandsTest {
    private final TempCodexHome home = TempCodexHome.create();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void cleanUp() {
        home.close();
    }

    private String err() {
        String s = errBytes.toString(StandardCharsets.UTF_8);
        errBytes.reset();
        return s;
    }

    private static ByteArrayInputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apiKeyLoginStatusAndLogout() {
        assertThat(LoginCommands.status(out, err, home.path())).isEqualTo(1);
        assertThat(err()).isEqualTo("Not logged in\n");

        assertThat(LoginCommands.loginWithApiKey(stdin("sk-proj-1234567890ABCDE\n"), out, err, home.path()))
                .isZero();
        assertThat(err()).isEqualTo("Reading API key from stdin...\nSuccessfully logged in\n");
        assertThat(new AuthStore(home.path()).load()).hasValue(AuthDotJson.apiKey("sk-proj-1234567890ABCDE"));

        assertThat(LoginCommands.status(out, err, home.path())).isZero();
        assertThat(err()).isEqualTo("Logged in using an API key - sk-proj-***ABCDE\n");

        assertThat(LoginCommands.logout(out, err, home.path())).isZero();
        assertThat(err()).isEqualTo("Successfully logged out\n");
        assertThat(LoginCommands.logout(out, err, home.path())).isZero();
        assertThat(err()).isEqualTo("Not logged in\n");
        assertThat(outBytes.size()).isZero();
    }

    @Test
    void emptyStdinFails() {
        assertThat(LoginCommands.loginWithApiKey(stdin("  \n"), out, err, home.path())).isEqualTo(1);
        assertThat(err()).isEqualTo("Reading API key from stdin...\nNo API key provided via stdin.\n");
        assertThat(new AuthStore(home.path()).load()).isEmpty();
    }

    @Test
    void chatGptStatus() {
        new AuthStore(home.path()).save(AuthDotJson.chatGpt(new AuthDotJson.TokenData("i", "a", "r", null),
                Instant.now()));

        assertThat(LoginCommands.status(out, err, home.path())).isZero();
        assertThat(err()).isEqualTo("Logged in using ChatGPT\n");
    }

    @Test
    void masksKeysLikeTheReference() {
        assertThat(LoginCommands.maskKey("sk-proj-1234567890ABCDE")).isEqualTo("sk-proj-***ABCDE");
        assertThat(LoginCommands.maskKey("sk-proj-12345")).isEqualTo("***");
        assertThat(LoginCommands.maskKey("sk-proj-123456")).isEqualTo("sk-proj-***23456");
    }
}
