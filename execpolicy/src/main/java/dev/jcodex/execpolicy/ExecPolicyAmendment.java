package dev.jcodex.execpolicy;

import java.util.List;

/**
 * A rule the user can accept with an approval so that commands starting with {@code prefix} are allowed from
 * now on; accepted amendments are appended to {@code $CODEX_HOME/rules/default.rules}.
 *
 * @param prefix the argv prefix to allow (never empty)
 */
public record ExecPolicyAmendment(List<String> prefix) {

    public ExecPolicyAmendment {
        prefix = List.copyOf(prefix);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix rule requires at least one token");
        }
    }

    /** The line appended to the rules file: {@code prefix_rule(pattern=["git", "pull"], decision="allow")}. */
    public String ruleLine() {
        return PrefixRule.ofPrefix(prefix, Decision.ALLOW).render();
    }
}
