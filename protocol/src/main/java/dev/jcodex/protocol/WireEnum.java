package dev.jcodex.protocol;

import java.util.Locale;

/** An enum with a wire spelling; {@link #parse} gives a precise error listing the accepted values. */
public interface WireEnum {
    /** The spelling on the wire and in config files. */
    String wire();

    /** Finds the constant of {@code type} spelled {@code value} (case-insensitive). */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (!allowed.isEmpty()) {
                allowed.append(", ");
            }
            allowed.append(e.wire());
        }
        throw new IllegalArgumentException("invalid value '" + value + "' (expected one of: " + allowed + ")");
    }

    /** Lower-case, dash-separated form of an enum constant name. */
    static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Lower-case, underscore-separated form of an enum constant name. */
    static String snake(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
