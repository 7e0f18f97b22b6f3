package dev.jcodex.state;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ResponseItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The history rules resume needs: which messages are real user turns, how a rollback trims history and how a
 * legacy compaction rebuilds it (spec §10.2, §11).
 */
final class HistoryRules {
    /** Start of the summary prefix the compaction template puts before every summary. */
    static final String SUMMARY_PREFIX_START = "Another language model started to solve this problem";
    /** Token budget for user messages kept by a compaction. */
    static final int COMPACT_USER_MESSAGE_MAX_TOKENS = 20_000;
    static final String NO_SUMMARY = "(no summary available)";

    /** Openings of harness-made user messages (context, not something the user typed). */
    private static final List<String> CONTEXTUAL_USER_PREFIXES = List.of(
            "<environment_context>", "<user_instructions>", "# agents.md instructions for", "<skill>",
            "<skills_instructions>", "<user_shell_command>", "<turn_aborted>", "<subagent_notification>",
            "<hook_prompt");

    private HistoryRules() {}

    /** A user message the user typed (not harness context such as {@code <environment_context>}). */
    static boolean isRealUserMessage(ResponseItem item) {
        return item instanceof ResponseItem.Message m && "user".equals(m.role()) && !isContextual(m.content());
    }

    private static boolean isContextual(List<ContentItem> content) {
        for (ContentItem c : content) {
            if (c instanceof ContentItem.InputText(String text) && text != null) {
                String head = text.stripLeading();
                head = head.substring(0, Math.min(head.length(), 40)).toLowerCase(Locale.ROOT);
                for (String prefix : CONTEXTUAL_USER_PREFIXES) {
                    if (head.startsWith(prefix)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The text parts of a message joined with newlines. */
    static String messageText(ResponseItem.Message m) {
        StringBuilder sb = new StringBuilder();
        for (ContentItem c : m.content()) {
            String t = c.textOrNull();
            if (t != null && !t.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    /** Removes the newest {@code n} user turns: everything from the n-th newest real user message on. */
    static void dropLastNUserTurns(List<ResponseItem> history, long n) {
        if (n <= 0) {
            return;
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (isRealUserMessage(history.get(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        int cut = n >= positions.size() ? positions.getFirst() : positions.get(positions.size() - (int) n);
        history.subList(cut, history.size()).clear();
    }

    /** Real user messages of {@code history}, earlier compaction summaries excluded. */
    static List<String> collectUserMessages(List<ResponseItem> history) {
        List<String> out = new ArrayList<>();
        for (ResponseItem item : history) {
            if (isRealUserMessage(item)) {
                String text = messageText((ResponseItem.Message) item);
                if (!text.startsWith(SUMMARY_PREFIX_START)) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    /**
     * The history a legacy compaction stands for: the newest user messages within the token budget (the oldest
     * kept one truncated to fit), in chronological order, then the summary, each as a user message.
     */
    static List<ResponseItem> buildCompactedHistory(List<String> userMessages, String summary) {
        List<String> selected = new ArrayList<>();
        long remaining = COMPACT_USER_MESSAGE_MAX_TOKENS;
        for (int i = userMessages.size() - 1; i >= 0 && remaining > 0; i--) {
            String message = userMessages.get(i);
            long tokens = approxTokens(message);
            if (tokens <= remaining) {
                selected.add(message);
                remaining -= tokens;
            } else {
                selected.add(truncateToTokens(message, remaining));
                break;
            }
        }
        List<ResponseItem> history = new ArrayList<>();
        for (String message : selected.reversed()) {
            history.add(ResponseItem.Message.text("user", message));
        }
        history.add(ResponseItem.Message.text("user", summary.isEmpty() ? NO_SUMMARY : summary));
        return history;
    }

    /** Tokens estimated as UTF-8 bytes / 4, rounded up. */
    static long approxTokens(String text) {
        return (text.getBytes(StandardCharsets.UTF_8).length + 3L) / 4;
    }

    /** Keeps the head and tail of {@code text} within {@code tokens}, marking how much was cut from the middle. */
    static String truncateToTokens(String text, long tokens) {
        long budgetChars = Math.max(0, tokens * 4);
        if (text.length() <= budgetChars) {
            return text;
        }
        int head = (int) (budgetChars / 2);
        int tail = (int) (budgetChars - head);
        if (head > 0 && Character.isHighSurrogate(text.charAt(head - 1))) {
            head--;
        }
        int tailStart = text.length() - tail;
        if (tailStart < text.length() && Character.isLowSurrogate(text.charAt(tailStart))) {
            tailStart++;
        }
        long removed = approxTokens(text.substring(head, tailStart));
        return text.substring(0, head) + "…" + removed + " tokens truncated…" + text.substring(tailStart);
    }
}
