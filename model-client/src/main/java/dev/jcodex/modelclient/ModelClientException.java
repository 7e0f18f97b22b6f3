package dev.jcodex.modelclient;

import java.time.Duration;
import java.util.Optional;

/**
 * Root of every failure the model client reports. Subclasses carry the exact user-facing messages of the
 * reference (spec §3.5/§3.6); {@link #isRetryable()} says whether the turn loop may retry the sampling request
 * (see {@link StreamRetryPolicy}) and {@link #retryDelay()} gives a server-requested delay when there is one.
 */
public abstract sealed class ModelClientException extends RuntimeException {

    /** The typographic apostrophe is intentional: it is what the reference prints. */
    static final String HIGH_DEMAND_MESSAGE =
            "We\u2019re currently experiencing high demand, which may cause temporary errors.";

    ModelClientException(String message, Throwable cause) {
        super(message, cause);
    }

    ModelClientException(String message) {
        super(message);
    }

    /** Whether a turn-level retry may succeed. */
    public abstract boolean isRetryable();

    /** A delay the server asked for ({@code retry-after}, "try again in …"), if any. */
    public Optional<Duration> retryDelay() {
        return Optional.empty();
    }

    /** {@code context_length_exceeded}: fatal for the turn. */
    public static final class ContextWindowExceeded extends ModelClientException {
        public ContextWindowExceeded() {
            super("Codex ran out of room in the model's context window. Start a new thread or clear earlier "
                    + "history before retrying.");
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** {@code insufficient_quota}. */
    public static final class QuotaExceeded extends ModelClientException {
        public QuotaExceeded() {
            super("Quota exceeded. Check your plan and billing details.");
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** {@code usage_not_included}: the ChatGPT plan does not include Codex. */
    public static final class UsageNotIncluded extends ModelClientException {
        public UsageNotIncluded() {
            super("To use Codex with your ChatGPT plan, upgrade to Plus: https://chatgpt.com/explore/plus.");
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** HTTP 429 with {@code error.type == "usage_limit_reached"}. */
    public static final class UsageLimitReached extends ModelClientException {
        private final String planType;

        public UsageLimitReached(String planType, String resetsAtText) {
            super("You've hit your usage limit." + (resetsAtText == null ? " Try again later."
                    : " Try again at " + resetsAtText + "."));
            this.planType = planType;
        }

        /** The plan type the server reported, or null. */
        public String planType() {
            return planType;
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** HTTP 400 or {@code invalid_prompt}: the request itself is wrong. */
    public static final class InvalidRequest extends ModelClientException {
        public InvalidRequest(String message) {
            super(message);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** HTTP 400 complaining that an image in the input is not a valid image. */
    public static final class InvalidImage extends ModelClientException {
        public InvalidImage(String message) {
            super(message);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** {@code server_is_overloaded} / {@code slow_down}. */
    public static final class ServerOverloaded extends ModelClientException {
        public ServerOverloaded() {
            super("Selected model is at capacity. Please try a different model.");
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** {@code cyber_policy}: the request was flagged. */
    public static final class CyberPolicy extends ModelClientException {
        public CyberPolicy(String message) {
            super(message == null || message.isBlank()
                    ? "This request has been flagged for possible cybersecurity risk." : message);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** HTTP 500 after the transport retries were used up. */
    public static final class InternalServerError extends ModelClientException {
        public InternalServerError() {
            super(HIGH_DEMAND_MESSAGE);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** HTTP 429 (not retried by the transport): "exceeded retry limit, last status: 429 Too Many Requests". */
    public static final class RetryLimit extends ModelClientException {
        private final int status;
        private final Duration delay;

        public RetryLimit(int status, String requestId, Duration delay) {
            super("exceeded retry limit, last status: " + HttpStatusText.of(status)
                    + (requestId == null ? "" : ", request id: " + requestId));
            this.status = status;
            this.delay = delay;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }

        @Override
        public boolean isRetryable() {
            return true;
        }

        @Override
        public Optional<Duration> retryDelay() {
            return Optional.ofNullable(delay);
        }
    }

    /** Any other non-success HTTP status: "unexpected status 418 I'm a teapot: …, request id: …". */
    public static final class UnexpectedStatus extends ModelClientException {
        private final int status;
        private final String body;

        public UnexpectedStatus(int status, String message, String body) {
            super(message);
            this.status = status;
            this.body = body;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }

        /** The raw response body. */
        public String body() {
            return body;
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** HTTP 401 after one credential recovery attempt. */
    public static final class Unauthorized extends ModelClientException {
        public Unauthorized(String message) {
            super(message);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /**
     * The SSE stream failed: disconnect, end before {@code response.completed}, idle timeout,
     * {@code response.incomplete}, or a retryable {@code response.failed}.
     */
    public static final class StreamFailed extends ModelClientException {
        private final Duration delay;

        public StreamFailed(String message, Duration delay, Throwable cause) {
            super(message, cause);
            this.delay = delay;
        }

        @Override
        public boolean isRetryable() {
            return true;
        }

        @Override
        public Optional<Duration> retryDelay() {
            return Optional.ofNullable(delay);
        }
    }

    /** The request could not be sent (connection refused, reset, timeout) after the transport retries. */
    public static final class ConnectionFailed extends ModelClientException {
        public ConnectionFailed(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isRetryable() {
            return true;
        }
    }

    /** No credentials: raised before any network traffic, with instructions on how to log in. */
    public static final class MissingCredentials extends ModelClientException {
        public MissingCredentials(String message) {
            super(message);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** Reading, refreshing or storing credentials failed, or a login flow failed. */
    public static final class AuthFailed extends ModelClientException {
        public AuthFailed(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }

    /** The stream was closed (interrupt) before it finished. */
    public static final class Interrupted extends ModelClientException {
        public Interrupted() {
            super("stream closed by the caller");
        }

        @Override
        public boolean isRetryable() {
            return false;
        }
    }
}
