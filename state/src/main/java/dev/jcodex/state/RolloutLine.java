package dev.jcodex.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of a rollout file: {@code {"timestamp","ordinal","type","payload"}}. Files written by older reference
 * versions have no {@code ordinal} ({@code null} here). Newer reference versions add a line-level
 * {@code metadata} object to {@code response_item} lines; it is kept for round-trips and otherwise unused.
 *
 * @param timestamp when the line was written (millisecond precision)
 * @param ordinal position of the line in its file, from 0, or {@code null} in the older format
 * @param item the typed payload
 * @param metadata line-level metadata, or {@code null}
 */
public record RolloutLine(Instant timestamp, Long ordinal, RolloutItem item, ObjectNode metadata) {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public RolloutLine {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(item, "item");
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A line without line-level metadata. */
    public static RolloutLine of(Instant timestamp, long ordinal, RolloutItem item) {
        return new RolloutLine(timestamp, ordinal, item, null);
    }

    /** The line {@code type}. */
    public String type() {
        return item.lineType();
    }

    /** The timestamp as written: ISO-8601 UTC with milliseconds, e.g. {@code 2026-04-24T10:00:00.123Z}. */
    public String timestampText() {
        return formatTimestamp(timestamp);
    }

    /** Formats an instant the way rollout lines and {@code session_meta.timestamp} do. */
    public static String formatTimestamp(Instant instant) {
        return FORMAT.format(instant);
    }
}
