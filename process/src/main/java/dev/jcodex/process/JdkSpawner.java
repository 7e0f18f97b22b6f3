package dev.jcodex.process;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Portable fallback on {@link ProcessBuilder} for platforms without the native spawner (anything but Linux, or a JVM
 * that denies native access). No PTYs, no confinement, and the process tree is killed through a descendants walk
 * rather than a process group.
 */
final class JdkSpawner implements Spawner {

    @Override
    public boolean supportsConfinement() {
        return false;
    }

    @Override
    public boolean supportsPty() {
        return false;
    }

    @Override
    public SpawnedChild spawn(SpawnSpec spec, SpawnConfinement confinement) {
        if (confinement != SpawnConfinement.NONE) {
            throw new SandboxUnavailableException("refusing to run `" + spec.argv().getFirst()
                    + "` unconfined: in-thread spawn confinement needs the native (Linux) spawner");
        }
        if (spec.terminal() == ExecRequest.Terminal.PTY) {
            throw new SpawnException("pseudo-terminals need the native (Linux) spawner");
        }
        List<String> command = new java.util.ArrayList<>(spec.argv());
        command.set(0, spec.executable().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.cwd().toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SpawnException("failed to spawn `" + spec.argv().getFirst() + "`: " + e.getMessage(), e);
        }
        if (spec.stdin() == ExecRequest.Stdin.NULL) {
            closeQuietly(process.getOutputStream());
        }
        return new JdkChild(process, spec.stdin() == ExecRequest.Stdin.PIPE);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.getLogger(JdkSpawner.class.getName()).log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }

    private record JdkChild(Process process, boolean hasStdin) implements SpawnedChild {

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public List<OutputSource> outputs() {
            InputStream out = process.getInputStream();
            InputStream err = process.getErrorStream();
            return List.of(new OutputSource(StreamKind.STDOUT, out, () -> closeQuietly(out)),
                    new OutputSource(StreamKind.STDERR, err, () -> closeQuietly(err)));
        }

        @Override
        public void writeStdin(byte[] bytes) throws IOException {
            if (!hasStdin) {
                throw new IOException("stdin is not a pipe");
            }
            OutputStream stdin = process.getOutputStream();
            stdin.write(bytes);
            stdin.flush();
        }

        @Override
        public void closeStdin() {
            closeQuietly(process.getOutputStream());
        }

        @Override
        public CompletableFuture<ExitStatus> exit() {
            return process.onExit().thenApply(p -> new ExitStatus.Exited(p.exitValue()));
        }

        @Override
        public void killTree() {
            ProcessTree.killPortable(process.toHandle());
        }

        @Override
        public void closeDescriptors() {
            closeStdin();
        }
    }
}
