package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.testkit.TempCodexHome;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthStoreTest {
    private final TempCodexHome home = TempCodexHome.create();
    private final AuthStore store = new AuthStore(home.path());

    @AfterEach
    void cleanUp() {
        home.close();
    }

    @Test
    void writesAtomicallyWithMode0600AndReadsBack() throws Exception {
        AuthDotJson auth = AuthDotJson.chatGpt(new AuthDotJson.TokenData("id", "acc", "ref", "acct"),
                Instant.parse("2026-11-21T10:00:00Z"));

        store.save(auth);
        store.save(auth);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load()).hasValue(auth);
        try (var files = Files.list(home.path())) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("auth.json");
        }
        assertThat(ProtocolJson.tree(home.readFile("auth.json"))).isEqualTo(ProtocolJson.tree("""
                {"auth_mode":"chatgpt","OPENAI_API_KEY":null,
                 "tokens":{"id_token":"id","access_token":"acc","refresh_token":"ref","account_id":"acct"},
                 "last_refresh":"2026-11-21T10:00:00Z"}"""));
    }

    @Test
    void apiKeyShapeAndUnknownMembersAreTolerated() {
        store.save(AuthDotJson.apiKey("sk-1"));
        assertThat(ProtocolJson.tree(home.readFile("auth.json")))
                .isEqualTo(ProtocolJson.tree("{\"auth_mode\":\"apikey\",\"OPENAI_API_KEY\":\"sk-1\"}"));

        home.writeFile("auth.json", "{\"OPENAI_API_KEY\":\"sk-2\",\"agent_identity\":\"x\"}");
        assertThat(store.load()).hasValue(new AuthDotJson(null, "sk-2", null, null));
        assertThat(store.load().orElseThrow().effectiveMode()).isEqualTo(AuthMode.API_KEY);
    }

    @Test
    void missingFileIsEmptyAndDeleteReportsWhetherThereWasOne() {
        assertThat(store.load()).isEmpty();
        assertThat(store.delete()).isFalse();
        store.save(AuthDotJson.apiKey("k"));
        assertThat(store.delete()).isTrue();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void corruptFileIsAnAuthFailureNamingTheFile() {
        home.writeFile("auth.json", "{broken");

        assertThatThrownBy(store::load).isInstanceOf(ModelClientException.AuthFailed.class)
                .hasMessageContaining("auth.json");
    }
}
