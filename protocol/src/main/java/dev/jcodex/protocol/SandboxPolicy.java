package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** What commands may touch: the resolved form of {@link SandboxMode} plus its settings. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(SandboxPolicy.DangerFullAccess.class),
        @JsonSubTypes.Type(SandboxPolicy.ReadOnly.class),
        @JsonSubTypes.Type(SandboxPolicy.WorkspaceWrite.class)})
public sealed interface SandboxPolicy {

    /** No restrictions at all. */
    @JsonTypeName("danger-full-access")
    record DangerFullAccess() implements SandboxPolicy {}

    /** Read anywhere, write nowhere, no network. */
    @JsonTypeName("read-only")
    record ReadOnly() implements SandboxPolicy {}

    /**
     * Read anywhere; write in cwd, the writable roots, {@code /tmp} and {@code $TMPDIR} (unless excluded);
     * {@code .git}, {@code .codex} and {@code .agents} inside writable roots stay read-only.
     */
    @JsonTypeName("workspace-write")
    record WorkspaceWrite(
            @JsonProperty("writable_roots") List<String> writableRoots,
            @JsonProperty("network_access") boolean networkAccess,
            @JsonProperty("exclude_tmpdir_env_var") boolean excludeTmpdirEnvVar,
            @JsonProperty("exclude_slash_tmp") boolean excludeSlashTmp) implements SandboxPolicy {
        public WorkspaceWrite {
            writableRoots = writableRoots == null ? List.of() : List.copyOf(writableRoots);
        }
    }

    /** The mode this policy belongs to. */
    default SandboxMode mode() {
        return switch (this) {
            case DangerFullAccess d -> SandboxMode.DANGER_FULL_ACCESS;
            case ReadOnly r -> SandboxMode.READ_ONLY;
            case WorkspaceWrite w -> SandboxMode.WORKSPACE_WRITE;
        };
    }

    /** Whether commands may use the network. */
    default boolean hasNetworkAccess() {
        return switch (this) {
            case DangerFullAccess d -> true;
            case ReadOnly r -> false;
            case WorkspaceWrite w -> w.networkAccess();
        };
    }
}
