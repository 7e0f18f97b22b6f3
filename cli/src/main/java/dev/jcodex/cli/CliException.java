package dev.jcodex.cli;

/** A user-facing failure of a CLI command: its message is printed as-is and the process exits with the code. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
