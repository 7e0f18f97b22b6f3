package dev.jcodex.modelclient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of the {@code User-Agent} header (spec §3.4):
 * {@code <originator>/<version> (<os type> <os version>; <arch>) <terminal>} plus, for app-server clients,
 * {@code  (<client name>; <client version>)}. Characters that are not visible ASCII become {@code _}.
 *
 * @param originator the {@code originator} header value ({@code codex_cli_rs}, {@code codex_exec}, …)
 * @param version the CLI version
 * @param osType e.g. {@code Debian}, {@code Mac OS}, {@code Windows}
 * @param osVersion e.g. {@code 12.0.0}
 * @param arch e.g. {@code x86_64}, {@code aarch64}
 * @param terminal e.g. {@code xterm}, {@code iTerm.app/3.5.0}
 * @param clientSuffix e.g. {@code codex_exec; 0.169.0}, or null
 */
public record UserAgent(String originator, String version, String osType, String osVersion, String arch,
                        String terminal, String clientSuffix) {

    public UserAgent {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(version, "version");
    }

    /** The header value. */
    public String header() {
        String ua = originator + "/" + version + " (" + osType + " " + osVersion + "; " + arch + ") " + terminal
                + (clientSuffix == null ? "" : " (" + clientSuffix + ")");
        return sanitize(ua);
    }

    /** A copy with the {@code (<name>; <version>)} client suffix. */
    public UserAgent withClient(String name, String clientVersion) {
        return new UserAgent(originator, version, osType, osVersion, arch, terminal, name + "; " + clientVersion);
    }

    /**
     * Detects OS, architecture and terminal of this machine. {@code env} supplies {@code TERM_PROGRAM},
     * {@code TERM_PROGRAM_VERSION}, {@code WT_SESSION} and {@code TERM}; {@code CODEX_INTERNAL_ORIGINATOR_OVERRIDE}
     * in {@code env} replaces {@code originator}.
     */
    public static UserAgent detect(String originator, String version, Map<String, String> env) {
        String override = env.get("CODEX_INTERNAL_ORIGINATOR_OVERRIDE");
        String origin = override != null && !override.isBlank() ? override.trim() : originator;
        String[] os = operatingSystem();
        return new UserAgent(origin, version, os[0], os[1], arch(System.getProperty("os.arch", "unknown")),
                terminal(env), null);
    }

    static String terminal(Map<String, String> env) {
        String program = env.get("TERM_PROGRAM");
        if (program != null && !program.isBlank()) {
            String v = env.get("TERM_PROGRAM_VERSION");
            return v == null || v.isBlank() ? program : program + "/" + v;
        }
        if (env.containsKey("WT_SESSION")) {
            return "WindowsTerminal";
        }
        String term = env.get("TERM");
        return term == null || term.isBlank() ? "unknown" : term;
    }

    static String arch(String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            default -> javaArch;
        };
    }

    private static String[] operatingSystem() {
        String name = System.getProperty("os.name", "unknown");
        String version = System.getProperty("os.version", "unknown");
        if (name.startsWith("Mac")) {
            return new String[] {"Mac OS", semantic(version)};
        }
        if (name.startsWith("Windows")) {
            return new String[] {"Windows", version};
        }
        if (name.equals("Linux")) {
            try {
                return fromOsRelease(Files.readAllLines(Path.of("/etc/os-release")), version);
            } catch (IOException | SecurityException e) {
                return new String[] {"Linux", version};
            }
        }
        return new String[] {name, version};
    }

    /** {@code NAME="Debian GNU/Linux"}, {@code VERSION_ID="12"} → {@code Debian}, {@code 12.0.0}. */
    static String[] fromOsRelease(Iterable<String> lines, String kernelVersion) {
        String name = null;
        String versionId = null;
        for (String line : lines) {
            if (line.startsWith("NAME=")) {
                name = unquote(line.substring(5));
            } else if (line.startsWith("VERSION_ID=")) {
                versionId = unquote(line.substring(11));
            }
        }
        String type = name == null || name.isBlank() ? "Linux" : name.split("[ /]")[0];
        return new String[] {type, versionId == null ? kernelVersion : semantic(versionId)};
    }

    /** Pads {@code 12} / {@code 22.04} to three numeric parts ({@code 12.0.0}, {@code 22.4.0}). */
    static String semantic(String version) {
        String[] parts = version.split("\\.");
        if (parts.length > 3) {
            return version;
        }
        long[] nums = new long[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                nums[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return version;
            }
        }
        return nums[0] + "." + nums[1] + "." + nums[2];
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && (t.startsWith("\"") || t.startsWith("'")) ? t.substring(1, t.length() - 1) : t;
    }

    /** Replaces every character outside visible ASCII (and space) with {@code _}. */
    static String sanitize(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7e ? c : '_');
        }
        return sb.toString();
    }
}
