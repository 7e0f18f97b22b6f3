package dev.jcodex.exec;

/** The prompt could not be determined (no prompt, empty stdin, undecodable stdin); exit code 1. */
public final class PromptException extends ExecException {
    /** With the exact message the reference prints. */
    public PromptException(String message) {
        super(message);
    }
}
