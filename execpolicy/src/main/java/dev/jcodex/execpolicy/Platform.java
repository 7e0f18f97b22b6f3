package dev.jcodex.execpolicy;

import java.util.Locale;

/** The operating-system family whose command variants the safe list covers. */
enum Platform {
    LINUX, MACOS, OTHER;

    static Platform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return LINUX;
        }
        return os.contains("mac") || os.contains("darwin") ? MACOS : OTHER;
    }
}
