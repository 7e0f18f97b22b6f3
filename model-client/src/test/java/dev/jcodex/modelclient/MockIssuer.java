package dev.jcodex.modelclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback OAuth issuer for the login tests: device code, token polling, code exchange and refresh. */
final class MockIssuer implements AutoCloseable {
    record Request(String path, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger pendingPolls = new AtomicInteger();
    volatile int usercodeStatus = 200;
    volatile int refreshStatus = 200;
    volatile String idToken = jwt("{\"email\":\"a@b.c\",\"https://api.openai.com/auth\":{\"chatgpt_account_id\":\"acct-1\"}}");
    volatile String accessToken = jwt("{\"exp\":4102444800}");
    volatile String refreshedAccessToken = jwt("{\"exp\":4102444801}");

    MockIssuer(int pollsBeforeApproval) {
        pendingPolls.set(pollsBeforeApproval);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static String jwt(String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, ex.getRequestHeaders().getFirst("Content-Type"), body));
        switch (path) {
            case "/api/accounts/deviceauth/usercode" -> respond(ex, usercodeStatus,
                    "{\"device_auth_id\":\"dev-1\",\"usercode\":\"ABCD-1234\",\"interval\":\"0\"}");
            case "/api/accounts/deviceauth/token" -> {
                if (pendingPolls.getAndDecrement() > 0) {
                    respond(ex, 403, "{\"error\":\"authorization_pending\"}");
                } else {
                    respond(ex, 200, "{\"authorization_code\":\"code-1\",\"code_challenge\":\"ch\","
                            + "\"code_verifier\":\"verifier-1\"}");
                }
            }
            case "/oauth/token" -> {
                if (body.startsWith("{")) {
                    respond(ex, refreshStatus, "{\"access_token\":\"" + refreshedAccessToken
                            + "\",\"refresh_token\":\"refresh-2\"}");
                } else {
                    respond(ex, 200, "{\"id_token\":\"" + idToken + "\",\"access_token\":\"" + accessToken
                            + "\",\"refresh_token\":\"refresh-1\"}");
                }
            }
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
