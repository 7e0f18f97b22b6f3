package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.execpolicy.ExecApprovalRequirement.Forbidden;
import dev.jcodex.execpolicy.ExecApprovalRequirement.NeedsApproval;
import dev.jcodex.execpolicy.ExecApprovalRequirement.Skip;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecApprovalsTest {

    private static final SandboxPolicy WORKSPACE = new SandboxPolicy.WorkspaceWrite(List.of(), false, false, false);

    private static Policy rules(String source) {
        return PolicyLoader.parse(Path.of("test.rules"), source);
    }

    private static ExecApprovalRequirement decide(AskForApproval approval, List<String> argv, Policy rules) {
        return ExecApprovals.decide(ExecApprovalRequest.of(approval, WORKSPACE, argv), rules, Set.of());
    }

    private static ExecApprovalRequirement decideWithPrefix(List<String> argv, Policy rules, List<String> prefix) {
        return ExecApprovals.decide(new ExecApprovalRequest(AskForApproval.UNTRUSTED, WORKSPACE, argv,
                SandboxPermissions.USE_DEFAULT, Optional.of(prefix)), rules, Set.of());
    }

    @Test
    void escalationOutsideOnRequestIsRejectedWithTheReferenceMessage() {
        for (AskForApproval approval : List.of(AskForApproval.NEVER, AskForApproval.UNTRUSTED, AskForApproval.ON_FAILURE)) {
            String name = ExecApprovals.debugName(approval);
            ExecApprovalRequirement requirement = ExecApprovals.decide(new ExecApprovalRequest(approval,
                    new SandboxPolicy.DangerFullAccess(), List.of("ls"), SandboxPermissions.REQUIRE_ESCALATED,
                    Optional.empty()), Policy.empty(), Set.of());
            assertThat(requirement).isEqualTo(new Forbidden("approval policy is " + name + "; reject command — you "
                    + "should not ask for escalated permissions if the approval policy is " + name));
        }
        assertThat(ExecApprovals.debugName(AskForApproval.NEVER)).isEqualTo("Never");
        assertThat(ExecApprovals.debugName(AskForApproval.UNTRUSTED)).isEqualTo("UnlessTrusted");
    }

    @Test
    void forbiddenReasons() {
        Policy policy = rules("""
                prefix_rule(pattern=["git"], decision="forbidden")
                prefix_rule(pattern=["git", "push"], decision="forbidden", justification="Use `jj` instead.")
                prefix_rule(pattern=["npm", "publish"], decision="forbidden")
                """);
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("bash", "-lc", "git push origin"), policy))
                .isEqualTo(new Forbidden("`bash -lc 'git push origin'` rejected: Use `jj` instead."));
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("npm", "publish", "--tag", "x y"), policy))
                .isEqualTo(new Forbidden("`npm publish --tag 'x y'` rejected: policy forbids commands starting "
                        + "with `npm publish`"));
        assertThat(decide(AskForApproval.NEVER, List.of("rm", "-rf", "/tmp/x"), Policy.empty()))
                .isEqualTo(new Forbidden("`rm -rf /tmp/x` rejected: blocked by policy"));
    }

    @Test
    void reasonsQuoteCommandsLikeTheReference() {
        // The reference's own test case (exec_policy_tests.rs, evaluates_bash_lc_inner_commands).
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("bash", "-lc", "rm -rf /some/important/folder"),
                rules("prefix_rule(pattern=[\"rm\"], decision=\"forbidden\")")))
                .isEqualTo(new Forbidden("`bash -lc 'rm -rf /some/important/folder'` rejected: policy forbids "
                        + "commands starting with `rm`"));
        Policy prompt = rules("prefix_rule(pattern=[\"echo\"], decision=\"prompt\", justification=\"noisy\")");
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("echo", "it's", "$HOME"), prompt))
                .isEqualTo(new NeedsApproval(Optional.of("`echo \"it's\" '$HOME'` requires approval: noisy"),
                        Optional.empty(), SandboxUse.APPLY_POLICY, List.of("echo", "it's", "$HOME")));
    }

    @Test
    void promptReasonsComeOnlyFromRules() {
        Policy policy = rules("""
                prefix_rule(pattern=["git"], decision="prompt")
                prefix_rule(pattern=["git", "push"], decision="prompt", justification="pushes are reviewed")
                prefix_rule(pattern=["gh"], decision="prompt")
                """);
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("git", "push"), policy)).isEqualTo(new NeedsApproval(
                Optional.of("`git push` requires approval: pushes are reviewed"), Optional.empty(),
                SandboxUse.APPLY_POLICY, List.of("git", "push")));
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("gh", "pr", "create"), policy)).isEqualTo(new NeedsApproval(
                Optional.of("`gh pr create` requires approval by policy"), Optional.empty(), SandboxUse.APPLY_POLICY,
                List.of("gh", "pr", "create")));
        assertThat(decide(AskForApproval.UNTRUSTED, List.of("cargo", "test"), policy)).isEqualTo(new NeedsApproval(
                Optional.empty(), Optional.of(new ExecPolicyAmendment(List.of("cargo", "test"))), SandboxUse.APPLY_POLICY,
                List.of("cargo", "test")));
        assertThat(decide(AskForApproval.NEVER, List.of("gh", "pr"), policy))
                .isEqualTo(new Forbidden(ExecApprovals.PROMPT_CONFLICT_REASON));
    }

    @Test
    void heuristicAmendmentIsTheFirstPromptingSegment() {
        ExecApprovalRequirement requirement = decide(AskForApproval.UNTRUSTED,
                List.of("bash", "-lc", "cd /some/folder && prog1 --option1 arg1 && prog2 --option2 arg2"), Policy.empty());
        assertThat(((NeedsApproval) requirement).proposedAmendment())
                .contains(new ExecPolicyAmendment(List.of("prog1", "--option1", "arg1")));
    }

    @Test
    void noHeuristicAmendmentWhenARulePrompts() {
        Policy policy = rules("prefix_rule(pattern=[\"prog2\"], decision=\"prompt\")");
        ExecApprovalRequirement requirement = decide(AskForApproval.UNTRUSTED,
                List.of("bash", "-lc", "prog1 a && prog2 b"), policy);
        assertThat(((NeedsApproval) requirement).proposedAmendment()).isEmpty();
    }

    @Test
    void noAmendmentForHeredocFallback() {
        ExecApprovalRequirement requirement = decide(AskForApproval.UNTRUSTED,
                List.of("bash", "-lc", "python3 <<'EOF'\nprint(1)\nEOF"), Policy.empty());
        assertThat(requirement).isInstanceOf(NeedsApproval.class);
        assertThat(((NeedsApproval) requirement).proposedAmendment()).isEmpty();
    }

    @Test
    void modelSuggestedPrefixRuleIsOfferedWhenItApprovesEverySegment() {
        List<String> argv = List.of("bash", "-lc", "cargo test -p core && cargo test -p cli");
        assertThat(((NeedsApproval) decideWithPrefix(argv, Policy.empty(), List.of("cargo", "test"))).proposedAmendment())
                .contains(new ExecPolicyAmendment(List.of("cargo", "test")));
        assertThat(((NeedsApproval) decideWithPrefix(argv, Policy.empty(), List.of("cargo", "build"))).proposedAmendment())
                .as("does not cover the command: falls back to the first prompting segment")
                .contains(new ExecPolicyAmendment(List.of("cargo", "test", "-p", "core")));
    }

    @Test
    void bannedOrConflictingSuggestionsAreNotOffered() {
        List<String> argv = List.of("python3", "-c", "print(1)");
        assertThat(((NeedsApproval) decideWithPrefix(argv, Policy.empty(), List.of("python3", "-c"))).proposedAmendment())
                .contains(new ExecPolicyAmendment(argv));
        Policy prompting = rules("prefix_rule(pattern=[\"python3\"], decision=\"prompt\")");
        assertThat(((NeedsApproval) decideWithPrefix(argv, prompting, List.of("python3", "-c", "print(1)")))
                .proposedAmendment()).isEmpty();
        assertThat(((NeedsApproval) decideWithPrefix(List.of("git", "commit"), Policy.empty(), List.of())).proposedAmendment())
                .contains(new ExecPolicyAmendment(List.of("git", "commit")));
    }

    @Test
    void skipCarriesAnAmendmentForSandboxRetriesOnlyWithoutRuleMatches() {
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("bash", "-lc", "cargo build"), Policy.empty()))
                .isEqualTo(new Skip(SandboxUse.APPLY_POLICY, Optional.of(new ExecPolicyAmendment(List.of("cargo", "build")))));
        Policy allowLs = rules("prefix_rule(pattern=[\"ls\"])");
        assertThat(decide(AskForApproval.ON_REQUEST, List.of("bash", "-lc", "ls && cargo build"), allowLs))
                .as("one segment is rule-allowed, the other is not: sandboxed, no amendment")
                .isEqualTo(new Skip(SandboxUse.APPLY_POLICY, Optional.empty()));
    }

    @Test
    void absoluteProgramPathsUseBasenameRules() {
        Policy policy = rules("""
                prefix_rule(pattern=["git", "commit"])
                host_executable(name="git", paths=["/usr/bin/git"])
                """);
        assertThat(decide(AskForApproval.UNTRUSTED, List.of("/usr/bin/git", "commit"), policy))
                .isEqualTo(new Skip(SandboxUse.BYPASS, Optional.empty()));
        assertThat(decide(AskForApproval.UNTRUSTED, List.of("/tmp/evil/git", "commit"), policy))
                .isInstanceOf(NeedsApproval.class);
    }

    @Test
    void approvalKeysUseTheParsedCommand() {
        assertThat(ExecApprovals.approvalKey(List.of("bash", "-lc", "cargo   test  'a b'")))
                .isEqualTo(ExecApprovals.approvalKey(List.of("bash", "-lc", "cargo test \"a b\"")))
                .isEqualTo(List.of("__codex_shell_script__", "bash", "-lc", "cargo test 'a b'"));
        assertThat(ExecApprovals.approvalKey(List.of("bash", "-lc", "a &&b\nc|d")))
                .isEqualTo(List.of("__codex_shell_script__", "bash", "-lc", "a && b; c | d"));
        assertThat(ExecApprovals.approvalKey(List.of("/bin/bash", "-lc", "cargo test")))
                .as("the shell binary stays part of the key")
                .isNotEqualTo(ExecApprovals.approvalKey(List.of("bash", "-lc", "cargo test")));
        assertThat(ExecApprovals.approvalKey(List.of("bash", "-lc", "cargo test > out")))
                .isEqualTo(List.of("__codex_shell_script__", "bash", "-lc", "cargo test > out"));
        assertThat(ExecApprovals.approvalKey(List.of("cargo", "test"))).isEqualTo(List.of("cargo", "test"));
    }

    @Test
    void sessionApprovalMatchesAReformattedScript() {
        Set<List<String>> approved = Set.of(ExecApprovals.approvalKey(List.of("bash", "-lc", "cargo test")));
        ExecApprovalRequirement requirement = ExecApprovals.decide(
                ExecApprovalRequest.of(AskForApproval.UNTRUSTED, WORKSPACE, List.of("bash", "-lc", "  cargo  'test' ")),
                Policy.empty(), approved);
        assertThat(requirement).isEqualTo(new Skip(SandboxUse.APPLY_POLICY, Optional.empty()));
        ExecApprovalRequirement other = ExecApprovals.decide(
                ExecApprovalRequest.of(AskForApproval.UNTRUSTED, WORKSPACE, List.of("bash", "-lc", "cargo test -q")),
                Policy.empty(), approved);
        assertThat(other).isInstanceOf(NeedsApproval.class);
    }

    @Test
    void unmatchedDecisionHeuristics() {
        ExecApprovalRequest untrusted = ExecApprovalRequest.of(AskForApproval.UNTRUSTED, WORKSPACE, List.of());
        assertThat(ExecApprovals.unmatchedDecision(List.of("ls"), untrusted, false)).isEqualTo(Decision.ALLOW);
        assertThat(ExecApprovals.unmatchedDecision(List.of("ls"), untrusted, true)).isEqualTo(Decision.PROMPT);
        assertThat(ExecApprovals.unmatchedDecision(List.of("sudo", "rm", "-rf", "/"), untrusted, false))
                .isEqualTo(Decision.PROMPT);
    }
}
