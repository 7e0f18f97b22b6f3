package dev.jcodex.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code [shell_environment_policy]} (spec §6.6): which of this process's environment variables a child sees.
 *
 * <p>Applied in order: start from {@code inherit}; drop names matching {@code *KEY*}, {@code *SECRET*} or {@code
 * *TOKEN*} unless {@code defaultExcludes} is {@link DefaultExcludes#IGNORE}; drop {@code exclude} matches; insert
 * {@code set}; when {@code includeOnly} is non-empty keep only its matches. Patterns are case-insensitive globs with
 * {@code *} and {@code ?}.
 *
 * <p>Deviation from the current reference: there {@code ignore_default_excludes} defaults to true (secrets pass
 * through); our {@link #defaults()} applies the filter, as the seed versions did, so secrets never reach children
 * unless the user opts in.
 *
 * @param inherit         starting set
 * @param defaultExcludes whether the KEY/SECRET/TOKEN filter runs ({@code ignore_default_excludes = false} ⇔ APPLY)
 * @param exclude         patterns of names to drop
 * @param set             variables to add or override
 * @param includeOnly     if non-empty, patterns of the only names to keep
 */
public record EnvPolicy(Inherit inherit, DefaultExcludes defaultExcludes, List<String> exclude,
        Map<String, String> set, List<String> includeOnly) {

    /** The default exclude patterns. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("*KEY*", "*SECRET*", "*TOKEN*");

    /** {@code inherit = "core"} on Unix. */
    public static final Set<String> CORE_UNIX =
            Set.of("PATH", "SHELL", "TMPDIR", "TEMP", "TMP", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "LOGNAME", "USER");

    /** {@code inherit = "core"} on Windows (names compared case-insensitively). */
    public static final Set<String> CORE_WINDOWS =
            Set.of("PATH", "SHELL", "TMPDIR", "TEMP", "TMP", "PATHEXT", "USERNAME", "USERPROFILE");

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** {@code inherit}: the starting set of variables. */
    public enum Inherit { ALL, CORE, NONE }

    /** Whether the KEY/SECRET/TOKEN filter runs. */
    public enum DefaultExcludes { APPLY, IGNORE }

    /** Validates and copies the components. */
    public EnvPolicy {
        Objects.requireNonNull(inherit, "inherit");
        Objects.requireNonNull(defaultExcludes, "defaultExcludes");
        exclude = List.copyOf(exclude);
        set = Map.copyOf(set);
        includeOnly = List.copyOf(includeOnly);
    }

    /** {@code inherit = all} with the default excludes applied, nothing else (jcodex's default). */
    public static EnvPolicy defaults() {
        return new EnvPolicy(Inherit.ALL, DefaultExcludes.APPLY, List.of(), Map.of(), List.of());
    }

    /** The child environment derived from {@code parentEnv}. */
    public Map<String, String> apply(Map<String, String> parentEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : parentEnv.entrySet()) {
            if (inherits(entry.getKey())) {
                env.put(entry.getKey(), entry.getValue());
            }
        }
        if (defaultExcludes == DefaultExcludes.APPLY) {
            env.keySet().removeIf(name -> matchesAny(DEFAULT_EXCLUDES, name));
        }
        env.keySet().removeIf(name -> matchesAny(exclude, name));
        env.putAll(set);
        if (!includeOnly.isEmpty()) {
            env.keySet().removeIf(name -> !matchesAny(includeOnly, name));
        }
        return env;
    }

    private boolean inherits(String name) {
        return switch (inherit) {
            case ALL -> true;
            case NONE -> false;
            case CORE -> WINDOWS
                    ? CORE_WINDOWS.stream().anyMatch(core -> core.equalsIgnoreCase(name))
                    : CORE_UNIX.contains(name);
        };
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String pattern : patterns) {
            if (globMatches(pattern, name)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive glob: {@code *} matches any run of characters, {@code ?} exactly one. */
    static boolean globMatches(String pattern, String name) {
        String p = pattern.toUpperCase(Locale.ROOT);
        String n = name.toUpperCase(Locale.ROOT);
        int pi = 0;
        int ni = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (ni < n.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == n.charAt(ni))) {
                pi++;
                ni++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starAt = pi++;
                resumeAt = ni;
            } else if (starAt >= 0) {
                pi = starAt + 1;
                ni = ++resumeAt;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
