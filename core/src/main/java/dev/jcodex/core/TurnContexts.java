package dev.jcodex.core;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.SandboxPolicy;
import java.time.LocalDate;
import java.time.ZoneId;

/** The persisted {@code turn_context} line of a turn (spec §10.1). */
final class TurnContexts {
    private TurnContexts() {}

    static dev.jcodex.state.TurnContext of(TurnContext ctx) {
        var mapper = ProtocolJson.mapper();
        ZoneId zone = ZoneId.systemDefault();
        var builder = dev.jcodex.state.TurnContext.builder(ctx.cwd().toString(), ctx.model().slug())
                .turnId(ctx.turnId())
                .currentDate(LocalDate.now(zone).toString())
                .timezone(zone.getId())
                .approvalPolicy(mapper.valueToTree(ctx.approvalPolicy()))
                .sandboxPolicy(mapper.valueToTree(ctx.sandboxPolicy()))
                .summary(ctx.summary() == null ? "auto" : ctx.summary().wire())
                .truncationPolicy(mapper.valueToTree(ctx.model().truncationPolicy()));
        if (ctx.effort() != null) {
            builder.effort(ctx.effort().wire());
        }
        if (ctx.outputSchema() != null) {
            builder.finalOutputJsonSchema(ctx.outputSchema());
        }
        return builder.build();
    }

    static String sandboxMode(SandboxPolicy policy) {
        return switch (policy) {
            case SandboxPolicy.ReadOnly r -> "read-only";
            case SandboxPolicy.WorkspaceWrite w -> "workspace-write";
            case SandboxPolicy.DangerFullAccess d -> "danger-full-access";
        };
    }
}
