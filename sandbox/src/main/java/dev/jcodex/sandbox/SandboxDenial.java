package dev.jcodex.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * Guesses whether a sandboxed command failed because the sandbox refused something, so the orchestrator can
 * offer to re-run it without the sandbox (spec §6.4 step 5).
 *
 * <p>Rules: exit code 0 is never a denial; output (stdout or stderr) containing one of the denial phrases —
 * "operation not permitted", "permission denied", "read-only file system", "seccomp", "sandbox",
 * "landlock", "failed to write file" (any case), or the errno names {@code EPERM} / {@code EACCES} /
 * {@code EROFS} (exact case, as Node.js, Python and Go print them) — is a denial; otherwise exit codes 2, 126 and
 * 127 (usage errors, not executable, not found) are not; exit code 159 (128 + SIGSYS, a seccomp kill) is.
 */
public final class SandboxDenial {

    private static final List<String> PHRASES = List.of("operation not permitted", "permission denied",
            "read-only file system", "seccomp", "sandbox", "landlock", "failed to write file");
    private static final List<String> ERRNO_NAMES = List.of("EPERM", "EACCES", "EROFS");
    private static final List<Integer> QUICK_REJECT_EXIT_CODES = List.of(2, 126, 127);
    private static final int SIGSYS_EXIT_CODE = 128 + 31;

    private SandboxDenial() {}

    /** Whether a sandboxed run that ended with {@code exitCode} and printed this output looks sandbox-denied. */
    public static boolean looksLikeSandboxDenial(int exitCode, String stdout, String stderr) {
        if (exitCode == 0) {
            return false;
        }
        if (mentionsDenial(stdout) || mentionsDenial(stderr)) {
            return true;
        }
        if (QUICK_REJECT_EXIT_CODES.contains(exitCode)) {
            return false;
        }
        return exitCode == SIGSYS_EXIT_CODE;
    }

    private static boolean mentionsDenial(String output) {
        if (output == null || output.isEmpty()) {
            return false;
        }
        String lower = output.toLowerCase(Locale.ROOT);
        for (String phrase : PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        for (String name : ERRNO_NAMES) {
            if (containsWord(output, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            int end = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
