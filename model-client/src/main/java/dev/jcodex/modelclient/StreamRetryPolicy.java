package dev.jcodex.modelclient;

import dev.jcodex.config.ModelProviderInfo;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The turn-level retry rules (spec §3.6, layer 2) for the core's turn loop, which owns the loop and emits
 * "Reconnecting... n/N" itself:
 *
 * <pre>{@code
 * for (int retries = 0; ; ) {
 *     try (ResponseStream s = client.stream(request, ctx)) { ...; break; }
 *     catch (ModelClientException e) {
 *         if (!policy.shouldRetry(retries + 1, e)) throw e;
 *         retries++;
 *         emit("Reconnecting... " + retries + "/" + policy.maxRetries() + " (" + e.getMessage() + ")");
 *         Thread.sleep(policy.delayFor(retries, e));
 *     }
 * }
 * }</pre>
 *
 * @param maxRetries the budget ({@code stream_max_retries}, default 5, cap 100)
 * @param baseDelay the first backoff delay (200 ms)
 */
public record StreamRetryPolicy(int maxRetries, Duration baseDelay) {

    /** 200 ms: the first delay of both retry layers. */
    public static final Duration BASE_DELAY = Duration.ofMillis(200);

    /** The policy of {@code provider} ({@code stream_max_retries}). */
    public static StreamRetryPolicy forProvider(ModelProviderInfo provider) {
        return new StreamRetryPolicy(provider.streamMaxRetriesOrDefault(), BASE_DELAY);
    }

    /** Whether retry number {@code attempt} (1-based) may be made after {@code error}. */
    public boolean shouldRetry(int attempt, ModelClientException error) {
        return error.isRetryable() && attempt <= maxRetries;
    }

    /** The delay before retry {@code attempt} (1-based): the server-requested delay if any, else backoff. */
    public Duration delayFor(int attempt, ModelClientException error) {
        return error.retryDelay().orElseGet(() -> backoff(baseDelay, attempt));
    }

    /** {@code base * 2^(attempt-1) * jitter(0.9..1.1)}. */
    public static Duration backoff(Duration base, int attempt) {
        long exp = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        double jitter = ThreadLocalRandom.current().nextDouble(0.9, 1.1);
        return Duration.ofNanos((long) (base.toNanos() * exp * jitter));
    }
}
