package dev.jcodex.applypatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The standalone {@code apply_patch} command: the patch is the single argument, or standard input when there is
 * no argument. On success the summary ({@code "Success. Updated the following files:\n..."}) goes to {@code out};
 * errors go to {@code err}.
 *
 * <p>Exit codes: 0 success; 1 the patch failed (nothing was written); 2 usage error (more than one argument, or
 * nothing on standard input).
 */
public final class StandaloneApplyPatch {

    static final String USAGE = "Usage: apply_patch 'PATCH'\n       echo 'PATCH' | apply_patch\n";

    private StandaloneApplyPatch() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after the program name
     * @param in   where the patch is read from when there is no argument (read as UTF-8)
     * @param out  receives the success summary
     * @param err  receives error messages
     * @param cwd  the directory relative paths resolve against
     * @return the exit code
     */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Path cwd) {
        if (args.size() > 1) {
            err.print("Error: apply_patch accepts exactly one argument.\n");
            err.flush();
            return 2;
        }
        String patch;
        if (args.size() == 1) {
            patch = args.getFirst();
        } else {
            try {
                patch = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.print("Error: Failed to read PATCH from stdin.\n" + e.getMessage() + "\n");
                err.flush();
                return 1;
            }
            if (patch.isEmpty()) {
                err.print(USAGE);
                err.flush();
                return 2;
            }
        }
        try {
            out.print(ApplyPatch.apply(patch, cwd).summary());
            out.flush();
            return 0;
        } catch (PatchParseException e) {
            err.print(e.standaloneMessage() + "\n");
        } catch (ApplyPatchException e) {
            err.print(e.getMessage() + "\n");
        }
        err.flush();
        return 1;
    }
}
