package dev.jcodex.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a child's environment for the shell tools: {@link EnvPolicy} applied to this process's environment, then
 * {@code CODEX_THREAD_ID} (always) and the sandbox markers ({@code CODEX_SANDBOX_NETWORK_DISABLED=1} when the sandbox
 * has no network, {@code CODEX_SANDBOX=seatbelt} under macOS Seatbelt).
 */
public final class ExecEnvironment {

    /** Always set to the thread (conversation) id. */
    public static final String THREAD_ID_VAR = "CODEX_THREAD_ID";
    /** Set to {@code 1} for sandboxed runs without network. */
    public static final String NETWORK_DISABLED_VAR = "CODEX_SANDBOX_NETWORK_DISABLED";
    /** Set to {@code seatbelt} for runs under macOS Seatbelt. */
    public static final String SANDBOX_VAR = "CODEX_SANDBOX";

    /** Sandbox facts that children can see. */
    public enum SandboxMarker {
        /** The sandbox blocks network access. */
        NETWORK_DISABLED,
        /** The child runs under macOS Seatbelt. */
        SEATBELT
    }

    private ExecEnvironment() {}

    /** The environment for a child of thread {@code threadId}, derived from {@link System#getenv()}. */
    public static Map<String, String> create(EnvPolicy policy, String threadId, Set<SandboxMarker> markers) {
        return create(policy, System.getenv(), threadId, markers);
    }

    /** The environment for a child of thread {@code threadId}, derived from {@code parentEnv}. */
    public static Map<String, String> create(EnvPolicy policy, Map<String, String> parentEnv, String threadId,
            Set<SandboxMarker> markers) {
        Objects.requireNonNull(threadId, "threadId");
        Map<String, String> env = new LinkedHashMap<>(policy.apply(parentEnv));
        env.put(THREAD_ID_VAR, threadId);
        for (SandboxMarker marker : markers) {
            switch (marker) {
                case NETWORK_DISABLED -> env.put(NETWORK_DISABLED_VAR, "1");
                case SEATBELT -> env.put(SANDBOX_VAR, "seatbelt");
            }
        }
        return env;
    }
}
