package dev.jcodex.process;

/** How a child ended, as reported by {@code waitpid}. */
sealed interface ExitStatus {

    /** Offset added to a signal number, as shells do. */
    int SIGNAL_BASE = 128;

    /** Normal exit with {@code code}. */
    record Exited(int code) implements ExitStatus {}

    /** Killed by {@code signal}. */
    record Signaled(int signal) implements ExitStatus {}

    /** The status as a shell reports it: the exit code, or {@code 128 + signal}. */
    default int shellCode() {
        return switch (this) {
            case Exited exited -> exited.code();
            case Signaled signaled -> SIGNAL_BASE + signaled.signal();
        };
    }

    /** Decodes a raw {@code waitpid} status word (Linux/BSD layout). */
    static ExitStatus fromWaitStatus(int status) {
        int signal = status & 0x7f;
        if (signal == 0) {
            return new Exited((status >> 8) & 0xff);
        }
        return new Signaled(signal);
    }
}
