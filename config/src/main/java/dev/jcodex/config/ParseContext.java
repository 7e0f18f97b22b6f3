package dev.jcodex.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the typed parsers need besides the effective tree.
 *
 * @param cwd effective working directory
 * @param codexHome CODEX_HOME
 * @param env environment variables
 * @param overrides harness overrides
 * @param requirements admin constraints
 * @param projectTrust trust decision for the cwd's project, or null when there is none
 * @param warnings notes for the user (mutable, in order)
 */
record ParseContext(Path cwd, Path codexHome, Map<String, String> env, ConfigOverrides overrides,
        ConfigRequirements requirements, TrustLevel projectTrust, List<String> warnings) {

    /** The origin of a harness override (a command-line flag or an app-server parameter) for {@code key}. */
    Origin flag(String key) {
        return Origin.flag("override of " + key + " (command line)", cwd);
    }

    void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }
}
