package dev.jcodex.common;

/**
 * Restrictions a sandbox applies to the <em>calling platform thread</em> just before that thread spawns a child
 * process (Landlock, {@code no_new_privs}, seccomp without TSYNC all act per thread and are inherited by children).
 *
 * <p>The process launcher runs {@link #applyToCurrentThread()} on a fresh platform thread that is used for exactly
 * one spawn and then ends, so the JVM's other threads are never restricted.
 */
@FunctionalInterface
public interface SpawnConfinement {

    /** No restriction. */
    SpawnConfinement NONE = () -> {};

    /**
     * Restricts the current thread. Throws {@link SandboxUnavailableException} when the restriction cannot be
     * enforced; the caller must then refuse to spawn rather than run unconfined.
     */
    void applyToCurrentThread();

    /** Thrown when a required confinement cannot be enforced on this machine. */
    final class SandboxUnavailableException extends RuntimeException {
        public SandboxUnavailableException(String message) {
            super(message);
        }

        public SandboxUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
