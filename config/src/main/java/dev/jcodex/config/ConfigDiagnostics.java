package dev.jcodex.config;

import java.util.List;

/**
 * Notes produced while loading: things the user should see (an ignored untrusted project config, deprecated
 * keys, clamped values) and keys nobody understood (also logged once through {@code System.Logger}).
 *
 * @param warnings human-readable notes, in order
 * @param unknownKeys {@code file:line:col: unknown configuration key `a.b`} entries
 */
public record ConfigDiagnostics(List<String> warnings, List<String> unknownKeys) {

    public ConfigDiagnostics {
        warnings = List.copyOf(warnings);
        unknownKeys = List.copyOf(unknownKeys);
    }
}
