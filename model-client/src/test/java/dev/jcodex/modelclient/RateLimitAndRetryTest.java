package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitAndRetryTest {

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void parsesTheDefaultAndAdditionalFamilies() {
        List<RateLimitSnapshot> snapshots = RateLimitSnapshot.fromHeaders(headers(Map.of(
                "x-codex-primary-used-percent", "10", "x-codex-primary-window-minutes", "300",
                "x-codex-secondary-used-percent", "55.5", "x-codex-secondary-reset-at", "1700000000",
                "x-codex-active-limit", "codex", "x-codex-promo-message", "Try Pro",
                "x-codex-other-primary-used-percent", "80", "x-codex-other-limit-name", "Other limit")));

        assertThat(snapshots).containsExactly(
                new RateLimitSnapshot("codex", null, new RateLimitSnapshot.Window(10, 300L, null),
                        new RateLimitSnapshot.Window(55.5, null, 1700000000L), null, "codex", "Try Pro"),
                new RateLimitSnapshot("codex_other", "Other limit", new RateLimitSnapshot.Window(80, null, null), null,
                        null, null, null));
    }

    @Test
    void allZeroWindowsAndMissingHeadersReportNothing() {
        assertThat(RateLimitSnapshot.fromHeaders(headers(Map.of("x-codex-primary-used-percent", "0",
                "x-codex-primary-window-minutes", "0")))).isEmpty();
        assertThat(RateLimitSnapshot.fromHeaders(headers(Map.of("x-codex-primary-window-minutes", "5")))).isEmpty();
        assertThat(RateLimitSnapshot.fromHeaders(headers(Map.of("x-codex-credits-has-credits", "false",
                "x-codex-credits-unlimited", "true")))).singleElement()
                .extracting(RateLimitSnapshot::credits).isEqualTo(new RateLimitSnapshot.Credits(false, true, null));
    }

    @Test
    void retryPolicyUsesTheServerDelayElseExponentialBackoffWithJitter() {
        StreamRetryPolicy policy = new StreamRetryPolicy(5, StreamRetryPolicy.BASE_DELAY);
        ModelClientException limited = new ModelClientException.RetryLimit(429, null, Duration.ofSeconds(1));
        ModelClientException dropped = new ModelClientException.StreamFailed("x", null, null);

        assertThat(policy.delayFor(3, limited)).isEqualTo(Duration.ofSeconds(1));
        for (int attempt = 1; attempt <= 5; attempt++) {
            long nominal = 200L << (attempt - 1);
            assertThat(policy.delayFor(attempt, dropped).toMillis()).isBetween(nominal * 9 / 10, nominal * 11 / 10);
        }
        assertThat(policy.shouldRetry(5, dropped)).isTrue();
        assertThat(policy.shouldRetry(6, dropped)).isFalse();
        assertThat(policy.shouldRetry(1, new ModelClientException.QuotaExceeded())).isFalse();
        assertThat(StreamRetryPolicy.forProvider(TestSupport.provider("http://x", dev.jcodex.config.WireApi.RESPONSES,
                0, 1)).maxRetries()).isEqualTo(5);
    }

    @Test
    void httpStatusMappingAndRetryAfterForms() {
        URI url = URI.create("http://h/v1/responses");
        assertThat(HttpErrors.map(500, headers(Map.of()), new byte[0], url))
                .isInstanceOf(ModelClientException.InternalServerError.class);
        assertThat(HttpErrors.map(429, headers(Map.of("x-request-id", "r1")), new byte[0], url))
                .hasMessage("exceeded retry limit, last status: 429 Too Many Requests, request id: r1");
        assertThat(HttpErrors.map(429, headers(Map.of()),
                "{\"error\":{\"type\":\"usage_limit_reached\",\"plan_type\":\"plus\"}}".getBytes(), url))
                .isInstanceOf(ModelClientException.UsageLimitReached.class)
                .hasMessage("You've hit your usage limit. Try again later.");
        assertThat(HttpErrors.map(429, headers(Map.of()),
                "{\"error\":{\"type\":\"usage_not_included\"}}".getBytes(), url))
                .isInstanceOf(ModelClientException.UsageNotIncluded.class);
        assertThat(HttpErrors.map(400, headers(Map.of()),
                "{\"error\":{\"message\":\"The image data you provided does not represent a valid image.\"}}"
                        .getBytes(), url)).isInstanceOf(ModelClientException.InvalidImage.class);
        assertThat(HttpErrors.map(404, headers(Map.of()), "   ".getBytes(), url))
                .hasMessage("unexpected status 404 Not Found: Unknown error, url: http://h/v1/responses");
        assertThat(HttpErrors.transportRetryable(502)).isTrue();
        assertThat(HttpErrors.transportRetryable(429)).isFalse();
        assertThat(HttpErrors.retryAfter(headers(Map.of("retry-after", "1.5")))).isEqualTo(Duration.ofMillis(1500));
        assertThat(HttpErrors.retryAfter(headers(Map.of("retry-after-ms", "250", "retry-after", "9"))))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(HttpErrors.retryAfter(headers(Map.of("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"))))
                .isEqualTo(Duration.ZERO);
        assertThat(HttpErrors.retryAfter(headers(Map.of("retry-after", "soon")))).isNull();
    }
}
