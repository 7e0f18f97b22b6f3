package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.testkit.TempCodexHome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceCodeLoginTest {
    private final TempCodexHome home = TempCodexHome.create();
    private final MockIssuer issuer = new MockIssuer(2);

    @AfterEach
    void cleanUp() {
        issuer.close();
        home.close();
    }

    @Test
    void requestsACodePollsUntilApprovedExchangesAndStoresTokens() {
        DeviceCodeLogin login = new DeviceCodeLogin(TestSupport.HTTP, new DeviceCodeLogin.Options(issuer.url() + "/",
                "client-x"));

        DeviceCodeLogin.DeviceCode code = login.requestCode();
        AuthDotJson stored = login.complete(code, new AuthStore(home.path()));

        assertThat(code.userCode()).isEqualTo("ABCD-1234");
        assertThat(code.verificationUrl()).isEqualTo(issuer.url() + "/codex/device");
        assertThat(stored.authMode()).isEqualTo(AuthMode.CHATGPT);
        assertThat(stored.tokens().accountId()).isEqualTo("acct-1");
        assertThat(stored.tokens().refreshToken()).isEqualTo("refresh-1");
        assertThat(stored.lastRefresh()).isNotNull();
        assertThat(new AuthStore(home.path()).load()).hasValue(stored);
        assertThat(issuer.requests()).extracting(MockIssuer.Request::path).containsExactly(
                "/api/accounts/deviceauth/usercode", "/api/accounts/deviceauth/token",
                "/api/accounts/deviceauth/token", "/api/accounts/deviceauth/token", "/oauth/token");
        assertThat(ProtocolJson.tree(issuer.requests().getFirst().body()))
                .isEqualTo(ProtocolJson.tree("{\"client_id\":\"client-x\"}"));
        assertThat(ProtocolJson.tree(issuer.requests().get(1).body()))
                .isEqualTo(ProtocolJson.tree("{\"device_auth_id\":\"dev-1\",\"user_code\":\"ABCD-1234\"}"));
        MockIssuer.Request exchange = issuer.requests().getLast();
        assertThat(exchange.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(exchange.body()).isEqualTo("grant_type=authorization_code&code=code-1&redirect_uri="
                + java.net.URLEncoder.encode(issuer.url() + "/deviceauth/callback", StandardCharsets.UTF_8)
                + "&client_id=client-x&code_verifier=verifier-1");
    }

    @Test
    void loginCommandPrintsInstructionsAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = LoginCommands.loginWithDeviceCode(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), home.path(),
                new DeviceCodeLogin.Options(issuer.url(), AuthManager.CLIENT_ID), TestSupport.HTTP);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "Follow these steps to sign in with ChatGPT using device code authorization:",
                "   " + issuer.url() + "/codex/device", "   ABCD-1234");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Successfully logged in\n");
        assertThat(LoginCommands.status(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), home.path())).isZero();
    }

    @Test
    void disabledDeviceLoginIsExplained() {
        issuer.usercodeStatus = 404;
        DeviceCodeLogin login = new DeviceCodeLogin(TestSupport.HTTP, new DeviceCodeLogin.Options(issuer.url(), "c"));

        assertThatThrownBy(login::requestCode).isInstanceOf(ModelClientException.AuthFailed.class)
                .hasMessageStartingWith("device code login is not enabled for this Codex server.");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(LoginCommands.loginWithDeviceCode(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), home.path(),
                new DeviceCodeLogin.Options(issuer.url(), "c"), TestSupport.HTTP)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error logging in: device code login is not");
    }
}
