package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path home;

    @Test
    void systemLoggersWriteToTheInstalledFileAtTheConfiguredLevel() throws Exception {
        assertThat(LogFiles.isActive()).isTrue();
        System.Logger log = System.getLogger("dev.jcodex.test.levels");
        log.log(System.Logger.Level.ERROR, "before install"); // dropped: nowhere to go yet
        try (LogFiles files = LogFiles.install(home, LogLevel.INFO)) {
            assertThat(files.logFile()).isEqualTo(home.resolve("log/codex.log"));
            log.log(System.Logger.Level.DEBUG, "too detailed");
            log.log(System.Logger.Level.INFO, "thread {0} started in {1}", "t-1", "/work");
            log.log(System.Logger.Level.WARNING, "failed", new IOException("boom"));
            assertThat(log.isLoggable(System.Logger.Level.DEBUG)).isFalse();
            String text = Files.readString(files.logFile());
            assertThat(text).doesNotContain("before install", "too detailed");
            assertThat(text).containsPattern(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  dev\\.jcodex\\.test\\.levels \\[.*] "
                            + "thread t-1 started in /work\n");
            assertThat(text).contains("WARN  dev.jcodex.test.levels", "java.io.IOException: boom", "\tat ");
            assertThat(Files.getPosixFilePermissions(files.logFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(home.resolve("log")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        log.log(System.Logger.Level.ERROR, "after close");
        assertThat(Files.readString(home.resolve("log/codex.log"))).doesNotContain("after close");
    }

    @Test
    void secretsAreRedacted() throws Exception {
        try (LogFiles files = LogFiles.install(home, LogLevel.TRACE)) {
            System.Logger log = System.getLogger("dev.jcodex.test.secrets");
            log.log(System.Logger.Level.INFO, "key sk-proj-AbCdEf0123456789xyz and header Authorization: Bearer "
                    + "eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl then {\"api_key\": \"hunter2hunter2\"} ok");
            log.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("token sk-live1234567890abcd"));
            String text = Files.readString(files.logFile());
            assertThat(text).doesNotContain("AbCdEf0123456789xyz", "eyJhbGciOi", "hunter2", "sk-live1234567890abcd");
            assertThat(text).contains("key [REDACTED] and header", "Bearer [REDACTED]", "\"api_key\": \"[REDACTED]\"",
                    "token [REDACTED]");
        }
        assertThat(SecretRedactor.redact("the task-12345678 is risky; desk-lamp")).isEqualTo(
                "the task-12345678 is risky; desk-lamp");
    }

    @Test
    void rotatesBySizeKeepingAFixedNumberOfFiles() throws Exception {
        Path dir = home.resolve("logs");
        try (LogFiles files = LogFiles.install(new LogFiles.Settings(dir, "codex.log", LogLevel.INFO, 1000, 3))) {
            System.Logger log = System.getLogger("dev.jcodex.test.rotation");
            for (int i = 0; i < 100; i++) {
                log.log(System.Logger.Level.INFO, "record {0} {1}", i, "x".repeat(80));
            }
            assertThat(files.logFile()).isEqualTo(dir.resolve("codex.log"));
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("codex.log", "codex.log.1", "codex.log.2");
        }
        for (String name : new String[] {"codex.log", "codex.log.1", "codex.log.2"}) {
            assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(1000);
        }
        assertThat(Files.readString(dir.resolve("codex.log"))).contains("record 99 ");
        String older = Files.readString(dir.resolve("codex.log.2"));
        int firstKept = Integer.parseInt(older.replaceAll("(?s).*?record (\\d+) .*", "$1"));
        assertThat(firstKept).isGreaterThan(70);
    }

    @Test
    void levelsComeFromJcodexLogThenRustLog() {
        assertThat(LogLevel.fromEnv(Map.of())).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.fromEnv(Map.of("JCODEX_LOG", "debug", "RUST_LOG", "error"))).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.fromEnv(Map.of("RUST_LOG", "info"))).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.parse("codex_core=trace,warn")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("codex_core=debug,codex_tui=info")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse("WARNING")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse("off")).isEqualTo(LogLevel.OFF);
        assertThat(LogLevel.parse("loud")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.OFF.admits(System.Logger.Level.ERROR)).isFalse();
        assertThat(LogLevel.ERROR.admits(System.Logger.Level.ERROR)).isTrue();
        assertThat(LogLevel.ERROR.admits(System.Logger.Level.WARNING)).isFalse();
    }
}
