package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Params of the server request {@code item/commandExecution/requestApproval}; optional members are omitted when
 * null. {@code approvalId} tells apart several callbacks for one item.
 */
public record CommandExecutionRequestApprovalParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("turnId") String turnId,
        @JsonProperty("itemId") String itemId,
        @JsonProperty("approvalId") String approvalId,
        @JsonProperty("reason") String reason,
        @JsonProperty("networkApprovalContext") JsonNode networkApprovalContext,
        @JsonProperty("command") String command,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("commandActions") List<CommandAction> commandActions,
        @JsonProperty("additionalPermissions") JsonNode additionalPermissions,
        @JsonProperty("proposedExecpolicyAmendment") List<String> proposedExecpolicyAmendment,
        @JsonProperty("proposedNetworkPolicyAmendments") JsonNode proposedNetworkPolicyAmendments,
        @JsonProperty("availableDecisions") JsonNode availableDecisions) {}
