package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.util.List;

/**
 * {@code [tui]} settings.
 *
 * @param notificationsEnabled {@code notifications} (default true; a list also means true)
 * @param notificationKinds event kinds when {@code notifications} is a list; empty = all
 * @param notificationMethod {@code notification_method} (default auto)
 * @param notificationCondition {@code notification_condition} (default unfocused)
 * @param animations {@code animations} (default true)
 * @param showTooltips {@code show_tooltips} (default true)
 * @param alternateScreen {@code alternate_screen} (default auto)
 * @param statusLine {@code status_line} item ids
 * @param terminalTitle {@code terminal_title} item ids
 * @param theme {@code theme}, or null
 */
public record TuiSettings(
        boolean notificationsEnabled,
        List<String> notificationKinds,
        NotificationMethod notificationMethod,
        NotificationCondition notificationCondition,
        boolean animations,
        boolean showTooltips,
        AlternateScreen alternateScreen,
        List<String> statusLine,
        List<String> terminalTitle,
        String theme) {

    public static final List<String> DEFAULT_STATUS_LINE = List.of("model-with-reasoning", "current-dir");
    public static final List<String> DEFAULT_TERMINAL_TITLE = List.of("spinner", "project");

    public TuiSettings {
        notificationKinds = List.copyOf(notificationKinds);
        statusLine = List.copyOf(statusLine);
        terminalTitle = List.copyOf(terminalTitle);
    }

    /** {@code notification_method}. */
    public enum NotificationMethod implements WireEnum {
        AUTO, OSC9, BEL;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    /** {@code notification_condition}. */
    public enum NotificationCondition implements WireEnum {
        UNFOCUSED, ALWAYS;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    /** {@code alternate_screen}. */
    public enum AlternateScreen implements WireEnum {
        AUTO, ALWAYS, NEVER;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    static TuiSettings parse(TableReader root) {
        TableReader t = root.table("tui");
        if (t == null) {
            return new TuiSettings(true, List.of(), NotificationMethod.AUTO, NotificationCondition.UNFOCUSED, true,
                    true, AlternateScreen.AUTO, DEFAULT_STATUS_LINE, DEFAULT_TERMINAL_TITLE, null);
        }
        boolean notifications = true;
        List<String> kinds = List.of();
        if (t.has("notifications")) {
            Object raw = t.opaque("notifications");
            if (raw instanceof Boolean b) {
                notifications = b;
            } else if (!(raw instanceof List<?>)) {
                throw t.invalidType("notifications", "a boolean or an array of strings");
            } else {
                kinds = t.stringList("notifications");
            }
        }
        t.opaque("keymap");
        t.opaque("model_availability_nux");
        NotificationMethod method = t.enumValue("notification_method", NotificationMethod.class);
        NotificationCondition condition = t.enumValue("notification_condition", NotificationCondition.class);
        AlternateScreen alternate = t.enumValue("alternate_screen", AlternateScreen.class);
        List<String> statusLine = t.stringList("status_line");
        List<String> title = t.stringList("terminal_title");
        return new TuiSettings(notifications, kinds,
                method == null ? NotificationMethod.AUTO : method,
                condition == null ? NotificationCondition.UNFOCUSED : condition,
                t.bool("animations", true),
                t.bool("show_tooltips", true),
                alternate == null ? AlternateScreen.AUTO : alternate,
                statusLine == null ? DEFAULT_STATUS_LINE : statusLine,
                title == null ? DEFAULT_TERMINAL_TITLE : title,
                t.string("theme"));
    }
}
