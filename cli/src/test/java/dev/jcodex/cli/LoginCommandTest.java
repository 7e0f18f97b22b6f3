package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jcodex.modelclient.AuthDotJson;
import dev.jcodex.modelclient.AuthStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {

    private static final String KEY = "sk-proj-1234567890ABCDE";

    @TempDir
    Path home;

    @TempDir
    Path cwd;

    private CliHarness cli() {
        return new CliHarness(home, cwd);
    }

    @Test
    void apiKeyFromStdinIsStoredWith0600ThenStatusMasksItAndLogoutRemovesIt() throws IOException {
        assertThat(cli().run("login", "status")).isEqualTo(new CliHarness.Result(1, "", "Not logged in\n"));

        assertThat(cli().runWithStdin(KEY + "\n", "login", "--with-api-key"))
                .isEqualTo(new CliHarness.Result(0, "", "Reading API key from stdin...\nSuccessfully logged in\n"));
        Path auth = home.resolve("auth.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth))).isEqualTo("rw-------");
        assertThat(new AuthStore(home).load()).hasValue(AuthDotJson.apiKey(KEY));
        assertThat(Files.readString(auth))
                .contains("\"auth_mode\" : \"apikey\"", "\"OPENAI_API_KEY\" : \"" + KEY + "\"");

        assertThat(cli().run("login", "status"))
                .isEqualTo(new CliHarness.Result(0, "", "Logged in using an API key - sk-proj-***ABCDE\n"));

        assertThat(cli().run("logout")).isEqualTo(new CliHarness.Result(0, "", "Successfully logged out\n"));
        assertThat(auth).doesNotExist();
        assertThat(cli().run("logout")).isEqualTo(new CliHarness.Result(0, "", "Not logged in\n"));
    }

    @Test
    void emptyStdinAndTheRetiredApiKeyFlagFail() {
        assertThat(cli().runWithStdin(" \n", "login", "--with-api-key")).isEqualTo(
                new CliHarness.Result(1, "", "Reading API key from stdin...\nNo API key provided via stdin.\n"));
        assertThat(cli().run("login", "--api-key", KEY))
                .isEqualTo(new CliHarness.Result(1, "", LoginCommand.API_KEY_FLAG_UNSUPPORTED + "\n"));
        assertThat(home.resolve("auth.json")).doesNotExist();
    }

    @Test
    void bareLoginPointsToTheSupportedFlows() {
        CliHarness.Result r = cli().run("login");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("codex login --device-auth", "codex login --with-api-key");
    }

    @Test
    void forcedLoginMethodDisablesTheOtherFlowFromConfigOrFlags() throws IOException {
        assertThat(cli().runWithStdin(KEY, "login", "-c", "forced_login_method=\"chatgpt\"", "--with-api-key"))
                .isEqualTo(new CliHarness.Result(1, "", LoginCommand.API_KEY_LOGIN_DISABLED + "\n"));
        Files.writeString(home.resolve("config.toml"), "forced_login_method = \"api\"\n");
        assertThat(cli().run("login", "--device-auth"))
                .isEqualTo(new CliHarness.Result(1, "", LoginCommand.CHATGPT_LOGIN_DISABLED + "\n"));
        assertThat(home.resolve("auth.json")).doesNotExist();
    }

    @Test
    void keyringStoreIsRefusedRatherThanWritingAFile() {
        CliHarness.Result r = cli().runWithStdin(KEY, "-c", "cli_auth_credentials_store=\"keyring\"", "login",
                "--with-api-key");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cli_auth_credentials_store = \"keyring\" is not supported");
        assertThat(home.resolve("auth.json")).doesNotExist();
    }

    @Test
    void deviceCodeLoginAgainstALoopbackIssuerStoresChatGptTokens() throws IOException {
        try (Issuer issuer = new Issuer(2)) {
            CliHarness.Result r = cli().run("login", "--device-auth", "--experimental_issuer", issuer.url());
            assertThat(r.err()).isEqualTo("Successfully logged in\n");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Follow these steps to sign in with ChatGPT using device code authorization:",
                    "   " + issuer.url() + "/codex/device\n", "   ABCD-1234\n", "Never share this code.");
            assertThat(issuer.paths()).containsExactly("/api/accounts/deviceauth/usercode",
                    "/api/accounts/deviceauth/token", "/api/accounts/deviceauth/token",
                    "/api/accounts/deviceauth/token", "/oauth/token");
            Path auth = home.resolve("auth.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(auth))).isEqualTo("rw-------");
            AuthDotJson stored = new AuthStore(home).load().orElseThrow();
            assertThat(stored.tokens()).isEqualTo(
                    new AuthDotJson.TokenData(issuer.idToken, issuer.accessToken, "refresh-1", "acct-1"));
        }
        assertThat(cli().run("login", "status")).isEqualTo(new CliHarness.Result(0, "", "Logged in using ChatGPT\n"));
    }

    @Test
    void deviceCodeLoginReportsAnIssuerFailure() throws IOException {
        try (Issuer issuer = new Issuer(0)) {
            issuer.usercodeStatus = 404;
            CliHarness.Result r = cli().run("login", "--device-auth", "--experimental_issuer", issuer.url());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error logging in: device code login is not enabled");
        }
        assertThat(home.resolve("auth.json")).doesNotExist();
    }

    /** A loopback OAuth issuer: user code, {@code pending} polls answered 403, then the code exchange. */
    private static final class Issuer implements AutoCloseable {
        final String accessToken = jwt("{\"exp\":4102444800}");
        final String idToken = jwt("{\"https://api.openai.com/auth\":{\"chatgpt_account_id\":\"acct-1\"}}");
        volatile int usercodeStatus = 200;
        private final HttpServer server;
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final AtomicInteger pending;
        private final List<String> paths = Collections.synchronizedList(new ArrayList<>());

        Issuer(int pendingPolls) throws IOException {
            pending = new AtomicInteger(pendingPolls);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> paths() {
            return List.copyOf(paths);
        }

        private void handle(HttpExchange ex) throws IOException {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            paths.add(path);
            switch (path) {
                case "/api/accounts/deviceauth/usercode" -> respond(ex, usercodeStatus,
                        "{\"device_auth_id\":\"dev-1\",\"user_code\":\"ABCD-1234\",\"interval\":\"0\"}");
                case "/api/accounts/deviceauth/token" -> {
                    if (pending.getAndDecrement() > 0) {
                        respond(ex, 403, "{\"error\":\"authorization_pending\"}");
                    } else {
                        respond(ex, 200, "{\"authorization_code\":\"code-1\",\"code_verifier\":\"verifier-1\"}");
                    }
                }
                case "/oauth/token" -> respond(ex, 200, "{\"id_token\":\"" + idToken + "\",\"access_token\":\""
                        + accessToken + "\",\"refresh_token\":\"refresh-1\"}");
                default -> respond(ex, 404, "{}");
            }
        }

        private static void respond(HttpExchange ex, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static String jwt(String claims) {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
