package dev.jcodex.sandbox;

import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves the calling thread into a private mount namespace and turns a {@link MountPlan} into bind mounts there.
 *
 * <p>{@code unshare(CLONE_NEWNS)} is allowed for one thread of a multi-threaded process (it only implies
 * {@code CLONE_FS}, so this thread gets its own root/cwd record; the JVM's other threads are untouched); it needs
 * {@code CAP_SYS_ADMIN} in the thread's user namespace. Everything is then made private recursively, so no mount
 * made here propagates to the host. Each bind uses the new mount API on a descriptor opened with
 * {@code O_NOFOLLOW}: {@code open_tree(OPEN_TREE_CLONE | AT_RECURSIVE)} clones the tree at exactly that inode,
 * {@code mount_setattr(MOUNT_ATTR_RDONLY, AT_RECURSIVE)} makes the detached clone read-only before it is ever
 * visible (and, unlike {@code MS_REMOUNT}, keeps the flags the underlying mounts already have — nosuid, nodev,
 * noexec, locked flags — instead of having to restate them), and {@code move_mount} attaches it onto the same
 * inode. A symlink swapped in after planning is never followed. All of this is Linux 5.12+; Landlock needs
 * 5.13, so wherever Landlock works these calls exist.
 *
 * <p>The namespace belongs to the spawning thread and the child it starts; when both have ended it is gone.
 */
final class MountNamespace {

    private static final System.Logger LOG = System.getLogger(MountNamespace.class.getName());

    static final long CLONE_NEWNS = 0x00020000L;
    static final long MS_REC = 0x4000L;
    static final long MS_PRIVATE = 1L << 18;
    static final long OPEN_TREE_CLONE = 1L;
    static final long AT_SYMLINK_NOFOLLOW = 0x100L;
    static final long AT_EMPTY_PATH = 0x1000L;
    static final long AT_RECURSIVE = 0x8000L;
    static final long MOVE_MOUNT_F_EMPTY_PATH = 0x4L;
    static final long MOVE_MOUNT_T_EMPTY_PATH = 0x40L;
    static final long MOUNT_ATTR_RDONLY = 0x1L;
    static final long MOUNT_ATTR_SIZE_VER0 = 32;
    static final long STATX_TYPE = 0x1L;
    static final int STATX_SIZE = 256;
    static final int STATX_MODE_OFFSET = 28;
    static final int S_IFMT = 0xF000;
    static final int S_IFDIR = 0x4000;
    static final int S_IFREG = 0x8000;
    static final int CAP_SYS_ADMIN = 21;

    private MountNamespace() {}

    /**
     * Enters a private mount namespace and applies {@code plan}: creates the missing {@code .codex}, pins, then
     * seals. A seal whose path cannot be created, has vanished or is no longer a directory or regular file is
     * skipped (its read-only path falls back to Landlock's split rules).
     *
     * @param jvmCwd the JVM's working directory; the thread re-enters it by path afterwards, so a child that
     *               inherits it sees the new mounts rather than the directory they cover
     * @return the paths sealed read-only
     * @throws SyscallFailedException when the namespace or a pin could not be set up; the thread may then be in
     *                                a private namespace with some of the mounts, which only ever restricts
     */
    static Set<Path> enter(Arch arch, MountPlan plan, Path jvmCwd) throws SyscallFailedException {
        LinuxSyscalls.call("unshare(CLONE_NEWNS)", arch.numbers().unshare(), CLONE_NEWNS, 0, 0, 0, 0);
        try (Arena arena = Arena.ofConfined()) {
            LinuxSyscalls.call("mount(/, MS_REC | MS_PRIVATE)", arch.numbers().mount(), 0,
                    arena.allocateFrom("/").address(), 0, MS_REC | MS_PRIVATE, 0);
        }
        plan.codexToCreate().ifPresent(MountNamespace::createCodexDirectory);
        for (Path pin : plan.pins()) {
            if (!bindOntoItself(arch, pin, false)) {
                throw new SyscallFailedException("bind " + pin + " (vanished or no longer a directory)",
                        LinuxSyscalls.ENOENT);
            }
        }
        Set<Path> sealed = new LinkedHashSet<>();
        for (Path seal : plan.seals()) {
            if (bindOntoItself(arch, seal, true)) {
                sealed.add(seal);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "not sealing {0}: missing or not a directory/regular file",
                        seal);
            }
        }
        chdir(arch, jvmCwd);
        return sealed;
    }

    /**
     * Creates the working directory's missing {@code .codex}: an empty directory, mode 0755 (less if the umask
     * says so), owned by this process's user.
     *
     * @return whether a directory (not a symlink) is there now — created here or meanwhile by someone else
     */
    static boolean createCodexDirectory(Path codex) {
        try {
            Files.createDirectory(codex, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            LOG.log(System.Logger.Level.DEBUG, "created {0} so that it can be mounted read-only", codex);
            return true;
        } catch (FileAlreadyExistsException e) {
            return Files.isDirectory(codex, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not create {0}: {1}", codex, e.toString());
            return false;
        }
    }

    /**
     * Bind-mounts the directory or regular file at {@code path} (never a symlink) onto itself, recursively,
     * read-only when asked.
     *
     * @return false when {@code path} is missing or is neither a directory nor a regular file
     */
    static boolean bindOntoItself(Arch arch, Path path, boolean readOnly) throws SyscallFailedException {
        int fd;
        try {
            fd = LinuxSyscalls.openPath(arch, path.toString(), arch.oNoFollow());
        } catch (SyscallFailedException e) {
            if (e.errno() == LinuxSyscalls.ENOENT) {
                return false;
            }
            throw e;
        }
        int tree = -1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment empty = arena.allocateFrom("");
            MemorySegment stat = arena.allocate(STATX_SIZE, 8);
            LinuxSyscalls.call("statx(" + path + ")", arch.numbers().statx(), fd, empty.address(),
                    AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_TYPE, stat.address());
            int type = stat.get(ValueLayout.JAVA_SHORT, STATX_MODE_OFFSET) & S_IFMT;
            if (type != S_IFDIR && type != S_IFREG) {
                return false;
            }
            tree = (int) LinuxSyscalls.call("open_tree(" + path + ")", Arch.OPEN_TREE, fd, empty.address(),
                    OPEN_TREE_CLONE | LinuxSyscalls.O_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE, 0, 0);
            if (readOnly) {
                MemorySegment attr = arena.allocate(MOUNT_ATTR_SIZE_VER0, 8);
                attr.set(ValueLayout.JAVA_LONG, 0, MOUNT_ATTR_RDONLY);
                LinuxSyscalls.call("mount_setattr(" + path + ", RDONLY)", Arch.MOUNT_SETATTR, tree, empty.address(),
                        AT_EMPTY_PATH | AT_RECURSIVE, attr.address(), MOUNT_ATTR_SIZE_VER0);
            }
            LinuxSyscalls.call("move_mount(" + path + ")", Arch.MOVE_MOUNT, tree, empty.address(), fd,
                    empty.address(), MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
            return true;
        } finally {
            LinuxSyscalls.closeQuietly(arch, tree);
            LinuxSyscalls.closeQuietly(arch, fd);
        }
    }

    /** Re-enters {@code dir} by path; a directory that has vanished cannot be covered by a mount, so ignored. */
    private static void chdir(Arch arch, Path dir) {
        try (Arena arena = Arena.ofConfined()) {
            LinuxSyscalls.call("chdir(" + dir + ")", arch.numbers().chdir(), arena.allocateFrom(dir.toString())
                    .address(), 0, 0, 0, 0);
        } catch (SyscallFailedException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not re-enter {0}: {1}", dir, e.getMessage());
        }
    }

    /** Why the mount-namespace layout cannot be used by this JVM, or empty when it can (probed once). */
    static Optional<String> unavailableReason() {
        return Optional.ofNullable(Probe.PROBLEM);
    }

    /** Whether the effective capability set in {@code statusText} ({@code /proc/self/status}) has the bit. */
    static boolean hasEffectiveCapability(String statusText, int capability) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith("CapEff:")) {
                long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                return (effective & (1L << capability)) != 0;
            }
        }
        return false;
    }

    /**
     * The once-per-JVM answer: needs {@code CAP_SYS_ADMIN} in the effective set, then a real trial on a
     * throw-away thread — private namespace, read-only bind of the temporary directory onto itself, and a write
     * there that must fail with "Read-only file system" — because security modules (AppArmor's container profiles)
     * or a seccomp filter can refuse mounts even to a capable process.
     */
    private static String probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "mount namespaces need Linux";
        }
        Optional<Arch> arch = Arch.current();
        if (arch.isEmpty() || !LinuxSyscalls.available()) {
            return "native system calls are not available on this platform";
        }
        try {
            if (!hasEffectiveCapability(Files.readString(Path.of("/proc/self/status")), CAP_SYS_ADMIN)) {
                return "this process lacks CAP_SYS_ADMIN (only root in its user namespace can create a"
                        + " mount namespace without also creating a user namespace)";
            }
        } catch (IOException e) {
            return "cannot read /proc/self/status: " + e.getMessage();
        }
        String problem = trial(arch.get());
        if (problem != null) {
            LOG.log(System.Logger.Level.DEBUG, "mount-namespace layout unavailable: {0}", problem);
        }
        return problem;
    }

    // Not in Probe: a lambda there would run Probe's code on another thread while Probe is still initialising.
    private static String trial(Arch arch) {
        Path tmp;
        try {
            tmp = Path.of(System.getProperty("java.io.tmpdir", "/tmp")).toRealPath();
        } catch (IOException | RuntimeException e) {
            return "no temporary directory to probe mounts with: " + e;
        }
        AtomicReference<String> problem = new AtomicReference<>();
        Thread probe = Thread.ofPlatform().name("jcodex-mountns-probe")
                .unstarted(() -> problem.set(trialOnThisThread(arch, tmp)));
        probe.start();
        try {
            probe.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing mount namespaces";
        }
        return problem.get();
    }

    /**
     * Runs on the throw-away thread: binds {@code dir} read-only onto itself in a private namespace (nothing on
     * the host changes) and tries to create an entry there, which must fail with "Read-only file system".
     * ({@code Files.createTempDirectory} is avoided: its first use seeds {@code SecureRandom}, ~30 ms.)
     *
     * @return the problem, or null when the read-only bind stopped the write
     */
    private static String trialOnThisThread(Arch arch, Path dir) {
        try {
            LinuxSyscalls.call("unshare(CLONE_NEWNS)", arch.numbers().unshare(), CLONE_NEWNS, 0, 0, 0, 0);
            try (Arena arena = Arena.ofConfined()) {
                LinuxSyscalls.call("mount(/, MS_REC | MS_PRIVATE)", arch.numbers().mount(), 0,
                        arena.allocateFrom("/").address(), 0, MS_REC | MS_PRIVATE, 0);
            }
            if (!bindOntoItself(arch, dir, true)) {
                return dir + " is not a directory";
            }
            Path entry = dir.resolve("jcodex-mountns-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            try {
                Files.createDirectory(entry);
                Files.deleteIfExists(entry);
                return "a read-only bind mount did not stop a write";
            } catch (FileSystemException expected) {
                return expected.getReason() != null && expected.getReason().contains("Read-only") ? null
                        : "a write under a read-only bind mount failed unexpectedly: " + expected;
            }
        } catch (SyscallFailedException e) {
            return "cannot set up a private mount namespace: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            return "mount namespace probe failed: " + e;
        }
    }

    private static final class Probe {
        static final String PROBLEM = probe();
    }
}
