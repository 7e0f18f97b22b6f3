package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jcodex.protocol.ProtocolJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decision of a command approval: a plain {@link ApprovalDecision} string, or
 * {@code {"acceptWithExecpolicyAmendment":{"execpolicy_amendment":[…]}}}, or
 * {@code {"applyNetworkPolicyAmendment":{"network_policy_amendment":{"host":…,"action":…}}}}.
 */
public sealed interface CommandExecutionApprovalDecision {

    /** One of the four plain decisions. */
    record Simple(ApprovalDecision decision) implements CommandExecutionApprovalDecision {}

    /** Accept, and add a {@code prefix_rule} allowing commands that start with {@code execpolicyAmendment}. */
    record AcceptWithExecpolicyAmendment(List<String> execpolicyAmendment)
            implements CommandExecutionApprovalDecision {
        public AcceptWithExecpolicyAmendment {
            execpolicyAmendment = List.copyOf(execpolicyAmendment);
        }
    }

    /** Apply a network rule for {@code host}; {@code action} is {@code allow} or {@code deny}. */
    record ApplyNetworkPolicyAmendment(String host, String action) implements CommandExecutionApprovalDecision {}

    /** A plain decision. */
    static CommandExecutionApprovalDecision of(ApprovalDecision decision) {
        return new Simple(decision);
    }

    /** The wire form. */
    @JsonValue
    default JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (this) {
            case Simple s -> ProtocolJson.mapper().valueToTree(s.decision());
            case AcceptWithExecpolicyAmendment a -> {
                ObjectNode inner = f.objectNode();
                a.execpolicyAmendment().forEach(inner.putArray("execpolicy_amendment")::add);
                ObjectNode out = f.objectNode();
                out.set("acceptWithExecpolicyAmendment", inner);
                yield out;
            }
            case ApplyNetworkPolicyAmendment n -> {
                ObjectNode amendment = f.objectNode().put("host", n.host()).put("action", n.action());
                ObjectNode inner = f.objectNode();
                inner.set("network_policy_amendment", amendment);
                ObjectNode out = f.objectNode();
                out.set("applyNetworkPolicyAmendment", inner);
                yield out;
            }
        };
    }

    /** Reads the wire form. */
    @JsonCreator
    static CommandExecutionApprovalDecision fromJson(JsonNode node) {
        if (node.isString()) {
            return new Simple(WireJson.convert(node, ApprovalDecision.class, "decision"));
        }
        JsonNode accept = node.path("acceptWithExecpolicyAmendment").path("execpolicy_amendment");
        if (accept.isArray()) {
            List<String> parts = new ArrayList<>();
            accept.forEach(p -> parts.add(p.asString()));
            return new AcceptWithExecpolicyAmendment(parts);
        }
        JsonNode network = node.path("applyNetworkPolicyAmendment").path("network_policy_amendment");
        if (network.isObject()) {
            return new ApplyNetworkPolicyAmendment(network.path("host").asString(), network.path("action").asString());
        }
        throw new AppServerProtocolException("unknown command approval decision: " + node);
    }
}
