package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.execpolicy.ExecApprovalRequirement.Forbidden;
import dev.jcodex.execpolicy.ExecApprovalRequirement.NeedsApproval;
import dev.jcodex.execpolicy.ExecApprovalRequirement.Skip;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision table of spec §6.4 over every (approval policy × sandbox × requested permissions × command
 * kind) combination. {@link #TABLE} is written by hand from the spec; {@link #tableCoversEveryCombination}
 * proves it leaves no combination out and has no overlapping rows.
 */
class ExecApprovalsTableTest {

    enum Outcome { SKIP, SKIP_BYPASS, ASK, ASK_BYPASS, FORBIDDEN }

    static final Policy RULES = PolicyLoader.parse(java.nio.file.Path.of("table.rules"), """
            prefix_rule(pattern=["make"], decision="allow")
            prefix_rule(pattern=["python3"], decision="allow")
            prefix_rule(pattern=["git", "push"], decision="prompt", justification="pushes are reviewed")
            prefix_rule(pattern=["npm", "publish"], decision="forbidden")
            """);

    static final Map<String, List<String>> KINDS = Map.of(
            "SAFE_ARGV", List.of("ls", "-la"),
            "SAFE_SCRIPT", List.of("bash", "-lc", "ls -la && cat README.md | wc -l"),
            "PLAIN", List.of("bash", "-lc", "cargo test"),
            "DANGEROUS", List.of("bash", "-lc", "rm -rf build"),
            "COMPLEX", List.of("bash", "-lc", "cargo test > out.txt"),
            "HEREDOC_SAFE", List.of("bash", "-lc", "cat <<'EOF'\nhi\nEOF"),
            "HEREDOC_RULE_ALLOW", List.of("bash", "-lc", "python3 <<'EOF'\nprint(1)\nEOF"),
            "RULE_ALLOW", List.of("bash", "-lc", "make build"),
            "RULE_PROMPT", List.of("git", "push", "origin"),
            "RULE_FORBIDDEN", List.of("bash", "-lc", "npm publish --tag latest"));

    static final Map<String, SandboxPolicy> SANDBOXES = Map.of(
            "READ_ONLY", new SandboxPolicy.ReadOnly(),
            "WORKSPACE_WRITE", new SandboxPolicy.WorkspaceWrite(List.of(), false, false, false),
            "DANGER_FULL_ACCESS", new SandboxPolicy.DangerFullAccess());

    /** policy | sandbox (*, RESTRICTED or a name) | permissions | kind (* or a name) | outcome */
    static final String TABLE = """
            UNTRUSTED  | *                  | REQUIRE_ESCALATED | *                  | FORBIDDEN
            ON_FAILURE | *                  | REQUIRE_ESCALATED | *                  | FORBIDDEN
            NEVER      | *                  | REQUIRE_ESCALATED | *                  | FORBIDDEN

            UNTRUSTED  | *                  | USE_DEFAULT       | SAFE_ARGV          | SKIP
            UNTRUSTED  | *                  | USE_DEFAULT       | SAFE_SCRIPT        | SKIP
            UNTRUSTED  | *                  | USE_DEFAULT       | PLAIN              | ASK
            UNTRUSTED  | *                  | USE_DEFAULT       | DANGEROUS          | ASK
            UNTRUSTED  | *                  | USE_DEFAULT       | COMPLEX            | ASK
            UNTRUSTED  | *                  | USE_DEFAULT       | HEREDOC_SAFE       | ASK
            UNTRUSTED  | *                  | USE_DEFAULT       | HEREDOC_RULE_ALLOW | SKIP_BYPASS
            UNTRUSTED  | *                  | USE_DEFAULT       | RULE_ALLOW         | SKIP_BYPASS
            UNTRUSTED  | *                  | USE_DEFAULT       | RULE_PROMPT        | ASK
            UNTRUSTED  | *                  | USE_DEFAULT       | RULE_FORBIDDEN     | FORBIDDEN

            ON_FAILURE | *                  | USE_DEFAULT       | SAFE_ARGV          | SKIP
            ON_FAILURE | *                  | USE_DEFAULT       | SAFE_SCRIPT        | SKIP
            ON_FAILURE | *                  | USE_DEFAULT       | PLAIN              | SKIP
            ON_FAILURE | *                  | USE_DEFAULT       | DANGEROUS          | ASK
            ON_FAILURE | *                  | USE_DEFAULT       | COMPLEX            | SKIP
            ON_FAILURE | *                  | USE_DEFAULT       | HEREDOC_SAFE       | SKIP
            ON_FAILURE | *                  | USE_DEFAULT       | HEREDOC_RULE_ALLOW | SKIP_BYPASS
            ON_FAILURE | *                  | USE_DEFAULT       | RULE_ALLOW         | SKIP_BYPASS
            ON_FAILURE | *                  | USE_DEFAULT       | RULE_PROMPT        | ASK
            ON_FAILURE | *                  | USE_DEFAULT       | RULE_FORBIDDEN     | FORBIDDEN

            ON_REQUEST | *                  | USE_DEFAULT       | SAFE_ARGV          | SKIP
            ON_REQUEST | *                  | USE_DEFAULT       | SAFE_SCRIPT        | SKIP
            ON_REQUEST | *                  | USE_DEFAULT       | PLAIN              | SKIP
            ON_REQUEST | *                  | USE_DEFAULT       | DANGEROUS          | ASK
            ON_REQUEST | *                  | USE_DEFAULT       | COMPLEX            | SKIP
            ON_REQUEST | *                  | USE_DEFAULT       | HEREDOC_SAFE       | SKIP
            ON_REQUEST | *                  | USE_DEFAULT       | HEREDOC_RULE_ALLOW | SKIP_BYPASS
            ON_REQUEST | *                  | USE_DEFAULT       | RULE_ALLOW         | SKIP_BYPASS
            ON_REQUEST | *                  | USE_DEFAULT       | RULE_PROMPT        | ASK
            ON_REQUEST | *                  | USE_DEFAULT       | RULE_FORBIDDEN     | FORBIDDEN

            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | SAFE_ARGV          | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | SAFE_SCRIPT        | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | PLAIN              | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | DANGEROUS          | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | COMPLEX            | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | HEREDOC_SAFE       | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | HEREDOC_RULE_ALLOW | SKIP_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | RULE_ALLOW         | SKIP_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | RULE_PROMPT        | ASK_BYPASS
            ON_REQUEST | RESTRICTED         | REQUIRE_ESCALATED | RULE_FORBIDDEN     | FORBIDDEN

            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | SAFE_ARGV          | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | SAFE_SCRIPT        | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | PLAIN              | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | DANGEROUS          | ASK_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | COMPLEX            | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | HEREDOC_SAFE       | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | HEREDOC_RULE_ALLOW | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | RULE_ALLOW         | SKIP_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | RULE_PROMPT        | ASK_BYPASS
            ON_REQUEST | DANGER_FULL_ACCESS | REQUIRE_ESCALATED | RULE_FORBIDDEN     | FORBIDDEN

            NEVER      | *                  | USE_DEFAULT       | SAFE_ARGV          | SKIP
            NEVER      | *                  | USE_DEFAULT       | SAFE_SCRIPT        | SKIP
            NEVER      | *                  | USE_DEFAULT       | PLAIN              | SKIP
            NEVER      | RESTRICTED         | USE_DEFAULT       | DANGEROUS          | FORBIDDEN
            NEVER      | DANGER_FULL_ACCESS | USE_DEFAULT       | DANGEROUS          | SKIP
            NEVER      | *                  | USE_DEFAULT       | COMPLEX            | SKIP
            NEVER      | *                  | USE_DEFAULT       | HEREDOC_SAFE       | SKIP
            NEVER      | *                  | USE_DEFAULT       | HEREDOC_RULE_ALLOW | SKIP_BYPASS
            NEVER      | *                  | USE_DEFAULT       | RULE_ALLOW         | SKIP_BYPASS
            NEVER      | *                  | USE_DEFAULT       | RULE_PROMPT        | FORBIDDEN
            NEVER      | *                  | USE_DEFAULT       | RULE_FORBIDDEN     | FORBIDDEN
            """;

    record Row(String policy, String sandbox, String permissions, String kind, Outcome outcome) {
        boolean covers(AskForApproval p, String s, SandboxPermissions perms, String k) {
            boolean sandboxMatches = sandbox.equals("*") || sandbox.equals(s)
                    || (sandbox.equals("RESTRICTED") && !s.equals("DANGER_FULL_ACCESS"));
            return policy.equals(p.name()) && sandboxMatches && permissions.equals(perms.name())
                    && (kind.equals("*") || kind.equals(k));
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.lines().filter(l -> !l.isBlank()).toList()) {
            String[] f = line.split("\\|");
            rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), Outcome.valueOf(f[4].strip())));
        }
        return rows;
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (AskForApproval policy : AskForApproval.values()) {
            for (String sandbox : SANDBOXES.keySet().stream().sorted().toList()) {
                for (SandboxPermissions permissions : SandboxPermissions.values()) {
                    for (String kind : KINDS.keySet().stream().sorted().toList()) {
                        out.add(Arguments.of(policy, sandbox, permissions, kind));
                    }
                }
            }
        }
        return out.stream();
    }

    @Test
    void tableCoversEveryCombination() {
        List<Row> rows = rows();
        combinations().forEach(args -> {
            Object[] a = args.get();
            long matching = rows.stream().filter(r -> r.covers((AskForApproval) a[0], (String) a[1],
                    (SandboxPermissions) a[2], (String) a[3])).count();
            assertThat(matching).as("rows covering %s %s %s %s", a[0], a[1], a[2], a[3]).isEqualTo(1);
        });
    }

    static Outcome outcomeOf(ExecApprovalRequirement requirement) {
        return switch (requirement) {
            case Skip skip -> skip.sandbox() == SandboxUse.BYPASS ? Outcome.SKIP_BYPASS : Outcome.SKIP;
            case NeedsApproval ask -> ask.sandboxAfterApproval() == SandboxUse.BYPASS ? Outcome.ASK_BYPASS : Outcome.ASK;
            case Forbidden forbidden -> Outcome.FORBIDDEN;
        };
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("combinations")
    void decisionTable(AskForApproval policy, String sandbox, SandboxPermissions permissions, String kind) {
        Outcome expected = rows().stream().filter(r -> r.covers(policy, sandbox, permissions, kind))
                .findFirst().orElseThrow().outcome();
        ExecApprovalRequest request = new ExecApprovalRequest(policy, SANDBOXES.get(sandbox), KINDS.get(kind),
                permissions, Optional.empty());
        ExecApprovalRequirement requirement = ExecApprovals.decide(request, RULES, Set.of());
        assertThat(outcomeOf(requirement)).as("%s", requirement).isEqualTo(expected);

        // An approved-for-session answer turns every question into a run, and never overrides a refusal.
        ExecApprovalRequirement cached = ExecApprovals.decide(request, RULES,
                Set.of(ExecApprovals.approvalKey(KINDS.get(kind))));
        Outcome expectedCached = switch (expected) {
            case ASK -> Outcome.SKIP;
            case ASK_BYPASS -> Outcome.SKIP_BYPASS;
            default -> expected;
        };
        assertThat(outcomeOf(cached)).as("cached: %s", cached).isEqualTo(expectedCached);
    }
}
