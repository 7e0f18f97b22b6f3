package dev.jcodex.modelclient;

import dev.jcodex.config.WireApi;
import dev.jcodex.protocol.ProtocolJson;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Entry point of the model client for the core's turn loop: sends a {@link ResponsesRequest} to the provider
 * (Responses API, or Chat Completions when the provider's {@code wire_api} is {@code chat}) and returns the
 * {@link ResponseEvent}s as a {@link ResponseStream}. Transport retries (spec §3.6 layer 1) happen inside;
 * turn-level retries are the caller's, with {@link #streamRetryPolicy()}.
 *
 * <pre>{@code
 * HttpClient http = ModelClient.newHttpClient();
 * ResolvedProvider provider = ProviderResolver.resolve(info, AuthEnvironment.system(home, IGNORE), http);
 * ModelClient client = new ModelClient(provider, ModelCatalog.bundled().find("gpt-5.5"), http);
 * try (ResponseStream s = client.stream(client.newRequest().input(items).build(), ctx)) {
 *     for (ResponseEvent e = s.next(); e != null; e = s.next()) { ... }
 * }
 * }</pre>
 */
public final class ModelClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final ResolvedProvider provider;
    private final ModelInfo model;
    private final HttpClient http;
    private final Duration backoffBase;

    /**
     * A client for {@code provider} (its credentials included) and {@code model}, sending through {@code http}
     * (share one {@link HttpClient} per process; see {@link #newHttpClient()}).
     */
    public ModelClient(ResolvedProvider provider, ModelInfo model, HttpClient http) {
        this(provider, model, http, StreamRetryPolicy.BASE_DELAY);
    }

    ModelClient(ResolvedProvider provider, ModelInfo model, HttpClient http, Duration backoffBase) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = Objects.requireNonNull(model, "model");
        this.http = Objects.requireNonNull(http, "http");
        this.backoffBase = backoffBase;
    }

    /**
     * An HTTP/1.1 client with a 15 s connect timeout that never follows redirects. TLS uses the JDK's default
     * context, initialised on the first https connection rather than here (see {@link #prewarmTls()}).
     */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(new DeferredTlsContext()).sslParameters(DeferredTlsContext.parameters()).build();
    }

    /**
     * Starts initialising the default TLS context (reading the CA trust store) on a background thread, so a caller
     * that knows an https request is coming takes it off the critical path. Idempotent and cheap to repeat.
     */
    public static void prewarmTls() {
        DeferredTlsContext.prewarm();
    }

    /** The provider. */
    public ResolvedProvider provider() {
        return provider;
    }

    /** The model metadata. */
    public ModelInfo model() {
        return model;
    }

    /** The turn-level retry policy of this provider ({@code stream_max_retries}). */
    public StreamRetryPolicy streamRetryPolicy() {
        return StreamRetryPolicy.forProvider(provider.info());
    }

    /** A request builder with this model's defaults ({@code store: true} for Azure-like providers). */
    public ResponsesRequest.Builder newRequest() {
        ResponsesRequest.Builder b = ResponsesRequest.builder(model);
        return provider.isAzure() ? b.storeResponses() : b;
    }

    /**
     * Starts the request and returns at once; events, and every failure, come from the returned stream.
     * Close the stream to abort the exchange.
     */
    public ResponseStream stream(ResponsesRequest request, RequestContext context) {
        ExchangeDriver.Plan plan;
        if (provider.info().wireApi() == WireApi.CHAT) {
            ChatRequestBuilder.ChatBody chat = ChatRequestBuilder.build(request);
            Supplier<StreamDecoder> decoders = () -> new ChatDecoder(chat.customToolNames());
            plan = new ExchangeDriver.Plan(provider.endpoint("chat/completions"),
                    ProtocolJson.write(chat.body()), context, decoders);
        } else {
            plan = new ExchangeDriver.Plan(provider.endpoint("responses"), request.toJson(), context,
                    ResponsesDecoder::new);
        }
        ResponseStream stream = new ResponseStream(Duration.ofMillis(provider.info().streamIdleTimeoutMsOrDefault()));
        new ExchangeDriver(http, provider, plan, stream, backoffBase).start();
        return stream;
    }
}
