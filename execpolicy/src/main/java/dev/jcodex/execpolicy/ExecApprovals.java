package dev.jcodex.execpolicy;

import dev.jcodex.execpolicy.ExecApprovalRequirement.Forbidden;
import dev.jcodex.execpolicy.ExecApprovalRequirement.NeedsApproval;
import dev.jcodex.execpolicy.ExecApprovalRequirement.Skip;
import dev.jcodex.execpolicy.RuleMatch.HeuristicsRuleMatch;
import dev.jcodex.execpolicy.RuleMatch.PrefixRuleMatch;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The approval decision for a shell-like command (the decision table of spec §6.4), as a pure function of
 * the approval policy, sandbox policy, command, rules, requested sandbox permissions and the commands the
 * user approved for the session.
 */
public final class ExecApprovals {

    /** Reason when a prompt would be needed but the policy is {@code never}. */
    public static final String PROMPT_CONFLICT_REASON = "approval required by policy, but AskForApproval is set to Never";

    /** First element of approval keys for shell scripts (keeps them apart from direct argv). */
    static final String SHELL_SCRIPT_KEY = "__codex_shell_script__";

    /** Model-suggested prefixes never offered as amendments: they would allow arbitrary code. */
    private static final Set<List<String>> BANNED_PREFIX_SUGGESTIONS = Set.of(
            List.of("python3"), List.of("python3", "-"), List.of("python3", "-c"),
            List.of("python"), List.of("python", "-"), List.of("python", "-c"),
            List.of("py"), List.of("py", "-3"), List.of("pythonw"), List.of("pyw"), List.of("pypy"), List.of("pypy3"),
            List.of("git"), List.of("bash"), List.of("bash", "-lc"), List.of("sh"), List.of("sh", "-c"),
            List.of("sh", "-lc"), List.of("zsh"), List.of("zsh", "-lc"), List.of("/bin/zsh"), List.of("/bin/zsh", "-lc"),
            List.of("/bin/bash"), List.of("/bin/bash", "-lc"), List.of("pwsh"), List.of("pwsh", "-Command"),
            List.of("pwsh", "-c"), List.of("powershell"), List.of("powershell", "-Command"), List.of("powershell", "-c"),
            List.of("powershell.exe"), List.of("powershell.exe", "-Command"), List.of("powershell.exe", "-c"),
            List.of("env"), List.of("sudo"), List.of("node"), List.of("node", "-e"), List.of("perl"), List.of("perl", "-e"),
            List.of("ruby"), List.of("ruby", "-e"), List.of("php"), List.of("php", "-r"), List.of("lua"), List.of("lua", "-e"),
            List.of("osascript"));

    /** The commands rules are evaluated on, and whether they came from the here-document fallback. */
    record PolicyCommands(List<List<String>> commands, boolean complexParsing) {}

    private ExecApprovals() {}

    /**
     * Decides whether {@code request}'s command runs, needs approval or is refused.
     *
     * @param request            the tool call
     * @param rules              the loaded exec-policy rules
     * @param approvedForSession {@link #approvalKey approval keys} the user approved for the session
     */
    public static ExecApprovalRequirement decide(ExecApprovalRequest request, Policy rules,
            Set<List<String>> approvedForSession) {
        AskForApproval approval = request.approvalPolicy();
        boolean escalated = request.sandboxPermissions() == SandboxPermissions.REQUIRE_ESCALATED;
        if (escalated && approval != AskForApproval.ON_REQUEST) {
            String name = debugName(approval);
            return new Forbidden("approval policy is " + name + "; reject command — you should not ask for "
                    + "escalated permissions if the approval policy is " + name);
        }
        List<String> argv = request.command();
        PolicyCommands policyCommands = commandsForPolicy(argv);
        List<List<String>> commands = policyCommands.commands();
        boolean amendmentsAllowed = !policyCommands.complexParsing();
        Function<List<String>, Decision> heuristics = command -> unmatchedDecision(command, request,
                policyCommands.complexParsing());
        Evaluation evaluation = rules.checkEach(commands, HostExecutableResolution.RESOLVE_BASENAME, heuristics);
        SandboxUse sandbox = escalated || everyCommandAllowedByRule(rules, commands) ? SandboxUse.BYPASS
                : SandboxUse.APPLY_POLICY;
        return switch (evaluation.decision().orElseThrow()) {
            case FORBIDDEN -> new Forbidden(forbiddenReason(argv, evaluation));
            case PROMPT -> {
                if (approval == AskForApproval.NEVER) {
                    yield new Forbidden(PROMPT_CONFLICT_REASON);
                }
                List<String> key = approvalKey(argv);
                SandboxUse afterApproval = escalated ? SandboxUse.BYPASS : SandboxUse.APPLY_POLICY;
                if (approvedForSession.contains(key)) {
                    yield new Skip(afterApproval, Optional.empty());
                }
                Optional<ExecPolicyAmendment> amendment = Optional.empty();
                if (amendmentsAllowed) {
                    amendment = requestedAmendment(request, evaluation, rules, commands, heuristics)
                            .or(() -> amendmentForPrompt(evaluation));
                }
                yield new NeedsApproval(promptReason(argv, evaluation), amendment, afterApproval, key);
            }
            case ALLOW -> new Skip(sandbox, amendmentsAllowed ? amendmentForAllow(evaluation) : Optional.empty());
        };
    }

    /**
     * The key an {@code approved_for_session} answer is remembered under: the argv itself, or for a
     * {@code bash|zsh|sh -c|-lc} script the shell, its flag and the script — re-rendered from its parsed
     * commands when it is a plain sequence, so spacing and quoting differences do not matter.
     */
    public static List<String> approvalKey(List<String> argv) {
        return ShellInvocation.unwrap(argv)
                .map(shell -> List.of(SHELL_SCRIPT_KEY, shell.shell(), shell.flag(),
                        BashCommandParser.parsePlainScript(shell.script()).map(PlainScript::normalized)
                                .orElse(shell.script())))
                .orElseGet(() -> List.copyOf(argv));
    }

    /** Plain sequence → its commands; here-document single command → its words (complex); else the argv. */
    static PolicyCommands commandsForPolicy(List<String> argv) {
        Optional<ShellInvocation> shell = ShellInvocation.unwrap(argv);
        if (shell.isPresent()) {
            Optional<List<List<String>>> plain = shell.get().plainCommands();
            if (plain.isPresent()) {
                return new PolicyCommands(plain.get(), false);
            }
            Optional<List<String>> heredoc = BashCommandParser.parseHeredocCommandPrefix(shell.get().script());
            if (heredoc.isPresent()) {
                return new PolicyCommands(List.of(heredoc.get()), true);
            }
        }
        return new PolicyCommands(List.of(List.copyOf(argv)), false);
    }

    /** The heuristic decision for a command no rule matched. */
    static Decision unmatchedDecision(List<String> command, ExecApprovalRequest request, boolean complexParsing) {
        AskForApproval approval = request.approvalPolicy();
        boolean unrestricted = isUnrestricted(request.sandboxPolicy());
        if (approval == AskForApproval.UNTRUSTED && !complexParsing && SafeCommands.isKnownSafe(command)) {
            return Decision.ALLOW;
        }
        if (DangerousCommands.mightBeDangerous(command)) {
            if (approval == AskForApproval.NEVER) {
                return unrestricted ? Decision.ALLOW : Decision.FORBIDDEN;
            }
            return Decision.PROMPT;
        }
        return switch (approval) {
            case NEVER, ON_FAILURE -> Decision.ALLOW;
            case UNTRUSTED -> Decision.PROMPT;
            case ON_REQUEST -> !unrestricted && request.sandboxPermissions() == SandboxPermissions.REQUIRE_ESCALATED
                    ? Decision.PROMPT : Decision.ALLOW;
        };
    }

    private static boolean isUnrestricted(SandboxPolicy sandbox) {
        return switch (sandbox) {
            case SandboxPolicy.DangerFullAccess d -> true;
            case SandboxPolicy.ReadOnly r -> false;
            case SandboxPolicy.WorkspaceWrite w -> false;
        };
    }

    /** The Rust {@code Debug} names the reference uses in its escalation rejection message. */
    static String debugName(AskForApproval approval) {
        return switch (approval) {
            case UNTRUSTED -> "UnlessTrusted";
            case ON_FAILURE -> "OnFailure";
            case ON_REQUEST -> "OnRequest";
            case NEVER -> "Never";
        };
    }

    private static boolean everyCommandAllowedByRule(Policy rules, List<List<String>> commands) {
        return commands.stream().allMatch(command -> rules.matches(command, HostExecutableResolution.RESOLVE_BASENAME)
                .stream().anyMatch(m -> m.decision() == Decision.ALLOW));
    }

    private static Optional<ExecPolicyAmendment> requestedAmendment(ExecApprovalRequest request, Evaluation evaluation,
            Policy rules, List<List<String>> commands, Function<List<String>, Decision> heuristics) {
        Optional<List<String>> prefix = request.requestedPrefixRule();
        if (prefix.isEmpty() || prefix.get().isEmpty() || BANNED_PREFIX_SUGGESTIONS.contains(prefix.get())
                || evaluation.hasPolicyMatch()) {
            return Optional.empty();
        }
        Policy amended = rules.withPrefixRule(prefix.get(), Decision.ALLOW);
        boolean approvesAll = commands.stream().allMatch(command -> amended
                .checkEach(List.of(command), HostExecutableResolution.RESOLVE_BASENAME, heuristics)
                .decision().orElseThrow() == Decision.ALLOW);
        return approvesAll ? Optional.of(new ExecPolicyAmendment(prefix.get())) : Optional.empty();
    }

    /** The first command the heuristics prompted for, unless a rule prompts (an amendment would not help). */
    private static Optional<ExecPolicyAmendment> amendmentForPrompt(Evaluation evaluation) {
        boolean rulePrompts = evaluation.matchedRules().stream()
                .anyMatch(m -> m instanceof PrefixRuleMatch && m.decision() == Decision.PROMPT);
        if (rulePrompts) {
            return Optional.empty();
        }
        return firstHeuristic(evaluation, Decision.PROMPT);
    }

    /** For a later sandbox-denial retry: the first heuristically allowed command, unless any rule matched. */
    private static Optional<ExecPolicyAmendment> amendmentForAllow(Evaluation evaluation) {
        return evaluation.hasPolicyMatch() ? Optional.empty() : firstHeuristic(evaluation, Decision.ALLOW);
    }

    private static Optional<ExecPolicyAmendment> firstHeuristic(Evaluation evaluation, Decision decision) {
        return evaluation.matchedRules().stream()
                .filter(m -> m instanceof HeuristicsRuleMatch && m.decision() == decision)
                .map(m -> new ExecPolicyAmendment(((HeuristicsRuleMatch) m).command()))
                .findFirst();
    }

    /** The most specific (longest prefix; the last among equals) rule match with {@code decision}. */
    private static Optional<PrefixRuleMatch> mostSpecific(Evaluation evaluation, Decision decision) {
        PrefixRuleMatch best = null;
        for (RuleMatch match : evaluation.matchedRules()) {
            if (match instanceof PrefixRuleMatch p && p.decision() == decision
                    && (best == null || p.matchedPrefix().size() >= best.matchedPrefix().size())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    static String forbiddenReason(List<String> argv, Evaluation evaluation) {
        String command = ShellQuoting.join(argv);
        return mostSpecific(evaluation, Decision.FORBIDDEN)
                .map(m -> m.justification().map(j -> "`" + command + "` rejected: " + j)
                        .orElseGet(() -> "`" + command + "` rejected: policy forbids commands starting with `"
                                + ShellQuoting.join(m.matchedPrefix()) + "`"))
                .orElseGet(() -> "`" + command + "` rejected: blocked by policy");
    }

    static Optional<String> promptReason(List<String> argv, Evaluation evaluation) {
        String command = ShellQuoting.join(argv);
        return mostSpecific(evaluation, Decision.PROMPT)
                .map(m -> m.justification().map(j -> "`" + command + "` requires approval: " + j)
                        .orElseGet(() -> "`" + command + "` requires approval by policy"));
    }
}
