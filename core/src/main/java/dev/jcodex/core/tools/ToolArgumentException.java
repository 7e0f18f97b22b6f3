package dev.jcodex.core.tools;

/** Arguments the model sent cannot be used; the message goes back to the model and the turn continues. */
public final class ToolArgumentException extends RuntimeException {
    public ToolArgumentException(String message) {
        super(message);
    }
}
