package dev.jcodex.modelclient;

import java.util.Optional;

/** What a request authenticates with. */
public sealed interface Credentials {

    /** An OpenAI API key ({@code Authorization: Bearer sk-…}). */
    record ApiKey(String key) implements Credentials {
        @Override
        public String toString() {
            return "ApiKey[" + LoginCommands.maskKey(key) + "]";
        }
    }

    /** A ChatGPT access token; adds {@code ChatGPT-Account-ID} when the account id is known. */
    record ChatGpt(String accessToken, String accountId) implements Credentials {
        @Override
        public String toString() {
            return "ChatGpt[account=" + accountId + "]";
        }
    }

    /** A provider token ({@code env_key} value or {@code experimental_bearer_token}). */
    record Bearer(String token) implements Credentials {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    /** No {@code Authorization} header (local providers). */
    record None() implements Credentials {}

    /** The bearer token to send, if any. */
    default Optional<String> bearerToken() {
        return switch (this) {
            case ApiKey k -> Optional.of(k.key());
            case ChatGpt c -> Optional.of(c.accessToken());
            case Bearer b -> Optional.of(b.token());
            case None n -> Optional.empty();
        };
    }
}
