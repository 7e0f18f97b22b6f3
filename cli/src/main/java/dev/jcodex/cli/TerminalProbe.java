package dev.jcodex.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, from {@code /proc/self/fd/N} ({@link System#console()} is non-null
 * for pipes on recent JDKs, so it cannot tell). Where {@code /proc} is missing, streams count as non-terminals.
 */
final class TerminalProbe {
    private TerminalProbe() {}

    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
