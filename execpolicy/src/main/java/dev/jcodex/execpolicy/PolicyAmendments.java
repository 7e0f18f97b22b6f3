package dev.jcodex.execpolicy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Persists approved {@link ExecPolicyAmendment}s to a rules file. */
public final class PolicyAmendments {

    private PolicyAmendments() {}

    /**
     * Appends {@code amendment}'s {@code prefix_rule(…, decision="allow")} line to {@code rulesFile} (normally
     * {@link PolicyLoader#defaultRulesFile}), creating the folder and file as needed. The file is locked while
     * it is read and written; a line that is already present is not added again, and a missing final newline
     * is supplied first.
     *
     * @return whether the line was added
     */
    public static boolean appendAllowRule(Path rulesFile, ExecPolicyAmendment amendment) throws IOException {
        String line = amendment.ruleLine();
        Path dir = rulesFile.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try (FileChannel channel = FileChannel.open(rulesFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            ByteBuffer existing = ByteBuffer.allocate(Math.toIntExact(channel.size()));
            while (existing.hasRemaining() && channel.read(existing, existing.position()) > 0) {
                // read until full
            }
            String contents = new String(existing.array(), 0, existing.position(), StandardCharsets.UTF_8);
            if (contents.lines().anyMatch(line::equals)) {
                return false;
            }
            String toWrite = (contents.isEmpty() || contents.endsWith("\n") ? "" : "\n") + line + "\n";
            channel.write(ByteBuffer.wrap(toWrite.getBytes(StandardCharsets.UTF_8)), channel.size());
            return lock.isValid();
        }
    }
}
