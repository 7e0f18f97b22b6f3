package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Which thread sources {@code thread/list} returns (default: interactive sources only). */
public enum ThreadSourceKind {
    @JsonProperty("cli") CLI,
    @JsonProperty("vscode") VSCODE,
    @JsonProperty("exec") EXEC,
    @JsonProperty("appServer") APP_SERVER,
    @JsonProperty("subAgent") SUB_AGENT,
    @JsonProperty("subAgentReview") SUB_AGENT_REVIEW,
    @JsonProperty("subAgentCompact") SUB_AGENT_COMPACT,
    @JsonProperty("subAgentThreadSpawn") SUB_AGENT_THREAD_SPAWN,
    @JsonProperty("subAgentOther") SUB_AGENT_OTHER,
    @JsonProperty("unknown") UNKNOWN;

    /** Every kind, in declaration order. */
    public static List<ThreadSourceKind> all() {
        return List.of(values());
    }
}
