package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyAmendmentsTest {

    @TempDir
    Path codexHome;

    @Test
    void appendsRuleAndCreatesDirectories() throws IOException {
        Path file = PolicyLoader.defaultRulesFile(codexHome);
        assertThat(PolicyAmendments.appendAllowRule(file, new ExecPolicyAmendment(List.of("echo", "Hello, world!"))))
                .isTrue();
        assertThat(Files.readString(file)).isEqualTo("prefix_rule(pattern=[\"echo\", \"Hello, world!\"], decision=\"allow\")\n");
    }

    @Test
    void appendsAfterExistingRulesAndSuppliesAMissingNewline() throws IOException {
        Path file = PolicyLoader.defaultRulesFile(codexHome);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "prefix_rule(pattern=[\"ls\"], decision=\"allow\")");
        PolicyAmendments.appendAllowRule(file, new ExecPolicyAmendment(List.of("git", "pull")));
        assertThat(Files.readString(file)).isEqualTo("""
                prefix_rule(pattern=["ls"], decision="allow")
                prefix_rule(pattern=["git", "pull"], decision="allow")
                """);
    }

    @Test
    void doesNotDuplicateARule() throws IOException {
        Path file = PolicyLoader.defaultRulesFile(codexHome);
        ExecPolicyAmendment amendment = new ExecPolicyAmendment(List.of("git", "pull"));
        assertThat(PolicyAmendments.appendAllowRule(file, amendment)).isTrue();
        assertThat(PolicyAmendments.appendAllowRule(file, amendment)).isFalse();
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void appendedRulesLoadBackWithTheSameTokens() throws IOException {
        Path file = PolicyLoader.defaultRulesFile(codexHome);
        List<String> odd = List.of("printf", "a\tb\n", "quote\"back\\slash", "ünï", "\u0001");
        PolicyAmendments.appendAllowRule(file, new ExecPolicyAmendment(odd));
        Policy policy = PolicyLoader.load(List.of(file));
        assertThat(policy.check(odd).decision()).contains(Decision.ALLOW);
    }
}
