package dev.jcodex.exec;

import dev.jcodex.appserver.protocol.ThreadItem;
import java.util.List;
import java.util.Optional;

/** Which text counts as the turn's final message. */
final class FinalMessage {
    private FinalMessage() {}

    /** The last agent message of the turn; failing that, the last plan item's text. */
    static Optional<String> fromTurnItems(List<ThreadItem> items) {
        for (ThreadItem item : items.reversed()) {
            if (item instanceof ThreadItem.AgentMessage m) {
                return Optional.of(m.text());
            }
        }
        for (ThreadItem item : items.reversed()) {
            if (item instanceof ThreadItem.Plan p) {
                return Optional.of(p.text());
            }
        }
        return Optional.empty();
    }
}
