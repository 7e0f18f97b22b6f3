package dev.jcodex.state;

import java.nio.file.Path;

/**
 * Child process for {@link MessageHistoryTest}: {@code <codexHome> <tag> <count> <maxBytes|none>} appends
 * {@code count} entries {@code <tag>:<i>:<padding>} larger than a pipe buffer, so unlocked writes could tear.
 */
public final class HistoryChildAppender {
    private HistoryChildAppender() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String tag = args[1];
        int count = Integer.parseInt(args[2]);
        Long max = args[3].equals("none") ? null : Long.valueOf(args[3]);
        HistorySettings settings = new HistorySettings(HistorySettings.HistoryPersistence.SAVE_ALL, max);
        String padding = tag.repeat(6000);
        for (int i = 0; i < count; i++) {
            MessageHistory.append(home, "session-" + tag, tag + ":" + i + ":" + padding, settings);
        }
    }
}
