package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code [shell_environment_policy]} (spec §6.6): which environment variables child processes get.
 *
 * <p>Unlike the newer reference, {@code ignore_default_excludes} defaults to <b>false</b> (spec Appendix B): names
 * matching {@code *KEY*}, {@code *SECRET*} or {@code *TOKEN*} are dropped unless the user opts out.
 *
 * @param inherit the starting set (default {@link Inherit#ALL})
 * @param ignoreDefaultExcludes keep {@code *KEY*}/{@code *SECRET*}/{@code *TOKEN*} variables (default false)
 * @param exclude case-insensitive glob patterns ({@code *}, {@code ?}) of names to drop
 * @param set variables to set
 * @param includeOnly when non-empty, keep only names matching one of these patterns
 * @param experimentalUseProfile run commands through the user's shell profile
 */
public record ShellEnvironmentPolicy(Inherit inherit, boolean ignoreDefaultExcludes, List<String> exclude,
        Map<String, String> set, List<String> includeOnly, boolean experimentalUseProfile) {

    /** Variables kept by {@code inherit = "core"} on Unix. */
    public static final Set<String> CORE_VARS = Set.of("PATH", "SHELL", "TMPDIR", "TEMP", "TMP", "HOME", "LANG",
            "LC_ALL", "LC_CTYPE", "LOGNAME", "USER");
    /** The default exclusion patterns. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("*KEY*", "*SECRET*", "*TOKEN*");

    /** {@code inherit}. */
    public enum Inherit implements WireEnum {
        /** Only {@link #CORE_VARS}. */
        CORE,
        /** The whole parent environment. */
        ALL,
        /** Nothing. */
        NONE;

        @Override
        public String wire() {
            return WireEnum.kebab(this);
        }
    }

    public ShellEnvironmentPolicy {
        exclude = List.copyOf(exclude);
        set = Map.copyOf(set);
        includeOnly = List.copyOf(includeOnly);
    }

    /** The default policy. */
    public static ShellEnvironmentPolicy defaults() {
        return new ShellEnvironmentPolicy(Inherit.ALL, false, List.of(), Map.of(), List.of(), false);
    }

    /**
     * The environment for a child process: inherit, default excludes, {@code exclude}, {@code set},
     * {@code include_only}, then {@code CODEX_THREAD_ID}.
     */
    public Map<String, String> apply(Map<String, String> parentEnv, String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        Map<String, String> env = new LinkedHashMap<>();
        parentEnv.forEach((name, value) -> {
            if (inherit == Inherit.ALL || (inherit == Inherit.CORE && CORE_VARS.contains(name))) {
                env.put(name, value);
            }
        });
        if (!ignoreDefaultExcludes) {
            env.keySet().removeIf(name -> matchesAny(DEFAULT_EXCLUDES, name));
        }
        env.keySet().removeIf(name -> matchesAny(exclude, name));
        env.putAll(set);
        if (!includeOnly.isEmpty()) {
            env.keySet().removeIf(name -> !matchesAny(includeOnly, name));
        }
        env.put("CODEX_THREAD_ID", threadId);
        return env;
    }

    static boolean matchesAny(List<String> patterns, String name) {
        for (String pattern : patterns) {
            if (glob(pattern).matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    static ShellEnvironmentPolicy parse(TableReader root) {
        TableReader table = root.table("shell_environment_policy");
        if (table == null) {
            return defaults();
        }
        Inherit inherit = table.enumValue("inherit", Inherit.class);
        List<String> exclude = table.stringList("exclude");
        Map<String, String> set = table.stringMap("set");
        List<String> includeOnly = table.stringList("include_only");
        return new ShellEnvironmentPolicy(inherit == null ? Inherit.ALL : inherit,
                table.bool("ignore_default_excludes", false),
                exclude == null ? List.of() : exclude,
                set == null ? Map.of() : set,
                includeOnly == null ? List.of() : includeOnly,
                table.bool("experimental_use_profile", false));
    }
}
