package dev.jcodex.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The SQL behind {@link ThreadIndex}. Times are stored as epoch milliseconds. */
final class ThreadIndexSql {
    private static final String COLUMNS = "id, rollout_path, cwd, title, first_user_message, model, model_provider, "
            + "source, cli_version, forked_from_id, git_sha, git_branch, git_origin_url, created_at, updated_at, "
            + "archived, archived_at";
    private static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private ThreadIndexSql() {}

    static void upsert(Connection conn, ThreadRecord r) throws SQLException {
        String sql = "INSERT INTO threads (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ") "
                + "ON CONFLICT(id) DO UPDATE SET "
                + "rollout_path = excluded.rollout_path, "
                + "cwd = CASE WHEN excluded.cwd = '' THEN cwd ELSE excluded.cwd END, "
                + "title = COALESCE(excluded.title, title), "
                + "first_user_message = COALESCE(first_user_message, excluded.first_user_message), "
                + "model = COALESCE(excluded.model, model), "
                + "model_provider = COALESCE(excluded.model_provider, model_provider), "
                + "source = CASE WHEN excluded.source = '' THEN source ELSE excluded.source END, "
                + "cli_version = COALESCE(excluded.cli_version, cli_version), "
                + "forked_from_id = COALESCE(excluded.forked_from_id, forked_from_id), "
                + "git_sha = COALESCE(excluded.git_sha, git_sha), "
                + "git_branch = COALESCE(excluded.git_branch, git_branch), "
                + "git_origin_url = COALESCE(excluded.git_origin_url, git_origin_url), "
                + "updated_at = MAX(updated_at, excluded.updated_at)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, r);
            ps.executeUpdate();
        }
    }

    static void insertOrReplace(Connection conn, ThreadRecord r) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT OR REPLACE INTO threads (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")")) {
            bind(ps, r);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, ThreadRecord r) throws SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.rolloutPath().toString());
        ps.setString(3, r.cwd());
        setNullable(ps, 4, r.title());
        setNullable(ps, 5, r.firstUserMessage());
        setNullable(ps, 6, r.model());
        setNullable(ps, 7, r.modelProvider());
        ps.setString(8, r.source());
        setNullable(ps, 9, r.cliVersion());
        setNullable(ps, 10, r.forkedFromId());
        setNullable(ps, 11, r.gitSha());
        setNullable(ps, 12, r.gitBranch());
        setNullable(ps, 13, r.gitOriginUrl());
        ps.setLong(14, r.createdAt().toEpochMilli());
        ps.setLong(15, r.updatedAt().toEpochMilli());
        ps.setInt(16, r.archived() ? 1 : 0);
        if (r.archivedAt() == null) {
            ps.setNull(17, Types.INTEGER);
        } else {
            ps.setLong(17, r.archivedAt().toEpochMilli());
        }
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static Optional<ThreadRecord> find(Connection conn, String id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM threads WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static Optional<ThreadRecord> findByTitle(Connection conn, String title) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS
                + " FROM threads WHERE title = ? ORDER BY archived ASC, updated_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static boolean setTitle(Connection conn, String id, String title) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE threads SET title = ? WHERE id = ?")) {
            setNullable(ps, 1, title);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    static void setLocation(Connection conn, ThreadRecord r) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE threads SET rollout_path = ?, archived = ?, archived_at = ? WHERE id = ?")) {
            ps.setString(1, r.rolloutPath().toString());
            ps.setInt(2, r.archived() ? 1 : 0);
            if (r.archivedAt() == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setLong(3, r.archivedAt().toEpochMilli());
            }
            ps.setString(4, r.id());
            ps.executeUpdate();
        }
    }

    static ThreadPage list(Connection conn, ThreadFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM threads WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.cwd() != null) {
            sql.append(" AND cwd = ?");
            args.add(f.cwd());
        }
        if (f.modelProvider() != null) {
            sql.append(" AND model_provider = ?");
            args.add(f.modelProvider());
        }
        switch (f.archived()) {
            case ACTIVE -> sql.append(" AND archived = 0");
            case ARCHIVED -> sql.append(" AND archived = 1");
            case ALL -> { }
        }
        if (!f.sources().isEmpty()) {
            sql.append(" AND source IN (").append("?, ".repeat(f.sources().size() - 1)).append("?)");
            args.addAll(f.sources().stream().sorted().toList());
        }
        if (f.cursor() != null) {
            Cursor c = Cursor.decode(f.cursor());
            sql.append(" AND (updated_at < ? OR (updated_at = ? AND id < ?))");
            args.add(c.updatedAt());
            args.add(c.updatedAt());
            args.add(c.id());
        }
        sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ?");
        args.add((long) f.pageSize() + 1);
        List<ThreadRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        }
        if (rows.size() <= f.pageSize()) {
            return new ThreadPage(rows, null);
        }
        List<ThreadRecord> page = rows.subList(0, f.pageSize());
        ThreadRecord last = page.getLast();
        return new ThreadPage(page, new Cursor(last.updatedAt().toEpochMilli(), last.id()).encode());
    }

    private static ThreadRecord read(ResultSet rs) throws SQLException {
        long archivedAt = rs.getLong("archived_at");
        boolean archivedAtNull = rs.wasNull();
        Instant archived = rs.getInt("archived") == 0 ? null
                : Instant.ofEpochMilli(archivedAtNull ? rs.getLong("updated_at") : archivedAt);
        return new ThreadRecord(rs.getString("id"), Path.of(rs.getString("rollout_path")), rs.getString("cwd"),
                rs.getString("title"), rs.getString("first_user_message"), rs.getString("model"),
                rs.getString("model_provider"), rs.getString("source"), rs.getString("cli_version"),
                rs.getString("forked_from_id"), rs.getString("git_sha"), rs.getString("git_branch"),
                rs.getString("git_origin_url"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), archived);
    }

    /** Where a page ended: the last row's {@code updated_at} and id. Opaque to callers. */
    record Cursor(long updatedAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((updatedAt + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("invalid thread list cursor: " + text, e);
            }
        }
    }
}
