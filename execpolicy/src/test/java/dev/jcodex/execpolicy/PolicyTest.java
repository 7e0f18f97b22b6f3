package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.execpolicy.RuleMatch.HeuristicsRuleMatch;
import dev.jcodex.execpolicy.RuleMatch.PrefixRuleMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final Policy POLICY = PolicyLoader.parse(Path.of("p.rules"), """
            prefix_rule(pattern=["git", ["status", "log"]], justification="read only")
            prefix_rule(pattern=["git"], decision="prompt")
            prefix_rule(pattern=["git", "push"], decision="forbidden")
            prefix_rule(pattern=["rg"])
            host_executable(name="git", paths=["/usr/bin/git"])
            """);

    private static PrefixRuleMatch match(List<String> prefix, Decision decision) {
        return new PrefixRuleMatch(prefix, decision, Optional.empty(), Optional.empty());
    }

    @Test
    void everyMatchingRuleIsReportedAndTheStrictestWins() {
        Evaluation evaluation = POLICY.check(List.of("git", "push", "origin"));
        assertThat(evaluation).isEqualTo(new Evaluation(Optional.of(Decision.FORBIDDEN), List.of(
                match(List.of("git"), Decision.PROMPT), match(List.of("git", "push"), Decision.FORBIDDEN))));
        assertThat(POLICY.check(List.of("git", "log", "-p")).matchedRules()).containsExactly(
                new PrefixRuleMatch(List.of("git", "log"), Decision.ALLOW, Optional.empty(), Optional.of("read only")),
                match(List.of("git"), Decision.PROMPT));
    }

    @Test
    void noMatchHasNoDecision() {
        assertThat(POLICY.check(List.of("ls"))).isEqualTo(new Evaluation(Optional.empty(), List.of()));
        assertThat(POLICY.check(List.of())).isEqualTo(new Evaluation(Optional.empty(), List.of()));
        assertThat(POLICY.check(List.of("gitk"))).isEqualTo(new Evaluation(Optional.empty(), List.of()));
    }

    @Test
    void patternLongerThanTheCommandDoesNotMatch() {
        assertThat(POLICY.check(List.of("git")).matchedRules()).containsExactly(match(List.of("git"), Decision.PROMPT));
    }

    @Test
    void basenameFallbackIsOptInAndLimitedByHostExecutables() {
        assertThat(POLICY.check(List.of("/usr/bin/git", "status")).decision()).isEmpty();
        assertThat(POLICY.check(List.of("/usr/bin/git", "status"), HostExecutableResolution.RESOLVE_BASENAME).matchedRules())
                .containsExactly(
                        new PrefixRuleMatch(List.of("git", "status"), Decision.ALLOW, Optional.of("/usr/bin/git"),
                                Optional.of("read only")),
                        new PrefixRuleMatch(List.of("git"), Decision.PROMPT, Optional.of("/usr/bin/git"), Optional.empty()));
        assertThat(POLICY.check(List.of("/opt/git", "status"), HostExecutableResolution.RESOLVE_BASENAME).decision())
                .as("git has a host_executable list without /opt/git").isEmpty();
        assertThat(POLICY.check(List.of("/opt/bin/rg", "x"), HostExecutableResolution.RESOLVE_BASENAME).decision())
                .as("no host_executable entry for rg: any path may fall back").contains(Decision.ALLOW);
        assertThat(POLICY.check(List.of("bin/rg", "x"), HostExecutableResolution.RESOLVE_BASENAME).decision())
                .as("relative paths never fall back").isEmpty();
    }

    @Test
    void exactRulesWinOverBasenameFallback() {
        Policy policy = POLICY.withPrefixRule(List.of("/usr/bin/git"), Decision.FORBIDDEN);
        assertThat(policy.check(List.of("/usr/bin/git", "status"), HostExecutableResolution.RESOLVE_BASENAME).matchedRules())
                .containsExactly(match(List.of("/usr/bin/git"), Decision.FORBIDDEN));
    }

    @Test
    void checkScriptJudgesEachPlainCommand() {
        Evaluation evaluation = POLICY.checkScript(List.of("bash", "-lc", "rg foo && git push"),
                HostExecutableResolution.EXACT_ONLY);
        assertThat(evaluation.decision()).contains(Decision.FORBIDDEN);
        assertThat(evaluation.matchedRules()).containsExactly(match(List.of("rg"), Decision.ALLOW),
                match(List.of("git"), Decision.PROMPT), match(List.of("git", "push"), Decision.FORBIDDEN));
        assertThat(POLICY.checkScript(List.of("bash", "-lc", "git push > log"), HostExecutableResolution.EXACT_ONLY)
                .decision()).as("not plain: judged as the bash argv").isEmpty();
    }

    @Test
    void checkEachFallsBackToHeuristicsPerCommand() {
        Evaluation evaluation = POLICY.checkEach(List.of(List.of("rg", "x"), List.of("cargo", "test")),
                HostExecutableResolution.EXACT_ONLY, command -> Decision.PROMPT);
        assertThat(evaluation).isEqualTo(new Evaluation(Optional.of(Decision.PROMPT), List.of(
                match(List.of("rg"), Decision.ALLOW), new HeuristicsRuleMatch(List.of("cargo", "test"), Decision.PROMPT))));
        assertThat(evaluation.hasPolicyMatch()).isTrue();
    }

    @Test
    void withPrefixRuleAndOverlayReturnNewPolicies() {
        Policy amended = Policy.empty().withPrefixRule(List.of("cargo", "test"), Decision.ALLOW);
        assertThat(Policy.empty().prefixRules()).isEmpty();
        assertThat(amended.check(List.of("cargo", "test", "-q")).decision()).contains(Decision.ALLOW);
        assertThatThrownBy(() -> Policy.empty().withPrefixRule(List.of(), Decision.ALLOW))
                .isInstanceOf(IllegalArgumentException.class);

        Policy overlay = PolicyLoader.parse(Path.of("o.rules"), """
                prefix_rule(pattern=["cargo"], decision="forbidden")
                host_executable(name="git", paths=["/opt/git"])
                """);
        Policy merged = amended.overlay(overlay);
        assertThat(merged.check(List.of("cargo", "test")).decision()).contains(Decision.FORBIDDEN);
        assertThat(POLICY.overlay(overlay).hostExecutables()).containsEntry("git", List.of("/opt/git"));
    }

    @Test
    void rulesRenderInRulesFileSyntax() {
        assertThat(POLICY.prefixRules().getFirst().render()).isEqualTo(
                "prefix_rule(pattern=[\"git\", [\"status\", \"log\"]], decision=\"allow\", justification=\"read only\")");
        assertThat(new ExecPolicyAmendment(List.of("echo", "Hello, \"world\"!\n")).ruleLine())
                .isEqualTo("prefix_rule(pattern=[\"echo\", \"Hello, \\\"world\\\"!\\n\"], decision=\"allow\")");
    }

    @Test
    void decisionsParseAndOrder() {
        assertThat(Decision.parse("prompt")).isEqualTo(Decision.PROMPT);
        assertThat(Decision.ALLOW.strictest(Decision.FORBIDDEN)).isEqualTo(Decision.FORBIDDEN);
        assertThat(Decision.PROMPT.strictest(Decision.ALLOW)).isEqualTo(Decision.PROMPT);
        assertThat(Decision.FORBIDDEN.wire()).isEqualTo("forbidden");
        assertThatThrownBy(() -> Decision.parse("deny")).hasMessage("invalid decision: deny");
    }
}
