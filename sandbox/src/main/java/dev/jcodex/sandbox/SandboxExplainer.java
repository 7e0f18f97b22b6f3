package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Describes in plain words what a policy allows and what will enforce it ({@code codex sandbox explain}). */
public final class SandboxExplainer {

    private SandboxExplainer() {}

    /** Explains {@code policy} as {@link SandboxSelector#detect()} would enforce it. */
    public static String explain(SandboxPolicy policy, Path cwd, Map<String, String> env) {
        return explain(policy, cwd, env, SandboxSelector.detect());
    }

    /**
     * Explains {@code policy} as {@code selector} would enforce it.
     *
     * @param cwd the policy's working directory
     * @param env the child's environment; only {@code TMPDIR} is read
     */
    public static String explain(SandboxPolicy policy, Path cwd, Map<String, String> env, SandboxSelector selector) {
        StringBuilder out = new StringBuilder();
        out.append("Policy: ").append(policy.mode().wire()).append('\n');
        if (policy instanceof SandboxPolicy.DangerFullAccess) {
            out.append("No sandbox: commands run with your full permissions, network included.\n");
            return out.toString();
        }
        if (selector.unavailableReason().isPresent()) {
            out.append("Enforced by: nothing — ").append(selector.unavailableReason().get()).append('\n');
            out.append("Commands that need this sandbox will be refused, not run unconfined.\n");
        } else {
            out.append("Enforced by: ").append(mechanismLine(selector.mechanism())).append('\n');
        }
        out.append("Reading: allowed everywhere.\n");
        Path canonicalCwd = WritableRoots.canonical(cwd.toAbsolutePath());
        List<WritableRoot> roots = WritableRoots.of(policy, cwd, env);
        if (roots.isEmpty()) {
            out.append("Writing: not allowed anywhere (only /dev/null and similar devices).\n");
        } else {
            out.append("Writing: allowed only beneath these roots:\n");
            for (WritableRoot root : roots) {
                out.append("  ").append(root.root()).append(root.root().equals(canonicalCwd) ? " (working directory)" : "")
                        .append('\n');
            }
            List<Path> readOnly = roots.stream().flatMap(r -> r.readOnlySubpaths().stream()).distinct().toList();
            if (!readOnly.isEmpty()) {
                out.append("Kept read-only inside them:\n");
                for (Path p : readOnly) {
                    out.append("  ").append(p);
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.append(" (does not exist yet; creating it needs approval)");
                    }
                    out.append('\n');
                }
            }
            splitNote(selector.mechanism(), roots, readOnly).ifPresent(note -> out.append(note).append('\n'));
        }
        out.append("Network: ");
        if (policy.hasNetworkAccess()) {
            out.append("allowed.\n");
        } else {
            out.append("off — ").append(networkLine(selector.mechanism())).append("; commands see ")
                    .append(SandboxSelector.NETWORK_DISABLED_ENV).append("=1.\n");
        }
        return out.toString();
    }

    private static String mechanismLine(SandboxMechanism mechanism) {
        return switch (mechanism) {
            case LANDLOCK -> "Landlock (ABI " + LandlockConfinement.abiVersion()
                    + ") + seccomp, applied to the thread that spawns each command";
            case BUBBLEWRAP -> "bubblewrap (" + BubblewrapLauncher.detect().map(b -> b.executable().toString())
                    .orElse("bwrap") + "): read-only bind of /, writable roots bound over it, new namespaces";
            case SEATBELT -> "macOS Seatbelt (" + SeatbeltProfile.SANDBOX_EXEC + ")";
            case NONE -> "nothing";
        };
    }

    private static String networkLine(SandboxMechanism mechanism) {
        return switch (mechanism) {
            case LANDLOCK -> (LandlockConfinement.abiVersion() >= 4 ? "Landlock denies TCP bind and connect, " : "")
                    + "seccomp refuses every socket except Unix-domain ones";
            case BUBBLEWRAP -> "a private network namespace with only its own loopback";
            case SEATBELT -> "the profile has no network rules";
            case NONE -> "not enforced";
        };
    }

    private static Optional<String> splitNote(SandboxMechanism mechanism, List<WritableRoot> roots,
            List<Path> readOnly) {
        List<Path> split = switch (mechanism) {
            // Landlock: every writable directory with a read-only path anywhere beneath it.
            case LANDLOCK -> roots.stream().map(WritableRoot::root)
                    .filter(root -> readOnly.stream().anyMatch(p -> !p.equals(root) && p.startsWith(root))).toList();
            // bubblewrap: only the directory that would hold a read-only path that does not exist yet.
            case BUBBLEWRAP -> readOnly.stream().filter(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                    .map(Path::getParent).distinct().toList();
            case SEATBELT, NONE -> List.of();
        };
        if (split.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Note: in " + split.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " commands can change existing files and anything inside existing sub-directories, but cannot"
                + " create, delete or rename entries directly in " + (split.size() == 1 ? "it" : "them") + " ("
                + mechanism.displayName() + " cannot keep a read-only path inside an otherwise writable directory"
                + (mechanism == SandboxMechanism.LANDLOCK ? "; directories on the way down to such a path are"
                        + " split the same way" : "") + ").");
    }
}
