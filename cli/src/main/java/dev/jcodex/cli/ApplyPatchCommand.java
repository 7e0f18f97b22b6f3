package dev.jcodex.cli;

import dev.jcodex.applypatch.StandaloneApplyPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code codex apply_patch [PATCH]}: applies a patch given as the argument, or read from stdin. */
@Command(name = "apply_patch", aliases = "applypatch", mixinStandardHelpOptions = true,
        description = "Apply a patch in the apply_patch format (argument, or stdin when omitted) to the current "
                + "directory. All-or-nothing: nothing is written if any hunk fails.")
final class ApplyPatchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PATCH", description = "The patch text; read from stdin when omitted.")
    String patch;

    private final CliIo io;

    ApplyPatchCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (patch != null) {
            args.add(patch);
        }
        return StandaloneApplyPatch.run(args, io.in(), io.out(), io.err(), io.cwd());
    }
}
