package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** One step of an {@code update_plan} plan. */
public record PlanItem(@JsonProperty("step") String step, @JsonProperty("status") Status status) {

    /** Step status as the model writes it. */
    public enum Status implements WireEnum {
        PENDING, IN_PROGRESS, COMPLETED;

        @JsonValue
        @Override
        public String wire() {
            return WireEnum.snake(this);
        }

        @JsonCreator
        public static Status fromWire(String value) {
            return WireEnum.parse(Status.class, value);
        }
    }
}
