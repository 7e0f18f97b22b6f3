package dev.jcodex.modelclient;

import dev.jcodex.config.ModelProviderInfo;
import dev.jcodex.config.WireApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the model-client tests. */
final class TestSupport {
    static final HttpClient HTTP = ModelClient.newHttpClient();
    static final UserAgent USER_AGENT = new UserAgent("codex_exec", "0.169.0", "Debian", "12.0.0", "x86_64", "xterm",
            "codex_exec; 0.169.0");
    static final String THREAD = "01a1ff18-5e73-71e1-99f3-779a929957d0";

    private TestSupport() {}

    /** A mock provider: bearer "dummy", no OpenAI auth, given wire API, retry budgets and idle timeout. */
    static ModelProviderInfo provider(String baseUrl, WireApi wire, int requestRetries, long idleMs) {
        return new ModelProviderInfo("mock", "mock", baseUrl, null, null, "dummy", wire, null, null, null,
                requestRetries, 5, idleMs, false, false);
    }

    static ResolvedProvider resolved(ModelProviderInfo info) {
        return new ResolvedProvider(info, info.baseUrl(), CredentialSource.fixed(new Credentials.Bearer("dummy")),
                Map.of());
    }

    /** A client with a 1 ms transport backoff so retry tests stay fast. */
    static ModelClient client(String baseUrl, WireApi wire, int requestRetries, long idleMs) {
        return new ModelClient(resolved(provider(baseUrl, wire, requestRetries, idleMs)),
                ModelCatalog.bundled().find("gpt-5.5"), HTTP, Duration.ofMillis(1));
    }

    static ModelClient client(String baseUrl) {
        return client(baseUrl, WireApi.RESPONSES, 4, 10_000);
    }

    static RequestContext context() {
        return RequestContext.of(THREAD, USER_AGENT).withBetaFeatures(List.of("remote_compaction_v2"))
                .withTurn("turn-1", "{\"turn_id\":\"turn-1\"}");
    }

    static ResponsesRequest request(ModelClient client) {
        return client.newRequest().input(List.of(dev.jcodex.protocol.ResponseItem.Message.text("user", "Say hello.")))
                .promptCacheKey(THREAD).build();
    }

    /** All events until the end; failures propagate. */
    static List<ResponseEvent> drain(ResponseStream stream) {
        List<ResponseEvent> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }

    static String resource(String name) {
        try (InputStream in = TestSupport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with golden file {@code name}; {@code -Dgolden.update=true} rewrites it. */
    static void assertGolden(String name, String actual) {
        Path source = Path.of("src/test/resources", name);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        org.assertj.core.api.Assertions.assertThat(actual).isEqualTo(resource(name));
    }
}
