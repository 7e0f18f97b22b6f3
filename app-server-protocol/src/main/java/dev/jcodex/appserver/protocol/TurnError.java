package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * Why a turn failed (or a retryable stream error). {@code codexErrorInfo} is a string such as
 * {@code "serverOverloaded"} or an object such as {@code {"httpConnectionFailed":{"httpStatusCode":500}}}, kept as
 * JSON; it and {@code additionalDetails} are written as {@code null} when absent.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TurnError(
        @JsonProperty("message") String message,
        @JsonProperty("codexErrorInfo") JsonNode codexErrorInfo,
        @JsonProperty("additionalDetails") String additionalDetails) {

    public TurnError {
        codexErrorInfo = codexErrorInfo == null || codexErrorInfo.isNull() ? null : codexErrorInfo;
    }

    /** Just a message. */
    public static TurnError of(String message) {
        return new TurnError(message, null, null);
    }

    /** {@code message}, plus {@code " (<additionalDetails>)"} when the details are not empty. */
    public String messageWithDetails() {
        return additionalDetails == null || additionalDetails.isEmpty()
                ? message
                : message + " (" + additionalDetails + ")";
    }
}
