package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jcodex.protocol.WireEnum;

/**
 * How tool output is truncated before it is sent to the model.
 *
 * @param mode whether {@code limit} counts bytes or (approximate) tokens
 * @param limit the budget
 */
public record TruncationPolicy(@JsonProperty("mode") Mode mode, @JsonProperty("limit") long limit) {

    /** Approximate bytes per token used to convert a token budget into bytes (as the reference does). */
    public static final int BYTES_PER_TOKEN = 4;

    /** The unit of {@link #limit}. */
    public enum Mode implements WireEnum {
        BYTES, TOKENS;

        @JsonValue
        @Override
        public String wire() {
            return WireEnum.snake(this);
        }

        @JsonCreator
        public static Mode fromWire(String value) {
            return WireEnum.parse(Mode.class, value);
        }
    }

    /** A byte budget. */
    public static TruncationPolicy bytes(long limit) {
        return new TruncationPolicy(Mode.BYTES, limit);
    }

    /** A token budget. */
    public static TruncationPolicy tokens(long limit) {
        return new TruncationPolicy(Mode.TOKENS, limit);
    }

    /** This policy with a budget of {@code tokens} tokens, keeping the mode (bytes: 4 per token). */
    public TruncationPolicy withTokenLimit(long tokens) {
        return mode == Mode.BYTES ? bytes(Math.multiplyExact(tokens, BYTES_PER_TOKEN)) : tokens(tokens);
    }
}
