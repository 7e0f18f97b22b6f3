package dev.jcodex.execpolicy;

import java.util.Optional;

/** How a program word maps to the name the safe/dangerous lists know it by. */
final class CommandNames {
    private CommandNames() {}

    /** The file name of {@code program} ({@code /usr/bin/git} → {@code git}); empty for {@code ""} or {@code "/"}. */
    static Optional<String> lookupKey(String program) {
        String trimmed = program;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? Optional.empty() : Optional.of(name);
    }
}
