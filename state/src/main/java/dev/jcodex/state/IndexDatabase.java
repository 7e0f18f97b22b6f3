package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The SQLite file behind {@link ThreadIndex}: connecting (WAL, busy timeout), creating the schema, and telling
 * a healthy file from a corrupt or outdated one. The sqlite-jdbc classes (and its native library) are first
 * touched in {@link #connect}, so nothing is loaded until the index is used.
 */
final class IndexDatabase {
    static final int SCHEMA_VERSION = 1;
    private static final System.Logger LOG = System.getLogger(IndexDatabase.class.getName());

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS threads (
            id TEXT PRIMARY KEY,
            rollout_path TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            source TEXT NOT NULL,
            model_provider TEXT,
            model TEXT,
            cwd TEXT NOT NULL,
            title TEXT,
            first_user_message TEXT,
            cli_version TEXT,
            forked_from_id TEXT,
            git_sha TEXT,
            git_branch TEXT,
            git_origin_url TEXT,
            archived INTEGER NOT NULL DEFAULT 0,
            archived_at INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS threads_by_updated ON threads(archived, updated_at DESC, id DESC)",
        "CREATE INDEX IF NOT EXISTS threads_by_cwd ON threads(cwd, archived, updated_at DESC, id DESC)",
        "CREATE INDEX IF NOT EXISTS threads_by_title ON threads(title)",
        "CREATE TABLE IF NOT EXISTS index_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "PRAGMA user_version = " + SCHEMA_VERSION,
    };

    /** What {@link #openOrRecover} found. */
    record Opened(Connection connection, boolean needsRebuild) {}

    private IndexDatabase() {}

    /**
     * Opens {@code db}, creating it if missing. A corrupt file, or one with another schema version, is renamed
     * aside ({@code <name>.corrupt-<millis>} / {@code <name>.schema-v<n>-<millis>}) and replaced by a new empty
     * one; {@code needsRebuild} is then set, as it is when the last rebuild never completed.
     */
    static Opened openOrRecover(Path db) throws SQLException, IOException {
        boolean existed = Files.exists(db);
        Connection conn = null;
        try {
            conn = connect(db);
            int version = userVersion(conn);
            if (existed && version != 0 && version != SCHEMA_VERSION) {
                conn.close();
                conn = null;
                moveAside(db, "schema-v" + version);
                LOG.log(System.Logger.Level.WARNING, "thread index {0} had schema {1}; rebuilding", db, version);
                return fresh(db);
            }
            if (!"ok".equalsIgnoreCase(quickCheck(conn))) {
                throw new CorruptDatabase("quick_check failed");
            }
            createSchema(conn);
            return new Opened(conn, !backfillComplete(conn));
        } catch (SQLException | CorruptDatabase e) {
            if (conn != null) {
                closeQuietly(conn);
            }
            if (!(e instanceof CorruptDatabase) && !isCorruption((SQLException) e)) {
                throw (SQLException) e;
            }
            moveAside(db, "corrupt");
            LOG.log(System.Logger.Level.WARNING, "thread index {0} was corrupt ({1}); rebuilding", db, e.getMessage());
            return fresh(db);
        }
    }

    private static Opened fresh(Path db) throws SQLException {
        Connection conn = connect(db);
        createSchema(conn);
        return new Opened(conn, true);
    }

    static Connection connect(Path db) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    private static void createSchema(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
        }
    }

    private static int userVersion(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String quickCheck(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
            return rs.next() ? rs.getString(1) : "no result";
        }
    }

    static boolean backfillComplete(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT value FROM index_meta WHERE key = 'backfill_complete'")) {
            return rs.next() && "1".equals(rs.getString(1));
        }
    }

    /** Whether {@code e} says the file is damaged or not a database at all. */
    static boolean isCorruption(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException se) {
                int primary = se.getResultCode().code & 0xff;
                if (primary == 11 || primary == 26) {
                    return true;
                }
            }
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("malformed") || lower.contains("not a database")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Renames the database and its WAL/SHM companions to {@code <name>.<reason>-<millis>}. */
    static void moveAside(Path db, String reason) throws IOException {
        String suffix = "." + reason + "-" + System.currentTimeMillis();
        for (String companion : new String[] {"", "-wal", "-shm"}) {
            Path p = db.resolveSibling(db.getFileName() + companion);
            if (Files.exists(p)) {
                Files.move(p, db.resolveSibling(db.getFileName() + companion + suffix),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void closeQuietly(Connection conn) {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // Closing a broken connection; nothing else to do.
        }
    }

    /** A database that opened but failed its integrity check. */
    private static final class CorruptDatabase extends Exception {
        CorruptDatabase(String message) {
            super(message);
        }
    }
}
