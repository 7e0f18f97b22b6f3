package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.appserver.protocol.ThreadSourceKind;
import dev.jcodex.appserver.protocol.TokenUsageBreakdown;
import dev.jcodex.appserver.protocol.TurnPlanStep;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.PlanItem;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.TokenUsage;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Conversions between core ({@code dev.jcodex.protocol}) values and their v2 wire forms. */
final class WireValues {
    private WireValues() {}

    /** The v2 form of a core sandbox policy (read-only carries no optional members, as the fixtures show). */
    static SandboxPolicy sandbox(dev.jcodex.protocol.SandboxPolicy policy) {
        return switch (policy) {
            case dev.jcodex.protocol.SandboxPolicy.DangerFullAccess d -> new SandboxPolicy.DangerFullAccess();
            case dev.jcodex.protocol.SandboxPolicy.ReadOnly r -> new SandboxPolicy.ReadOnly(null, null);
            case dev.jcodex.protocol.SandboxPolicy.WorkspaceWrite w -> new SandboxPolicy.WorkspaceWrite(
                    w.writableRoots(), null, w.networkAccess(), w.excludeTmpdirEnvVar(), w.excludeSlashTmp());
        };
    }

    /** The core form of a v2 sandbox policy from {@code turn/start}. */
    static dev.jcodex.protocol.SandboxPolicy sandbox(SandboxPolicy policy) {
        return switch (policy) {
            case SandboxPolicy.DangerFullAccess d -> new dev.jcodex.protocol.SandboxPolicy.DangerFullAccess();
            case SandboxPolicy.ReadOnly r -> {
                if (Boolean.TRUE.equals(r.networkAccess())) {
                    throw new RpcException(ErrorCodes.INVALID_PARAMS,
                            "sandboxPolicy readOnly with networkAccess is not supported");
                }
                yield new dev.jcodex.protocol.SandboxPolicy.ReadOnly();
            }
            case SandboxPolicy.ExternalSandbox e -> throw new RpcException(ErrorCodes.INVALID_PARAMS,
                    "sandboxPolicy externalSandbox is not supported");
            case SandboxPolicy.WorkspaceWrite w -> new dev.jcodex.protocol.SandboxPolicy.WorkspaceWrite(
                    w.writableRoots(), w.networkAccess(), w.excludeTmpdirEnvVar(), w.excludeSlashTmp());
        };
    }

    /** What the core accepts as user input; skills and mentions are refused. */
    static dev.jcodex.protocol.UserInput toCore(UserInput input) {
        return switch (input) {
            case UserInput.Text t -> new dev.jcodex.protocol.UserInput.Text(t.text() == null ? "" : t.text());
            case UserInput.Image i -> new dev.jcodex.protocol.UserInput.Image(i.url());
            case UserInput.LocalImage l -> new dev.jcodex.protocol.UserInput.LocalImage(l.path());
            case UserInput.Skill s -> throw new RpcException(ErrorCodes.INVALID_PARAMS,
                    "skill input is not supported: " + s.name());
            case UserInput.Mention m -> throw new RpcException(ErrorCodes.INVALID_PARAMS,
                    "mention input is not supported: " + m.name());
        };
    }

    /** The v2 form of core user input. */
    static UserInput toWire(dev.jcodex.protocol.UserInput input) {
        return switch (input) {
            case dev.jcodex.protocol.UserInput.Text t -> UserInput.Text.of(t.text());
            case dev.jcodex.protocol.UserInput.Image i -> new UserInput.Image(i.url());
            case dev.jcodex.protocol.UserInput.LocalImage l -> new UserInput.LocalImage(l.path());
        };
    }

    /** Token counts in camelCase; null reads as zero. */
    static TokenUsageBreakdown usage(TokenUsage usage) {
        TokenUsage u = usage == null ? TokenUsage.ZERO : usage;
        return new TokenUsageBreakdown(u.totalTokens(), u.inputTokens(), u.cachedInputTokens(), u.outputTokens(),
                u.reasoningOutputTokens(), u.cacheWriteInputTokens());
    }

    static List<TurnPlanStep> plan(List<PlanItem> plan) {
        if (plan == null) {
            return List.of();
        }
        return plan.stream().map(p -> new TurnPlanStep(p.step(), switch (p.status()) {
            case PENDING -> TurnPlanStep.Status.PENDING;
            case IN_PROGRESS -> TurnPlanStep.Status.IN_PROGRESS;
            case COMPLETED -> TurnPlanStep.Status.COMPLETED;
        })).toList();
    }

    /**
     * The v2 {@code source} of a stored source label: {@code cli}, {@code vscode}, {@code exec}, {@code mcp} →
     * {@code appServer}, {@code {"subagent":…}} → {@code {"subAgent":…}}, anything else {@code unknown}.
     */
    static JsonNode source(String label) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (label == null) {
            return f.stringNode("unknown");
        }
        return switch (label) {
            case "cli", "vscode", "exec" -> f.stringNode(label);
            case "mcp" -> f.stringNode("appServer");
            default -> {
                JsonNode sub = subAgent(label);
                if (sub == null) {
                    yield f.stringNode("unknown");
                }
                ObjectNode out = f.objectNode();
                out.set("subAgent", sub);
                yield out;
            }
        };
    }

    /** Which {@code sourceKinds} filter value a stored source label belongs to. */
    static ThreadSourceKind sourceKind(String label) {
        if (label == null) {
            return ThreadSourceKind.UNKNOWN;
        }
        return switch (label) {
            case "cli" -> ThreadSourceKind.CLI;
            case "vscode" -> ThreadSourceKind.VSCODE;
            case "exec" -> ThreadSourceKind.EXEC;
            case "mcp" -> ThreadSourceKind.APP_SERVER;
            default -> {
                JsonNode sub = subAgent(label);
                if (sub == null) {
                    yield ThreadSourceKind.UNKNOWN;
                }
                if (sub.isString()) {
                    yield switch (sub.stringValue()) {
                        case "review" -> ThreadSourceKind.SUB_AGENT_REVIEW;
                        case "compact" -> ThreadSourceKind.SUB_AGENT_COMPACT;
                        default -> ThreadSourceKind.SUB_AGENT_OTHER;
                    };
                }
                yield sub.has("thread_spawn") ? ThreadSourceKind.SUB_AGENT_THREAD_SPAWN
                        : ThreadSourceKind.SUB_AGENT_OTHER;
            }
        };
    }

    /** The source label a simple kind is stored under, or null for kinds only structured labels carry. */
    static String label(ThreadSourceKind kind) {
        return switch (kind) {
            case CLI -> "cli";
            case VSCODE -> "vscode";
            case EXEC -> "exec";
            case APP_SERVER -> "mcp";
            case SUB_AGENT, SUB_AGENT_REVIEW, SUB_AGENT_COMPACT, SUB_AGENT_THREAD_SPAWN, SUB_AGENT_OTHER, UNKNOWN ->
                    null;
        };
    }

    private static JsonNode subAgent(String label) {
        if (!label.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = ProtocolJson.tree(label);
            JsonNode sub = node.get("subagent");
            return sub == null ? node.get("subAgent") : sub;
        } catch (JacksonException e) {
            return null;
        }
    }
}
