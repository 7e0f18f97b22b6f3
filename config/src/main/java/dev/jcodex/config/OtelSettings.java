package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.util.Map;

/**
 * {@code [otel]} (spec §8.3, Appendix B): OpenTelemetry log/trace/metric export.
 *
 * @param environment {@code environment} (default {@code dev})
 * @param exporter {@code exporter} for log events (default none)
 * @param traceExporter {@code trace_exporter} (default none)
 * @param metricsExporter {@code metrics_exporter} (default none)
 * @param logUserPrompt {@code log_user_prompt}: include prompt text instead of redacting it (default false)
 */
public record OtelSettings(String environment, Exporter exporter, Exporter traceExporter, Exporter metricsExporter,
        boolean logUserPrompt) {

    public static final String DEFAULT_ENVIRONMENT = "dev";

    /** Where telemetry goes: {@code "none"}, or {@code { otlp-http = {...} }} / {@code { otlp-grpc = {...} }}. */
    public sealed interface Exporter {
        /** No export. */
        record None() implements Exporter {}

        /**
         * OTLP over HTTP.
         *
         * @param endpoint collector URL
         * @param protocol binary (protobuf) or json
         * @param headers extra headers
         */
        record OtlpHttp(String endpoint, Protocol protocol, Map<String, String> headers) implements Exporter {
            public OtlpHttp {
                headers = Map.copyOf(headers);
            }
        }

        /**
         * OTLP over gRPC.
         *
         * @param endpoint collector URL
         * @param headers extra metadata
         */
        record OtlpGrpc(String endpoint, Map<String, String> headers) implements Exporter {
            public OtlpGrpc {
                headers = Map.copyOf(headers);
            }
        }
    }

    /** OTLP/HTTP payload encoding. */
    public enum Protocol implements WireEnum {
        BINARY, JSON;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    static OtelSettings parse(TableReader root) {
        TableReader t = root.table("otel");
        if (t == null) {
            return new OtelSettings(DEFAULT_ENVIRONMENT, new Exporter.None(), new Exporter.None(),
                    new Exporter.None(), false);
        }
        return new OtelSettings(t.string("environment", DEFAULT_ENVIRONMENT), exporter(t, "exporter"),
                exporter(t, "trace_exporter"), exporter(t, "metrics_exporter"), t.bool("log_user_prompt", false));
    }

    private static Exporter exporter(TableReader otel, String key) {
        if (!otel.has(key)) {
            return new Exporter.None();
        }
        if (!otel.isTable(key)) {
            String kind = otel.string(key);
            if (kind.equals("none")) {
                return new Exporter.None();
            }
            throw otel.invalidValue(key, "\"none\" or a table { otlp-http = {...} } / { otlp-grpc = {...} }");
        }
        TableReader table = otel.table(key);
        if (table.keys().size() != 1) {
            throw otel.invalidValue(key, "exactly one of otlp-http or otlp-grpc");
        }
        String kind = table.keys().iterator().next();
        TableReader settings = table.table(kind);
        if (settings == null || !(kind.equals("otlp-http") || kind.equals("otlp-grpc"))) {
            throw otel.invalidValue(key, "exactly one of otlp-http or otlp-grpc");
        }
        String endpoint = settings.string("endpoint");
        if (endpoint == null) {
            throw settings.error("endpoint", "is required");
        }
        Map<String, String> headers = settings.stringMap("headers");
        settings.opaque("tls");
        if (kind.equals("otlp-grpc")) {
            return new Exporter.OtlpGrpc(endpoint, headers == null ? Map.of() : headers);
        }
        Protocol protocol = settings.enumValue("protocol", Protocol.class);
        return new Exporter.OtlpHttp(endpoint, protocol == null ? Protocol.BINARY : protocol,
                headers == null ? Map.of() : headers);
    }
}
