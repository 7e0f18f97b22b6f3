package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how commands are confined on this machine and turns a policy into a {@link SandboxPlan}.
 *
 * <p>{@link #detect()} picks, on Linux, Landlock + seccomp when the kernel has Landlock — measured here as the
 * cheapest per spawn (see the module README) — else bubblewrap when a working {@code bwrap} exists, else
 * nothing; on macOS, Seatbelt. Under Landlock, read-only paths inside writable roots are kept read-only by
 * read-only bind mounts in a private mount namespace per spawn when this process may create one (it holds
 * {@code CAP_SYS_ADMIN}, e.g. root in a container), so the roots stay writable whole; otherwise by Landlock
 * rules split around them, which refuses new entries directly in such a root (see {@link LandlockRules}).
 * When nothing can enforce a restricted policy the plan is {@link SandboxPlan.Unavailable}: commands are
 * refused, never silently run unconfined.
 */
public final class SandboxSelector {

    /** Set in the child's environment when the policy turns the network off. */
    public static final String NETWORK_DISABLED_ENV = "CODEX_SANDBOX_NETWORK_DISABLED";
    /** Set to {@code seatbelt} in the child's environment under macOS Seatbelt. */
    public static final String SANDBOX_ENV = "CODEX_SANDBOX";

    private final SandboxMechanism mechanism;
    private final String unavailableReason;
    private final BubblewrapLauncher bubblewrap;
    private final LandlockConfinement.Layout landlockLayout;

    SandboxSelector(SandboxMechanism mechanism, String unavailableReason, BubblewrapLauncher bubblewrap) {
        this(mechanism, unavailableReason, bubblewrap, mechanism == SandboxMechanism.LANDLOCK
                && unavailableReason == null ? LandlockConfinement.preferredLayout() : LandlockConfinement.Layout.SPLIT);
    }

    SandboxSelector(SandboxMechanism mechanism, String unavailableReason, BubblewrapLauncher bubblewrap,
            LandlockConfinement.Layout landlockLayout) {
        this.mechanism = mechanism;
        this.unavailableReason = unavailableReason;
        this.bubblewrap = bubblewrap;
        this.landlockLayout = Objects.requireNonNull(landlockLayout, "landlockLayout");
    }

    /** Landlock with the given layout, e.g. to exercise the split layout on a machine that has the other. */
    static SandboxSelector landlock(LandlockConfinement.Layout layout) {
        return new SandboxSelector(SandboxMechanism.LANDLOCK, LandlockConfinement.unavailableReason().orElse(null),
                null, layout);
    }

    /** The best mechanism this machine offers (probes are cached per JVM). */
    public static SandboxSelector detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            boolean landlock = LandlockConfinement.abiVersion() > 0;
            SandboxMechanism choice = linuxChoice(landlock,
                    landlock ? LandlockConfinement.preferredLayout() : LandlockConfinement.Layout.SPLIT,
                    () -> BubblewrapLauncher.detect().isPresent());
            if (choice != SandboxMechanism.NONE) {
                return using(choice);
            }
            return new SandboxSelector(SandboxMechanism.NONE, "no Linux sandbox works here: "
                    + LandlockConfinement.unavailableReason().orElse("Landlock unavailable") + "; "
                    + BubblewrapLauncher.unavailableReason().orElse("bubblewrap unavailable"), null);
        }
        if (os.startsWith("mac")) {
            return using(SandboxMechanism.SEATBELT);
        }
        return new SandboxSelector(SandboxMechanism.NONE,
                "jcodex has no sandbox for " + System.getProperty("os.name"), null);
    }

    /**
     * The Linux mechanism {@link #detect()} picks: Landlock when it can grant writable roots whole (its mount
     * namespace layout, which needs {@code CAP_SYS_ADMIN}); otherwise bubblewrap when it works, because Landlock
     * alone must split the roots around {@code .git}/{@code .codex}/{@code .agents} and then refuses new entries
     * directly in the workspace ({@code mkdir build}), a worse trade than bubblewrap's ~7 ms more per command;
     * otherwise Landlock split; NONE when neither works. {@code bubblewrapWorks} is asked only when it matters (its
     * probe starts a process).
     */
    static SandboxMechanism linuxChoice(boolean landlockUsable, LandlockConfinement.Layout landlockLayout,
            java.util.function.BooleanSupplier bubblewrapWorks) {
        if (landlockUsable && landlockLayout == LandlockConfinement.Layout.MOUNT_NAMESPACE) {
            return SandboxMechanism.LANDLOCK;
        }
        if (bubblewrapWorks.getAsBoolean()) {
            return SandboxMechanism.BUBBLEWRAP;
        }
        return landlockUsable ? SandboxMechanism.LANDLOCK : SandboxMechanism.NONE;
    }

    /**
     * A selector that always uses {@code mechanism}; if it cannot work here, restricted policies get
     * {@link SandboxPlan.Unavailable} with the reason.
     */
    public static SandboxSelector using(SandboxMechanism mechanism) {
        return switch (Objects.requireNonNull(mechanism, "mechanism")) {
            case LANDLOCK -> new SandboxSelector(mechanism,
                    LandlockConfinement.unavailableReason().orElse(null), null);
            case BUBBLEWRAP -> new SandboxSelector(mechanism, BubblewrapLauncher.unavailableReason().orElse(null),
                    BubblewrapLauncher.detect().orElse(null));
            case SEATBELT -> new SandboxSelector(mechanism, Files.isExecutable(Path.of(SeatbeltProfile.SANDBOX_EXEC))
                    ? null : SeatbeltProfile.SANDBOX_EXEC + " is missing", null);
            case NONE -> new SandboxSelector(mechanism, "no sandbox mechanism was selected", null);
        };
    }

    /** The mechanism restricted policies will use. */
    public SandboxMechanism mechanism() {
        return mechanism;
    }

    /** Why restricted policies cannot be enforced, or empty when they can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /** The layout Landlock confinements of this selector use (meaningful when the mechanism is Landlock). */
    LandlockConfinement.Layout landlockLayout() {
        return landlockLayout;
    }

    /**
     * The plan for running a command under {@code policy}.
     *
     * @param cwd the policy's working directory (a writable root under workspace-write)
     * @param env the child's environment; only {@code TMPDIR} is read
     */
    public SandboxPlan plan(SandboxPolicy policy, Path cwd, Map<String, String> env) {
        if (policy instanceof SandboxPolicy.DangerFullAccess) {
            return new SandboxPlan.RunPlain(Map.of());
        }
        if (unavailableReason != null) {
            return new SandboxPlan.Unavailable("the " + policy.mode().wire()
                    + " sandbox cannot be enforced: " + unavailableReason);
        }
        Map<String, String> additions = new LinkedHashMap<>();
        if (!policy.hasNetworkAccess()) {
            additions.put(NETWORK_DISABLED_ENV, "1");
        }
        return switch (mechanism) {
            case LANDLOCK -> new SandboxPlan.Confine(LandlockConfinement.forPolicy(policy, cwd, env, landlockLayout),
                    additions);
            case BUBBLEWRAP -> new SandboxPlan.WrapArgv(mechanism, bubblewrap.argvPrefix(policy, cwd, env),
                    additions);
            case SEATBELT -> {
                additions.put(SANDBOX_ENV, "seatbelt");
                yield new SandboxPlan.WrapArgv(mechanism, SeatbeltProfile.forPolicy(policy, cwd, env).argvPrefix(),
                        additions);
            }
            case NONE -> new SandboxPlan.Unavailable("no sandbox mechanism was selected");
        };
    }

    @Override
    public String toString() {
        return "SandboxSelector[" + mechanism + (mechanism == SandboxMechanism.LANDLOCK ? ", " + landlockLayout : "")
                + (unavailableReason == null ? "" : ", unavailable: " + unavailableReason) + "]";
    }
}
