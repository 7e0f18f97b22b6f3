package dev.jcodex.exec;

/**
 * Where Ctrl-C comes from. The CLI installs a SIGINT handler that calls the given action; tests call it directly.
 * {@link ExecRunner} answers by sending {@code turn/interrupt} for its turn.
 */
@FunctionalInterface
public interface InterruptHook {

    /** No interrupts (the default). */
    InterruptHook NONE = onInterrupt -> () -> { };

    /**
     * Arranges for {@code onInterrupt} to run on every interrupt until the returned registration is closed.
     * {@code onInterrupt} does not block.
     */
    Registration install(Runnable onInterrupt);

    /** Undoes an {@link #install}. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
