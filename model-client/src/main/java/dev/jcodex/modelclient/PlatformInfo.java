package dev.jcodex.modelclient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code (<os type> <os version>; <arch>)} part of the {@code User-Agent}, named the way the reference's
 * {@code os_info} crate names it: {@code Debian 12.0.0}, {@code Ubuntu 22.4.0}, {@code Alpine Linux 3.19.1},
 * {@code Mac OS 15.1.0}; the architecture is what {@code uname -m} prints ({@code x86_64}, {@code aarch64},
 * {@code arm64} on Apple silicon).
 *
 * @param osType  e.g. {@code Debian}
 * @param osVersion e.g. {@code 12.0.0}
 * @param arch    e.g. {@code x86_64}
 */
record PlatformInfo(String osType, String osVersion, String arch) {

    /** {@code os-release} {@code ID} → {@code os_info} display name, for the distributions it recognises by ID. */
    private static final Map<String, String> DISTRIBUTIONS = Map.ofEntries(
            Map.entry("alpine", "Alpine Linux"), Map.entry("amzn", "Amazon Linux AMI"),
            Map.entry("arch", "Arch Linux"), Map.entry("archarm", "Arch Linux"), Map.entry("centos", "CentOS"),
            Map.entry("debian", "Debian"), Map.entry("fedora", "Fedora"), Map.entry("linuxmint", "Linux Mint"),
            Map.entry("manjaro-arm", "Manjaro"), Map.entry("mariner", "Mariner"), Map.entry("nixos", "NixOS"),
            Map.entry("opensuse", "openSUSE"), Map.entry("opensuse-leap", "openSUSE"),
            Map.entry("opensuse-microos", "openSUSE"), Map.entry("opensuse-tumbleweed", "openSUSE"),
            Map.entry("rhel", "Red Hat Enterprise Linux"), Map.entry("sled", "SUSE Linux Enterprise Server"),
            Map.entry("sles", "SUSE Linux Enterprise Server"), Map.entry("sles_sap", "SUSE Linux Enterprise Server"),
            Map.entry("ubuntu", "Ubuntu"));

    private static final class Current {
        static final PlatformInfo VALUE = detect();
    }

    /** This machine's platform (read once per process). */
    static PlatformInfo current() {
        return Current.VALUE;
    }

    private static PlatformInfo detect() {
        String name = System.getProperty("os.name", "unknown");
        String version = System.getProperty("os.version", "unknown");
        String arch = arch(name, System.getProperty("os.arch", "unknown"));
        if (name.startsWith("Mac")) {
            return new PlatformInfo("Mac OS", semantic(version), arch);
        }
        if (name.startsWith("Windows")) {
            return new PlatformInfo("Windows", version, arch);
        }
        if (name.equals("Linux")) {
            try {
                String[] os = fromOsRelease(Files.readAllLines(Path.of("/etc/os-release")), version);
                return new PlatformInfo(os[0], os[1], arch);
            } catch (IOException | SecurityException e) {
                return new PlatformInfo("Linux", version, arch);
            }
        }
        return new PlatformInfo(name, version, arch);
    }

    /** Java's {@code os.arch} → {@code uname -m}. */
    static String arch(String osName, String javaArch) {
        return switch (javaArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> osName.startsWith("Mac") ? "arm64" : "aarch64";
            default -> javaArch;
        };
    }

    /**
     * Type and version from {@code /etc/os-release}: {@code ID=debian}, {@code VERSION_ID="12"} → {@code Debian},
     * {@code 12.0.0}. An ID {@code os_info} does not know falls back to the first word of {@code NAME}.
     */
    static String[] fromOsRelease(List<String> lines, String kernelVersion) {
        String id = null;
        String name = null;
        String versionId = null;
        for (String line : lines) {
            if (line.startsWith("ID=")) {
                id = unquote(line.substring(3));
            } else if (line.startsWith("NAME=")) {
                name = unquote(line.substring(5));
            } else if (line.startsWith("VERSION_ID=")) {
                versionId = unquote(line.substring(11));
            }
        }
        String type = id == null ? null : DISTRIBUTIONS.get(id);
        if (type == null) {
            type = name == null || name.isBlank() ? "Linux" : name.split("[ /]")[0];
        }
        return new String[] {type, versionId == null ? kernelVersion : semantic(versionId)};
    }

    /** Pads {@code 12} / {@code 22.04} to three numeric parts ({@code 12.0.0}, {@code 22.4.0}); else as given. */
    static String semantic(String version) {
        String[] parts = version.strip().split("\\.");
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
        String t = s.strip();
        return t.length() >= 2 && (t.startsWith("\"") || t.startsWith("'")) ? t.substring(1, t.length() - 1) : t;
    }
}
