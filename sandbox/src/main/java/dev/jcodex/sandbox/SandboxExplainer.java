package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            out.append("Enforced by: ").append(mechanismLine(selector)).append('\n');
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
            boolean whole = mountsProtectedPaths(selector);
            if (!readOnly.isEmpty()) {
                out.append("Kept read-only inside them:\n");
                for (Path p : readOnly) {
                    out.append("  ").append(p);
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.append(whole ? " (does not exist yet; the first sandboxed command creates it as an empty"
                                + " directory so that it can be mounted read-only; putting anything in it needs"
                                + " approval)" : " (does not exist yet; creating it needs approval)");
                    }
                    out.append('\n');
                }
            }
            layoutLines(selector, roots, readOnly, cwd).forEach(line -> out.append(line).append('\n'));
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

    private static String mechanismLine(SandboxSelector selector) {
        return switch (selector.mechanism()) {
            case LANDLOCK -> "Landlock (ABI " + LandlockConfinement.abiVersion()
                    + ") + seccomp, applied to the thread that spawns each command"
                    + (selector.landlockLayout() == LandlockConfinement.Layout.MOUNT_NAMESPACE
                            ? ", which also gets a private mount namespace" : "");
            case BUBBLEWRAP -> "bubblewrap (" + BubblewrapLauncher.detect().map(b -> b.executable().toString())
                    .orElse("bwrap") + "): read-only bind of /, writable roots bound over it, new namespaces";
            case SEATBELT -> "macOS Seatbelt (" + SeatbeltProfile.SANDBOX_EXEC + ")";
            case NONE -> "nothing";
        };
    }

    /**
     * Whether protected paths are kept read-only by mounts (so writable roots stay writable whole, and the
     * missing {@code .codex} is created to be mounted over). Seatbelt needs neither: its rules name paths.
     */
    private static boolean mountsProtectedPaths(SandboxSelector selector) {
        return switch (selector.mechanism()) {
            case LANDLOCK -> selector.landlockLayout() == LandlockConfinement.Layout.MOUNT_NAMESPACE;
            case BUBBLEWRAP -> true;
            case SEATBELT, NONE -> false;
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

    /** Which layout holds the protected paths, and what it means for entries directly in a root. */
    private static List<String> layoutLines(SandboxSelector selector, List<WritableRoot> roots, List<Path> readOnly,
            Path cwd) {
        SandboxMechanism mechanism = selector.mechanism();
        if (readOnly.isEmpty() || mechanism == SandboxMechanism.NONE || mechanism == SandboxMechanism.SEATBELT) {
            return List.of();
        }
        List<Path> unsealed = MountPlan.of(roots, cwd).unsealed();
        List<String> lines = new ArrayList<>();
        List<Path> split;
        String why;
        if (mountsProtectedPaths(selector)) {
            lines.add("Layout: whole roots. New files and directories can be created, deleted and renamed anywhere"
                    + " in the writable roots except .git, .codex and .agents, which are read-only bind mounts that"
                    + " only the command sees (writing there fails with \"Read-only file system\", moving or"
                    + " deleting them with \"Device or resource busy\").");
            // What cannot be mounted over (a protected symlink) is still handled by splitting.
            split = mechanism == SandboxMechanism.LANDLOCK ? splitRoots(roots, unsealed)
                    : unsealed.stream().map(Path::getParent).distinct().toList();
            why = "a protected symlink cannot be mounted over";
        } else {
            split = splitRoots(roots, readOnly);
            why = "Landlock cannot keep a read-only path inside an otherwise writable directory, and there is no"
                    + " mount namespace to do it: " + MountNamespace.unavailableReason()
                            .orElse("the split layout was selected");
            lines.add("Layout: split.");
        }
        if (!split.isEmpty()) {
            lines.add("Note: in " + split.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + " commands can change existing files and anything inside existing sub-directories, but cannot"
                    + " create, delete or rename entries directly in " + (split.size() == 1 ? "it" : "them") + " ("
                    + why + (mechanism == SandboxMechanism.LANDLOCK ? "; directories on the way down to such a path"
                            + " are split the same way" : "") + ").");
        }
        return lines;
    }

    /** Writable roots with one of {@code paths} beneath them (Landlock splits every directory on the way). */
    private static List<Path> splitRoots(List<WritableRoot> roots, List<Path> paths) {
        return roots.stream().map(WritableRoot::root)
                .filter(root -> paths.stream().anyMatch(p -> !p.equals(root) && p.startsWith(root))).toList();
    }
}
