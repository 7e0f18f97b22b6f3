package dev.jcodex.process;

import dev.jcodex.common.SpawnConfinement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Starts children. Implementations: {@link NativeSpawner} (Linux, FFM) and {@link JdkSpawner} (elsewhere). */
interface Spawner {

    /** Whether {@link #spawn} honours a non-NONE confinement. */
    boolean supportsConfinement();

    /** Whether {@link ExecRequest.Terminal#PTY} is available. */
    boolean supportsPty();

    /**
     * Starts a child. When {@code confinement} is not {@link SpawnConfinement#NONE} the spawn itself happens on a
     * fresh platform thread that first applies it.
     */
    SpawnedChild spawn(SpawnSpec spec, SpawnConfinement confinement);

    /**
     * A resolved spawn: {@code executable} is an absolute path, {@code argv.get(0)} is what the child sees as its name.
     */
    record SpawnSpec(Path executable, List<String> argv, Path cwd, Map<String, String> env,
            ExecRequest.Terminal terminal, ExecRequest.Stdin stdin) {}

    /**
     * One output stream of a child, read by its own platform thread: blocking reads of pipes and terminals pin a
     * virtual thread's carrier without compensation, which starves the scheduler. {@code stop} makes a blocked read
     * return soon (an asynchronous close, or a flag the PTY poll loop checks).
     */
    record OutputSource(StreamKind kind, InputStream stream, Runnable stop) {}

    /** A started child and its descriptors. */
    interface SpawnedChild {
        long pid();

        List<OutputSource> outputs();

        /** Whether the child has a writable stdin. */
        boolean hasStdin();

        void writeStdin(byte[] bytes) throws IOException;

        void closeStdin();

        /** Completes once the child has been reaped. */
        CompletableFuture<ExitStatus> exit();

        /** Sends SIGKILL to the child's process group, session and descendants. */
        void killTree();

        /**
         * Releases what the readers do not own (stdin, the PTY master) and reaps the child if it exited. Call only
         * after the child exited or was killed: closing a PTY master sends SIGHUP to the child's session.
         */
        void closeDescriptors();
    }
}
