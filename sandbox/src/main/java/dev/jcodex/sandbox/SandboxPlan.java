package dev.jcodex.sandbox;

import dev.jcodex.common.SpawnConfinement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to launch one command under a sandbox policy, as decided by {@link SandboxSelector#plan}. The process
 * launcher switches over the four cases:
 * <pre>{@code
 * switch (plan) {
 *     case SandboxPlan.RunPlain p -> start(command, env + p.envAdditions());
 *     case SandboxPlan.WrapArgv w -> start(w.wrap(command), env + w.envAdditions());
 *     case SandboxPlan.Confine c -> onFreshPlatformThread(() -> {
 *             c.confinement().applyToCurrentThread();
 *             return start(command, env + c.envAdditions()); });
 *     case SandboxPlan.Unavailable u -> refuse(u.reason());   // never run unconfined silently
 * }
 * }</pre>
 */
public sealed interface SandboxPlan {

    /** Variables to add to the child's environment (e.g. {@code CODEX_SANDBOX_NETWORK_DISABLED=1}). */
    Map<String, String> envAdditions();

    /** The mechanism that enforces this plan ({@link SandboxMechanism#NONE} for plain runs and refusals). */
    SandboxMechanism mechanism();

    /** Run the command as is (danger-full-access). */
    record RunPlain(Map<String, String> envAdditions) implements SandboxPlan {
        public RunPlain {
            envAdditions = Map.copyOf(envAdditions);
        }

        @Override
        public SandboxMechanism mechanism() {
            return SandboxMechanism.NONE;
        }
    }

    /**
     * Run {@code prefix + command} (bubblewrap, Seatbelt). The prefix ends with {@code --}.
     *
     * @param mechanism    {@link SandboxMechanism#BUBBLEWRAP} or {@link SandboxMechanism#SEATBELT}
     * @param prefix       the wrapper's argv up to and including {@code --}
     * @param envAdditions variables to add to the child's environment
     */
    record WrapArgv(SandboxMechanism mechanism, List<String> prefix, Map<String, String> envAdditions)
            implements SandboxPlan {
        public WrapArgv {
            Objects.requireNonNull(mechanism, "mechanism");
            prefix = List.copyOf(prefix);
            envAdditions = Map.copyOf(envAdditions);
        }

        /** The argv to execute: the prefix followed by {@code command}. */
        public List<String> wrap(List<String> command) {
            List<String> argv = new ArrayList<>(prefix.size() + command.size());
            argv.addAll(prefix);
            argv.addAll(command);
            return List.copyOf(argv);
        }
    }

    /**
     * Apply {@code confinement} on a fresh platform thread, then spawn the command from that same thread
     * (Landlock).
     */
    record Confine(SpawnConfinement confinement, Map<String, String> envAdditions) implements SandboxPlan {
        public Confine {
            Objects.requireNonNull(confinement, "confinement");
            envAdditions = Map.copyOf(envAdditions);
        }

        @Override
        public SandboxMechanism mechanism() {
            return SandboxMechanism.LANDLOCK;
        }
    }

    /** The policy asks for a sandbox and none can be enforced here; do not run the command unconfined. */
    record Unavailable(String reason) implements SandboxPlan {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Map<String, String> envAdditions() {
            return Map.of();
        }

        @Override
        public SandboxMechanism mechanism() {
            return SandboxMechanism.NONE;
        }
    }
}
