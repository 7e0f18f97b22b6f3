package dev.jcodex.core.exec;

import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import dev.jcodex.core.tools.TurnAbortedException;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.execpolicy.ExecApprovalRequest;
import dev.jcodex.execpolicy.ExecApprovalRequirement;
import dev.jcodex.execpolicy.ExecApprovals;
import dev.jcodex.execpolicy.SandboxUse;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxPlan;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one path every shell-like command takes (spec §6.4): approval → sandbox selection → attempt → escalation.
 *
 * <ol>
 *   <li>{@link ExecApprovals#decide} with the turn's approval and sandbox policies, the session's rules and the
 *       commands approved for the session. {@code Forbidden} → refused; {@code NeedsApproval} → the user is asked
 *       ({@code approved_for_session} is remembered per cwd and sandbox permissions, {@code denied} refuses with
 *       {@value #REJECTED_BY_USER}, {@code abort} throws {@link TurnAbortedException}).</li>
 *   <li>The first attempt runs without a sandbox when escalation was approved or rules allow every command, or under
 *       {@code danger-full-access}; otherwise under the machine's sandbox. A sandbox that cannot be enforced is never
 *       skipped silently: under {@code untrusted}/{@code on-failure} the user is asked to run unsandboxed, else the
 *       command is refused with the reason.</li>
 *   <li>A sandboxed attempt whose result looks like a sandbox denial is re-run without the sandbox only where the
 *       approval policy wants "no-sandbox approval" ({@code untrusted}, {@code on-failure}), after asking with
 *       {@value #RETRY_REASON} unless this call was already approved. Under {@code on-request} and {@code never} the
 *       denial goes back to the model, which may ask for {@code require_escalated} (on-request).</li>
 * </ol>
 */
public final class ToolOrchestrator {

    /** Model-visible text when the user declines. */
    public static final String REJECTED_BY_USER = "exec command rejected by user";
    /** Reason shown when asking to re-run a command the sandbox refused. */
    public static final String RETRY_REASON = "command failed; retry without sandbox?";

    private static final System.Logger LOG = System.getLogger(ToolOrchestrator.class.getName());

    private final TurnServices turn;
    private final ExecRuntime runtime;

    /** An orchestrator for commands of {@code turn} (uses {@link TurnServices#execRuntime()}). */
    public ToolOrchestrator(TurnServices turn) {
        this.turn = turn;
        this.runtime = turn.execRuntime();
    }

    /**
     * Decides, asks, sandboxes and runs {@code request}.
     *
     * @param request the command and the call's approval parameters
     * @param base    the unsandboxed launch: argv equal to {@code request.command()}, cwd, the child environment,
     *                timeout, terminal
     * @param attempt how one attempt runs and how its result shows a sandbox denial
     * @throws TurnAbortedException if the user chose abort
     * @throws InterruptedException if interrupted while asking or running
     */
    public <T> ExecOutcome<T> run(CommandRequest request, ExecRequest base, ExecAttempt<T> attempt)
            throws InterruptedException {
        runtime.takePolicyWarning().ifPresent(w -> turn.emit(new EventMsg.Warning(turn.turnId(), w)));
        AskForApproval approval = turn.approvalPolicy();
        Set<List<String>> approved = runtime.approvedForSession(request.cwd(), request.permissions());
        ExecApprovalRequirement requirement = ExecApprovals.decide(
                new ExecApprovalRequest(approval, turn.sandboxPolicy(), request.command(), request.permissions(),
                        request.prefixRule()),
                runtime.execPolicy(), sessionApprovals(approved));
        List<String> key = ExecApprovals.approvalKey(request.command());
        SandboxUse sandboxUse;
        boolean alreadyApproved;
        switch (requirement) {
            case ExecApprovalRequirement.Forbidden f -> {
                return new ExecOutcome.Refused<>(f.reason(), ExecOutcome.Refusal.FORBIDDEN);
            }
            case ExecApprovalRequirement.Skip s -> {
                sandboxUse = s.sandbox();
                alreadyApproved = false;
            }
            case ExecApprovalRequirement.NeedsApproval n -> {
                String reason = n.reason().or(request::justification).orElse(null);
                Optional<String> refusal = ask(request, reason, n.approvalKey(), approved);
                if (refusal.isPresent()) {
                    return new ExecOutcome.Refused<>(refusal.get(), ExecOutcome.Refusal.REJECTED_BY_USER);
                }
                sandboxUse = n.sandboxAfterApproval();
                alreadyApproved = true;
            }
        }
        SandboxPlan plan = sandboxUse == SandboxUse.BYPASS ? new SandboxPlan.RunPlain(Map.of())
                : runtime.sandbox().plan(turn.sandboxPolicy(), turn.cwd(), base.env());
        if (plan instanceof SandboxPlan.Unavailable u) {
            return unsandboxedAfterApproval(request, base, attempt, u.reason(), alreadyApproved, key, approved);
        }
        T result;
        try {
            result = attempt.run(prepare(base, plan));
        } catch (SandboxUnavailableException e) {
            return unsandboxedAfterApproval(request, base, attempt, e.getMessage(), alreadyApproved, key, approved);
        }
        if (plan.mechanism() == SandboxMechanism.NONE || !attempt.deniedBySandbox(result)
                || !wantsNoSandboxApproval(approval)) {
            return new ExecOutcome.Ran<>(result, plan.mechanism());
        }
        LOG.log(System.Logger.Level.DEBUG, "sandbox denial of {0}; asking to retry without sandbox", request.command());
        if (!alreadyApproved && !approved.contains(key)) {
            Optional<String> refusal = ask(request, RETRY_REASON, key, approved);
            if (refusal.isPresent()) {
                return new ExecOutcome.Refused<>(refusal.get(), ExecOutcome.Refusal.REJECTED_BY_USER);
            }
        }
        return new ExecOutcome.Ran<>(attempt.run(prepare(base, new SandboxPlan.RunPlain(Map.of()))),
                SandboxMechanism.NONE);
    }

    /**
     * Whether a sandbox denial may lead to a prompt to re-run without the sandbox: only where the user is asked
     * anyway ({@code untrusted}) or asked on failure ({@code on-failure}); never under {@code on-request} (the model
     * asks for escalation itself) or {@code never}.
     */
    static boolean wantsNoSandboxApproval(AskForApproval approval) {
        return switch (approval) {
            case UNTRUSTED, ON_FAILURE -> true;
            case ON_REQUEST, NEVER -> false;
        };
    }

    private <T> ExecOutcome<T> unsandboxedAfterApproval(CommandRequest request, ExecRequest base,
            ExecAttempt<T> attempt, String why, boolean alreadyApproved, List<String> key,
            Set<List<String>> approved) throws InterruptedException {
        AskForApproval approval = turn.approvalPolicy();
        if (!wantsNoSandboxApproval(approval)) {
            String hint = approval == AskForApproval.ON_REQUEST
                    ? " To run it anyway, call the tool again with sandbox_permissions \"require_escalated\" and a"
                            + " justification; the user will be asked."
                    : "";
            return new ExecOutcome.Refused<>("command not run: " + why + ". jcodex does not run commands outside"
                    + " the sandbox without the user's approval." + hint, ExecOutcome.Refusal.SANDBOX_UNAVAILABLE);
        }
        if (!alreadyApproved && !approved.contains(key)) {
            Optional<String> refusal = ask(request, "the sandbox is unavailable (" + why + "); run without sandbox?",
                    key, approved);
            if (refusal.isPresent()) {
                return new ExecOutcome.Refused<>(refusal.get(), ExecOutcome.Refusal.REJECTED_BY_USER);
            }
        }
        return new ExecOutcome.Ran<>(attempt.run(prepare(base, new SandboxPlan.RunPlain(Map.of()))),
                SandboxMechanism.NONE);
    }

    /** Asks the user; empty when approved, else the model-visible refusal. */
    private Optional<String> ask(CommandRequest request, String reason, List<String> key, Set<List<String>> approved)
            throws InterruptedException {
        ReviewDecision decision = turn.requestExecApproval(request.callId(), request.command(), request.cwd(), reason);
        return switch (decision) {
            case APPROVED -> Optional.empty();
            case APPROVED_FOR_SESSION -> {
                approved.add(key);
                yield Optional.empty();
            }
            case DENIED -> Optional.of(REJECTED_BY_USER);
            case ABORT -> throw new TurnAbortedException("exec approval aborted by user");
        };
    }

    /** The runtime's approvals plus any the turn's session reports. */
    private Set<List<String>> sessionApprovals(Set<List<String>> approved) {
        Set<List<String>> fromTurn = turn.approvedForSession();
        if (fromTurn == null || fromTurn.isEmpty()) {
            return approved;
        }
        Set<List<String>> all = new HashSet<>(approved);
        all.addAll(fromTurn);
        return all;
    }

    /** {@code base} launched according to {@code plan}: argv wrapped, confinement set, sandbox variables added. */
    static ExecRequest prepare(ExecRequest base, SandboxPlan plan) {
        Map<String, String> env = new LinkedHashMap<>(base.env());
        env.putAll(plan.envAdditions());
        ExecRequest withEnv = base.withEnv(env);
        return switch (plan) {
            case SandboxPlan.RunPlain p -> withEnv;
            case SandboxPlan.WrapArgv w -> new ExecRequest(w.wrap(base.argv()), base.cwd(), env, base.timeout(),
                    base.caps(), base.stdin(), base.terminal(), base.confinement());
            case SandboxPlan.Confine c -> withEnv.withConfinement(c.confinement());
            case SandboxPlan.Unavailable u -> throw new IllegalStateException("cannot launch: " + u.reason());
        };
    }
}
