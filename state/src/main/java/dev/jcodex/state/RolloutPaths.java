package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where rollout files live: {@code $CODEX_HOME/sessions/YYYY/MM/DD/rollout-YYYY-MM-DDThh-mm-ss-<uuid>.jsonl}
 * (local time) and, once archived, {@code $CODEX_HOME/archived_sessions/<same file name>}.
 */
public final class RolloutPaths {
    /** Folder under {@code CODEX_HOME} holding live rollouts. */
    public static final String SESSIONS_DIR = "sessions";
    /** Folder under {@code CODEX_HOME} holding archived rollouts (flat). */
    public static final String ARCHIVED_SESSIONS_DIR = "archived_sessions";

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    private static final Pattern FILE_NAME = Pattern.compile(
            "rollout-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2})-([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                    + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.jsonl");

    private RolloutPaths() {}

    /** The path a new rollout for {@code threadId} created at {@code createdAt} gets, in {@code zone} local time. */
    public static Path newRolloutPath(Path codexHome, String threadId, Instant createdAt, ZoneId zone) {
        UUID.fromString(threadId);
        LocalDateTime local = LocalDateTime.ofInstant(createdAt, zone);
        return datedDir(codexHome, local).resolve("rollout-" + FILE_TIME.format(local) + "-" + threadId + ".jsonl");
    }

    /** The thread id encoded in a rollout file name, if the name has the rollout shape. */
    public static Optional<String> threadIdOf(Path rolloutFile) {
        Matcher m = FILE_NAME.matcher(rolloutFile.getFileName().toString());
        return m.matches() ? Optional.of(m.group(2).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** Whether the file name has the rollout shape. */
    public static boolean isRolloutFileName(Path file) {
        return FILE_NAME.matcher(file.getFileName().toString()).matches();
    }

    /** Where an archived rollout lives. */
    public static Path archivedPath(Path codexHome, Path rolloutFile) {
        return codexHome.resolve(ARCHIVED_SESSIONS_DIR).resolve(rolloutFile.getFileName().toString());
    }

    /**
     * Where an archived rollout goes back to when unarchived: the dated folder named by its file name (the
     * local creation time).
     */
    public static Path unarchivedPath(Path codexHome, Path archivedFile) {
        Matcher m = FILE_NAME.matcher(archivedFile.getFileName().toString());
        if (!m.matches()) {
            throw new StateException("not a rollout file name: " + archivedFile.getFileName());
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1), FILE_TIME);
            return datedDir(codexHome, local).resolve(archivedFile.getFileName().toString());
        } catch (DateTimeParseException e) {
            throw new StateException("bad timestamp in rollout file name: " + archivedFile.getFileName(), e);
        }
    }

    private static Path datedDir(Path codexHome, LocalDateTime local) {
        return codexHome.resolve(SESSIONS_DIR)
                .resolve(String.format("%04d", local.getYear()))
                .resolve(String.format("%02d", local.getMonthValue()))
                .resolve(String.format("%02d", local.getDayOfMonth()));
    }

    /** Creates {@code dir} and missing parents; new folders get mode 0700. */
    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            if (PosixSupport.AVAILABLE) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixSupport.DIR_0700));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}
