package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite index of threads, {@code <sqliteHome>/jcodex_state_1.sqlite} (by default {@code sqliteHome} is
 * {@code CODEX_HOME}). It answers {@code thread/list} and {@code resume --last} without scanning rollout files.
 * The rollout files stay the source of truth: when the database is missing, corrupt (renamed aside), has another
 * schema version, or a previous rebuild never finished, it is rebuilt from them on first use.
 *
 * <p>The database is opened lazily: creating a {@code ThreadIndex} touches neither the file nor the sqlite native
 * library. It uses WAL mode, so several processes may share it. Methods are thread-safe.
 */
public final class ThreadIndex implements AutoCloseable {
    /** The database file name; the reference's {@code state_5.sqlite} has another schema and is never touched. */
    public static final String DB_FILE_NAME = "jcodex_state_" + IndexDatabase.SCHEMA_VERSION + ".sqlite";
    private static final System.Logger LOG = System.getLogger(ThreadIndex.class.getName());

    private final Path codexHome;
    private final Path dbPath;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private boolean closed;

    private ThreadIndex(Path codexHome, Path sqliteHome) {
        this.codexHome = codexHome.toAbsolutePath();
        this.dbPath = sqliteHome.toAbsolutePath().resolve(DB_FILE_NAME);
    }

    /** The index of {@code codexHome}, stored in {@code codexHome}. Opens nothing yet. */
    public static ThreadIndex open(Path codexHome) {
        return new ThreadIndex(codexHome, codexHome);
    }

    /** The index of {@code codexHome}, stored in {@code sqliteHome} ({@code sqlite_home} / {@code CODEX_SQLITE_HOME}). */
    public static ThreadIndex open(Path codexHome, Path sqliteHome) {
        return new ThreadIndex(codexHome, sqliteHome);
    }

    /** The database file. */
    public Path databasePath() {
        return dbPath;
    }

    /**
     * Inserts or updates a thread (on thread start and at each turn end). On update, the creation time and
     * archive state are kept, {@code updatedAt} never moves backwards, and {@code null} members of
     * {@code record} keep the stored value.
     */
    public void upsert(ThreadRecord record) {
        call(conn -> {
            ThreadIndexSql.upsert(conn, record);
            return null;
        });
    }

    /** The thread with this id. */
    public Optional<ThreadRecord> find(String id) {
        return call(conn -> ThreadIndexSql.find(conn, id));
    }

    /**
     * The thread with this id, like {@link #find}, but when the index does not know it or its rollout file is gone
     * (a rollout written by another program, or copied in while the index was healthy), the rollout files are
     * searched by name and the index is repaired with what the file says. Empty when no rollout carries the id.
     */
    public Optional<ThreadRecord> locate(String id) {
        Optional<ThreadRecord> known = find(id);
        if (known.isPresent() && Files.isRegularFile(known.get().rolloutPath())) {
            return known;
        }
        Optional<ThreadRecord> found;
        try {
            found = RolloutScanner.scanOne(codexHome, id);
        } catch (IOException e) {
            throw new StateException("cannot scan rollouts under " + codexHome + ": " + e.getMessage(), e);
        }
        found.ifPresent(r -> call(conn -> {
            ThreadIndexSql.insertOrReplace(conn, r);
            return null;
        }));
        return found;
    }

    /** One page of threads, newest {@code updatedAt} first. */
    public ThreadPage list(ThreadFilter filter) {
        return call(conn -> ThreadIndexSql.list(conn, filter));
    }

    /** The most recently updated active thread started in {@code cwd} with {@code modelProvider} ({@code resume --last}). */
    public Optional<ThreadRecord> findLatest(String cwd, String modelProvider) {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(modelProvider, "modelProvider");
        List<ThreadRecord> page = list(ThreadFilter.firstPage(1).withCwd(cwd).withModelProvider(modelProvider))
                .threads();
        return page.stream().findFirst();
    }

    /** The most recently updated thread named {@code title}, active threads first ({@code resume NAME}). */
    public Optional<ThreadRecord> findByTitle(String title) {
        return call(conn -> ThreadIndexSql.findByTitle(conn, title));
    }

    /**
     * Names a thread. The name is also appended to {@code session_index.jsonl}, so it survives a rebuild.
     *
     * @throws StateException if the thread is unknown
     */
    public void setTitle(String id, String title) throws IOException {
        Instant now = Instant.now();
        SessionIndexFile.append(codexHome, id, title, now);
        call(conn -> {
            if (!ThreadIndexSql.setTitle(conn, id, title)) {
                throw new StateException("unknown thread " + id);
            }
            return null;
        });
    }

    /**
     * Archives a thread: moves its rollout to {@code archived_sessions/} and marks it archived.
     *
     * @throws StateException if the thread is unknown or its rollout file is missing
     */
    public ThreadRecord archive(String id) throws IOException {
        return relocate(id, true);
    }

    /** Undoes {@link #archive}: moves the rollout back to its dated folder under {@code sessions/}. */
    public ThreadRecord unarchive(String id) throws IOException {
        return relocate(id, false);
    }

    private ThreadRecord relocate(String id, boolean toArchive) throws IOException {
        lock.lock();
        try {
            ThreadRecord current = find(id).orElseThrow(() -> new StateException("unknown thread " + id));
            if (current.archived() == toArchive) {
                return current;
            }
            Path from = current.rolloutPath();
            Path to = toArchive ? RolloutPaths.archivedPath(codexHome, from)
                    : RolloutPaths.unarchivedPath(codexHome, from);
            if (Files.exists(from)) {
                RolloutPaths.createPrivateDirectories(to.getParent());
                Files.move(from, to);
            } else if (!Files.exists(to)) {
                throw new StateException("rollout of thread " + id + " is missing: " + from);
            }
            ThreadRecord moved = current.withLocation(to, toArchive ? Instant.now() : null);
            call(conn -> {
                ThreadIndexSql.setLocation(conn, moved);
                return null;
            });
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the index content with what the rollout files under {@code sessions/} and
     * {@code archived_sessions/} describe (titles from {@code session_index.jsonl}). Runs automatically when
     * needed; returns how many threads were indexed.
     */
    public int rebuildFromRollouts() {
        return call(this::rebuild);
    }

    private int rebuild(Connection conn) throws SQLException {
        List<ThreadRecord> records;
        try {
            records = RolloutScanner.scanAll(codexHome);
        } catch (IOException e) {
            throw new StateException("cannot scan rollouts under " + codexHome + ": " + e.getMessage(), e);
        }
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.execute("DELETE FROM threads");
            for (ThreadRecord r : records) {
                ThreadIndexSql.insertOrReplace(conn, r);
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR REPLACE INTO index_meta(key, value) VALUES ('backfill_complete', '1')")) {
                ps.executeUpdate();
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
        LOG.log(System.Logger.Level.INFO, "rebuilt thread index {0} from {1} rollouts", dbPath, records.size());
        return records.size();
    }

    /** Closes the database connection, if one was opened. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (connection != null) {
                IndexDatabase.closeQuietly(connection);
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T apply(Connection conn) throws SQLException;
    }

    /** Runs {@code op} on the (lazily opened) connection; a corruption found mid-use triggers one recovery. */
    private <T> T call(SqlCall<T> op) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("thread index " + dbPath + " is closed");
            }
            try {
                return op.apply(connection());
            } catch (SQLException e) {
                if (!IndexDatabase.isCorruption(e)) {
                    throw new StateException("thread index " + dbPath + ": " + e.getMessage(), e);
                }
                IndexDatabase.closeQuietly(connection);
                connection = null;
                IndexDatabase.moveAside(dbPath, "corrupt");
                LOG.log(System.Logger.Level.WARNING, "thread index {0} became corrupt; rebuilding", dbPath);
                return op.apply(connection());
            }
        } catch (SQLException e) {
            throw new StateException("thread index " + dbPath + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StateException("thread index " + dbPath + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() throws SQLException, IOException {
        if (connection == null) {
            RolloutPaths.createPrivateDirectories(dbPath.getParent());
            IndexDatabase.Opened opened = IndexDatabase.openOrRecover(dbPath);
            connection = opened.connection();
            if (opened.needsRebuild()) {
                rebuild(connection);
            }
        }
        return connection;
    }
}
