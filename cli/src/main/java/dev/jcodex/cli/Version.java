package dev.jcodex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The jcodex version, read once from a build-filtered resource. */
final class Version {
    private static final String VERSION = load();

    private Version() {}

    static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
