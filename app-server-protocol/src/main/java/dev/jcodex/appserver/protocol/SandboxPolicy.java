package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The v2 wire form of a sandbox policy (tag {@code type}, camelCase), as returned by {@code thread/start} and
 * accepted by {@code turn/start}. Distinct from {@code dev.jcodex.protocol.SandboxPolicy}, the core form.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(SandboxPolicy.DangerFullAccess.class),
        @JsonSubTypes.Type(SandboxPolicy.ReadOnly.class),
        @JsonSubTypes.Type(SandboxPolicy.ExternalSandbox.class),
        @JsonSubTypes.Type(SandboxPolicy.WorkspaceWrite.class)})
public sealed interface SandboxPolicy {

    /** No restrictions. */
    @JsonTypeName("dangerFullAccess")
    record DangerFullAccess() implements SandboxPolicy {}

    /** Read-only; {@code access} (readable roots) and {@code networkAccess} are omitted when null. */
    @JsonTypeName("readOnly")
    record ReadOnly(@JsonProperty("access") JsonNode access, @JsonProperty("networkAccess") Boolean networkAccess)
            implements SandboxPolicy {}

    /** Sandboxed by something outside Codex; {@code networkAccess} is {@code restricted} or {@code enabled}. */
    @JsonTypeName("externalSandbox")
    record ExternalSandbox(@JsonProperty("networkAccess") String networkAccess) implements SandboxPolicy {}

    /** Writes allowed in cwd, {@code writableRoots}, {@code /tmp} and {@code $TMPDIR} unless excluded. */
    @JsonTypeName("workspaceWrite")
    record WorkspaceWrite(
            @JsonProperty("writableRoots") List<String> writableRoots,
            @JsonProperty("readOnlyAccess") JsonNode readOnlyAccess,
            @JsonProperty("networkAccess") boolean networkAccess,
            @JsonProperty("excludeTmpdirEnvVar") boolean excludeTmpdirEnvVar,
            @JsonProperty("excludeSlashTmp") boolean excludeSlashTmp) implements SandboxPolicy {
        public WorkspaceWrite {
            writableRoots = writableRoots == null ? List.of() : List.copyOf(writableRoots);
        }
    }
}
