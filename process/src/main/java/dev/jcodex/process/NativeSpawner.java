package dev.jcodex.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jcodex.common.SpawnConfinement;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux spawner on {@code posix_spawn} through the FFM API. Pipe children become session leaders
 * ({@code POSIX_SPAWN_SETSID}); PTY children get the terminal as their controlling terminal (through {@code setsid
 * -c} when available, so the slave is opened before any confinement). All inherited descriptors above 2 are closed in
 * the child, signal masks and dispositions are reset, and descriptors are created on the calling thread before the
 * optional confined hop.
 */
final class NativeSpawner implements Spawner {

    private static final System.Logger LOG = System.getLogger(NativeSpawner.class.getName());
    private static final short TERMINAL_ROWS = 24;
    private static final short TERMINAL_COLUMNS = 80;
    private static final List<Path> SETSID_CANDIDATES = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Optional<Path> setsid;

    private NativeSpawner(Optional<Path> setsid) {
        this.setsid = setsid;
    }

    /** The native spawner, or empty when this platform or JVM (native access denied) cannot use it. */
    static Optional<Spawner> create() {
        if (!LinuxLibc.platformSupported()) {
            return Optional.empty();
        }
        try {
            warmUp();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "native process spawning unavailable, falling back to the JDK", t);
            return Optional.empty();
        }
        Optional<Path> setsid = SETSID_CANDIDATES.stream().filter(Files::isExecutable).findFirst();
        return Optional.of(new NativeSpawner(setsid));
    }

    /** Links every native call and loads every class the spawn thread uses while still unconfined. */
    private static void warmUp() {
        if (!LinuxLibc.hasCloseFrom()) {
            throw new UnsupportedOperationException("posix_spawn_file_actions_addclosefrom_np missing (glibc < 2.34)");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(LinuxLibc.OPAQUE_STRUCT_BYTES, 16);
            MemorySegment attrs = arena.allocate(LinuxLibc.OPAQUE_STRUCT_BYTES, 16);
            MemorySegment set = arena.allocate(LinuxLibc.SIGSET_BYTES, 8);
            LinuxLibc.fileActionsInit(actions);
            LinuxLibc.addDup2(actions, 2, 2);
            LinuxLibc.addOpen(actions, 0, arena.allocateFrom("/dev/null"), LinuxLibc.O_RDONLY);
            LinuxLibc.addChdir(actions, arena.allocateFrom("/"));
            LinuxLibc.addCloseFrom(actions, 3);
            LinuxLibc.fileActionsDestroy(actions);
            LinuxLibc.attrInit(attrs);
            LinuxLibc.sigemptyset(set);
            LinuxLibc.sigfillset(set);
            LinuxLibc.attrSetSigmask(attrs, set);
            LinuxLibc.attrSetSigdefault(attrs, set);
            LinuxLibc.attrSetFlags(attrs, (short) 0);
            LinuxLibc.attrDestroy(attrs);
            LinuxLibc.strerror(LinuxLibc.EIO);
        }
        LOG.log(System.Logger.Level.TRACE, "native spawner ready; {0}", SpawnException.class.getName());
    }

    @Override
    public boolean supportsConfinement() {
        return true;
    }

    @Override
    public boolean supportsPty() {
        return true;
    }

    @Override
    public SpawnedChild spawn(SpawnSpec spec, SpawnConfinement confinement) {
        Descriptors fds = spec.terminal() == ExecRequest.Terminal.PTY ? openPty() : openPipes(spec.stdin());
        int pid;
        try {
            Plan plan = plan(spec, fds);
            pid = ConfinedSpawn.run(confinement, "`" + spec.argv().getFirst() + "`", () -> posixSpawn(plan));
        } catch (RuntimeException | Error e) {
            fds.closeAll();
            throw e;
        }
        fds.closeChildSide();
        return new NativeChild(pid, fds);
    }

    /** What the spawn thread passes to {@code posix_spawn}, computed beforehand. */
    private record Plan(String path, List<String> argv, List<String> envp, String cwd, List<int[]> dup2s,
            String openOnStdin, int openFlags, short flags) {}

    private Plan plan(SpawnSpec spec, Descriptors fds) {
        List<String> envp = new ArrayList<>();
        for (Map.Entry<String, String> entry : spec.env().entrySet()) {
            envp.add(entry.getKey() + "=" + entry.getValue());
        }
        short resetSignals = (short) (LinuxLibc.POSIX_SPAWN_SETSIGMASK | LinuxLibc.POSIX_SPAWN_SETSIGDEF);
        String cwd = spec.cwd().toString();
        if (fds.master >= 0) {
            if (setsid.isPresent()) {
                List<String> argv = new ArrayList<>(List.of(setsid.get().toString(), "-c", spec.executable().toString()));
                argv.addAll(spec.argv().subList(1, spec.argv().size()));
                List<int[]> dups = List.of(new int[] {fds.slave, 0}, new int[] {fds.slave, 1}, new int[] {fds.slave, 2});
                return new Plan(setsid.get().toString(), argv, envp, cwd, dups, null, 0, resetSignals);
            }
            List<int[]> dups = List.of(new int[] {0, 1}, new int[] {0, 2});
            return new Plan(spec.executable().toString(), spec.argv(), envp, cwd, dups, fds.slavePath,
                    LinuxLibc.O_RDWR, (short) (resetSignals | LinuxLibc.POSIX_SPAWN_SETSID));
        }
        List<int[]> dups = new ArrayList<>();
        if (fds.childStdin >= 0) {
            dups.add(new int[] {fds.childStdin, 0});
        }
        dups.add(new int[] {fds.childStdout, 1});
        dups.add(new int[] {fds.childStderr, 2});
        return new Plan(spec.executable().toString(), spec.argv(), envp, cwd, dups,
                fds.childStdin >= 0 ? null : "/dev/null", LinuxLibc.O_RDONLY,
                (short) (resetSignals | LinuxLibc.POSIX_SPAWN_SETSID));
    }

    /** Runs on the (possibly confined) spawn thread: native memory and libc calls only. */
    private static int posixSpawn(Plan plan) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(LinuxLibc.OPAQUE_STRUCT_BYTES, 16);
            MemorySegment attrs = arena.allocate(LinuxLibc.OPAQUE_STRUCT_BYTES, 16);
            check(LinuxLibc.fileActionsInit(actions), "posix_spawn_file_actions_init");
            try {
                check(LinuxLibc.attrInit(attrs), "posix_spawnattr_init");
                try {
                    if (plan.openOnStdin() != null) {
                        check(LinuxLibc.addOpen(actions, 0, arena.allocateFrom(plan.openOnStdin()), plan.openFlags()),
                                "addopen");
                    }
                    for (int[] dup : plan.dup2s()) {
                        check(LinuxLibc.addDup2(actions, dup[0], dup[1]), "adddup2");
                    }
                    check(LinuxLibc.addCloseFrom(actions, 3), "addclosefrom_np");
                    check(LinuxLibc.addChdir(actions, arena.allocateFrom(plan.cwd())), "addchdir_np");
                    MemorySegment empty = arena.allocate(LinuxLibc.SIGSET_BYTES, 8);
                    MemorySegment full = arena.allocate(LinuxLibc.SIGSET_BYTES, 8);
                    LinuxLibc.sigemptyset(empty);
                    LinuxLibc.sigfillset(full);
                    check(LinuxLibc.attrSetSigmask(attrs, empty), "setsigmask");
                    check(LinuxLibc.attrSetSigdefault(attrs, full), "setsigdefault");
                    check(LinuxLibc.attrSetFlags(attrs, plan.flags()), "setflags");
                    MemorySegment pid = arena.allocate(JAVA_INT);
                    int rc = LinuxLibc.posixSpawn(pid, arena.allocateFrom(plan.path()), actions, attrs,
                            cStrings(arena, plan.argv()), cStrings(arena, plan.envp()));
                    if (rc != 0) {
                        throw new SpawnException("failed to spawn `" + plan.argv().getFirst() + "`: "
                                + LinuxLibc.strerror(rc) + " (os error " + rc + ")");
                    }
                    return pid.get(JAVA_INT, 0);
                } finally {
                    LinuxLibc.attrDestroy(attrs);
                }
            } finally {
                LinuxLibc.fileActionsDestroy(actions);
            }
        }
    }

    private static MemorySegment cStrings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new SpawnException(what + " failed: " + LinuxLibc.strerror(rc));
        }
    }

    /** Descriptors of one spawn; child-side ones are closed in the parent once the child has them. */
    private static final class Descriptors {
        int childStdin = -1;
        int childStdout = -1;
        int childStderr = -1;
        FileChannel stdin;
        FileChannel stdout;
        FileChannel stderr;
        int master = -1;
        int slave = -1;
        String slavePath;

        void closeChildSide() {
            LinuxLibc.close(childStdin);
            LinuxLibc.close(childStdout);
            LinuxLibc.close(childStderr);
            LinuxLibc.close(slave);
            childStdin = childStdout = childStderr = slave = -1;
        }

        void closeAll() {
            closeChildSide();
            closeQuietly(stdin);
            closeQuietly(stdout);
            closeQuietly(stderr);
            LinuxLibc.close(master);
            master = -1;
        }
    }

    private static Descriptors openPipes(ExecRequest.Stdin stdinMode) {
        Descriptors fds = new Descriptors();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = LinuxLibc.callState(arena);
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            if (stdinMode == ExecRequest.Stdin.PIPE) {
                pipe(state, pair);
                fds.childStdin = pair.getAtIndex(JAVA_INT, 0);
                fds.stdin = reopen(pair.getAtIndex(JAVA_INT, 1), StandardOpenOption.WRITE);
            }
            pipe(state, pair);
            fds.childStdout = pair.getAtIndex(JAVA_INT, 1);
            fds.stdout = reopen(pair.getAtIndex(JAVA_INT, 0), StandardOpenOption.READ);
            pipe(state, pair);
            fds.childStderr = pair.getAtIndex(JAVA_INT, 1);
            fds.stderr = reopen(pair.getAtIndex(JAVA_INT, 0), StandardOpenOption.READ);
            return fds;
        } catch (RuntimeException e) {
            fds.closeAll();
            throw e;
        }
    }

    private static void pipe(MemorySegment state, MemorySegment pair) {
        if (LinuxLibc.pipe2(state, pair, LinuxLibc.O_CLOEXEC) != 0) {
            throw new SpawnException("pipe2 failed: " + LinuxLibc.strerror(LinuxLibc.errno(state)));
        }
    }

    /**
     * Opens a Java channel on a raw pipe end through {@code /proc/self/fd} (a new open file description of the same
     * pipe, which an asynchronous close can unblock) and closes the raw descriptor.
     */
    private static FileChannel reopen(int fd, StandardOpenOption mode) {
        try {
            return FileChannel.open(Path.of("/proc/self/fd/" + fd), mode);
        } catch (IOException e) {
            throw new SpawnException("cannot open pipe through /proc/self/fd: " + e.getMessage(), e);
        } finally {
            LinuxLibc.close(fd);
        }
    }

    private static Descriptors openPty() {
        Descriptors fds = new Descriptors();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = LinuxLibc.callState(arena);
            fds.master = LinuxLibc.posixOpenpt(state, LinuxLibc.O_RDWR | LinuxLibc.O_NOCTTY | LinuxLibc.O_CLOEXEC);
            if (fds.master < 0) {
                throw new SpawnException("posix_openpt failed: " + LinuxLibc.strerror(LinuxLibc.errno(state)));
            }
            if (LinuxLibc.grantpt(state, fds.master) != 0 || LinuxLibc.unlockpt(state, fds.master) != 0) {
                throw new SpawnException("cannot unlock pseudo-terminal: " + LinuxLibc.strerror(LinuxLibc.errno(state)));
            }
            MemorySegment name = arena.allocate(128);
            int rc = LinuxLibc.ptsnameR(fds.master, name);
            if (rc != 0) {
                throw new SpawnException("ptsname_r failed: " + LinuxLibc.strerror(rc));
            }
            fds.slavePath = name.getString(0);
            MemorySegment size = arena.allocate(8, 2);
            size.set(JAVA_SHORT, 0, TERMINAL_ROWS);
            size.set(JAVA_SHORT, 2, TERMINAL_COLUMNS);
            LinuxLibc.ioctl(state, fds.master, LinuxLibc.TIOCSWINSZ, size);
            fds.slave = LinuxLibc.open(state, arena.allocateFrom(fds.slavePath),
                    LinuxLibc.O_RDWR | LinuxLibc.O_NOCTTY | LinuxLibc.O_CLOEXEC);
            if (fds.slave < 0) {
                throw new SpawnException("cannot open " + fds.slavePath + ": "
                        + LinuxLibc.strerror(LinuxLibc.errno(state)));
            }
            return fds;
        } catch (RuntimeException e) {
            fds.closeAll();
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "close failed", e);
            }
        }
    }

    /** A child started by this spawner; reaped only in {@link #closeDescriptors()} so its pid stays reserved. */
    private static final class NativeChild implements SpawnedChild {
        private final int pid;
        private final Descriptors fds;
        private final PtyMaster master;
        private final java.util.concurrent.CompletableFuture<ExitStatus> exit =
                new java.util.concurrent.CompletableFuture<>();
        private boolean reaped;

        NativeChild(int pid, Descriptors fds) {
            this.pid = pid;
            this.fds = fds;
            this.master = fds.master >= 0 ? new PtyMaster(fds.master) : null;
            Thread.ofPlatform().name("jcodex-exit-" + pid).daemon(true).stackSize(256 * 1024).start(this::awaitExit);
        }

        private void awaitExit() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = LinuxLibc.callState(arena);
                MemorySegment info = arena.allocate(LinuxLibc.SIGINFO_BYTES, 8);
                while (true) {
                    int rc = LinuxLibc.waitid(state, pid, info, LinuxLibc.WEXITED | LinuxLibc.WNOWAIT);
                    if (rc == 0) {
                        int code = info.get(JAVA_INT, LinuxLibc.SIGINFO_CODE_OFFSET);
                        int status = info.get(JAVA_INT, LinuxLibc.SIGINFO_STATUS_OFFSET);
                        exit.complete(code == LinuxLibc.CLD_EXITED
                                ? new ExitStatus.Exited(status)
                                : new ExitStatus.Signaled(status));
                        return;
                    }
                    int errno = LinuxLibc.errno(state);
                    if (errno != LinuxLibc.EINTR) {
                        exit.completeExceptionally(new ProcessException(
                                "waitid(" + pid + ") failed: " + LinuxLibc.strerror(errno)));
                        return;
                    }
                }
            } catch (RuntimeException | Error e) {
                exit.completeExceptionally(e);
            }
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public List<OutputSource> outputs() {
            if (master != null) {
                return List.of(new OutputSource(StreamKind.STDOUT, master.input(), master::stop));
            }
            return List.of(pipeSource(StreamKind.STDOUT, fds.stdout), pipeSource(StreamKind.STDERR, fds.stderr));
        }

        /** Closing the channel from another thread unblocks a read in progress (FileChannel is interruptible). */
        private static OutputSource pipeSource(StreamKind kind, FileChannel channel) {
            return new OutputSource(kind, java.nio.channels.Channels.newInputStream(channel), () -> closeQuietly(channel));
        }

        @Override
        public boolean hasStdin() {
            return master != null || fds.stdin != null;
        }

        @Override
        public void writeStdin(byte[] bytes) throws IOException {
            if (master != null) {
                master.write(bytes);
                return;
            }
            if (fds.stdin == null) {
                throw new IOException("stdin is not a pipe");
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                fds.stdin.write(buffer);
            }
        }

        @Override
        public void closeStdin() {
            closeQuietly(fds.stdin);
        }

        @Override
        public java.util.concurrent.CompletableFuture<ExitStatus> exit() {
            return exit;
        }

        @Override
        public synchronized void killTree() {
            if (!reaped) {
                ProcessTree.killNative(pid);
            }
        }

        /**
         * Reaps the child if it exited, then hangs up and releases the PTY master. Never earlier: closing the master
         * sends SIGHUP to the session, and a child that already closed its terminal descriptors (so the reader saw
         * EIO) may still be running or be between {@code close} and {@code exit}.
         */
        @Override
        public synchronized void closeDescriptors() {
            closeQuietly(fds.stdin);
            if (!reaped && exit.isDone()) {
                reaped = true;
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment state = LinuxLibc.callState(arena);
                    while (LinuxLibc.waitpid(state, pid, MemorySegment.NULL, 0) < 0
                            && LinuxLibc.errno(state) == LinuxLibc.EINTR) {
                        Thread.onSpinWait();
                    }
                }
            }
            if (master != null) {
                master.close();
            }
        }
    }
}
