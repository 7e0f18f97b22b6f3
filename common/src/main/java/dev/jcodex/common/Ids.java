package dev.jcodex.common;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifier generation shared by every module. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {}

    /**
     * A time-ordered UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit counter that keeps ids created
     * in the same millisecond ordered, the variant bits and 62 random bits. Thread ids, turn ids and item ids use
     * it, as the reference does.
     */
    public static UUID uuidV7() {
        long millis;
        long seq;
        synchronized (Ids.class) {
            millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                sequence++;
                if (sequence > 0xFFF) {
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = RANDOM.nextInt(0x200);
            }
            lastMillis = millis;
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** {@link #uuidV7()} as a string. */
    public static String newId() {
        return uuidV7().toString();
    }
}
