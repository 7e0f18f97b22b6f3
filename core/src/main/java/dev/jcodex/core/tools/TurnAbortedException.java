package dev.jcodex.core.tools;

/** Ends the running turn (user chose abort, or the turn was interrupted). */
public final class TurnAbortedException extends RuntimeException {
    public TurnAbortedException(String message) {
        super(message);
    }
}
