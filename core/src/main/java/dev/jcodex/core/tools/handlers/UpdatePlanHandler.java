package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.PlanItem;
import dev.jcodex.protocol.ProtocolJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code update_plan}: records the model's step list and reports it as a plan update. */
public final class UpdatePlanHandler implements ToolHandler {

    private static final JsonNode SPEC = ProtocolJson.tree("""
            {"type":"function","name":"update_plan","description":"Updates the task plan. Provide an optional \
            explanation and a list of plan items, each with a step and a status. At most one step can be \
            in_progress at a time.","strict":false,"parameters":{"type":"object","properties":{"explanation":\
            {"type":"string"},"plan":{"type":"array","description":"The list of steps","items":{"type":"object",\
            "properties":{"step":{"type":"string"},"status":{"type":"string","description":"One of: pending, \
            in_progress, completed"}},"required":["step","status"],"additionalProperties":false}}},\
            "required":["plan"],"additionalProperties":false}}""");

    @Override
    public String name() {
        return "update_plan";
    }

    @Override
    public JsonNode spec() {
        return SPEC;
    }

    @Override
    public boolean mutating(ToolInvocation invocation) {
        return false;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) {
        JsonNode args = Args.parse(inv.functionArguments(), name());
        JsonNode plan = args.get("plan");
        if (plan == null || !plan.isArray()) {
            throw new ToolArgumentException("failed to parse function arguments for update_plan: `plan` must be an "
                    + "array of {step, status}");
        }
        List<PlanItem> items = new ArrayList<>();
        for (JsonNode step : plan) {
            String text = Args.requiredString(step, "step", name());
            String status = Args.requiredString(step, "status", name());
            try {
                items.add(new PlanItem(text, PlanItem.Status.fromWire(status)));
            } catch (IllegalArgumentException e) {
                throw new ToolArgumentException("failed to parse function arguments for update_plan: status "
                        + e.getMessage());
            }
        }
        inv.turn().emit(new EventMsg.PlanUpdate(inv.turn().turnId(), Args.optionalString(args, "explanation"), items));
        return ToolResult.ok("Plan updated");
    }
}
