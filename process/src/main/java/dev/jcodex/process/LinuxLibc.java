package dev.jcodex.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The few glibc/musl calls the native spawner needs, bound through the FFM API. Every handle is linked when the class
 * initialises (on an unconfined thread), so a confined spawn thread only invokes already-linked handles.
 *
 * <p>Constants are the Linux generic ABI values, identical on x86-64 and AArch64.
 */
final class LinuxLibc {

    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_NOCTTY = 0x100;
    static final int O_CLOEXEC = 0x80000;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int ESRCH = 3;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    static final short POLLIN = 0x1;
    static final int P_PID = 1;
    static final int WEXITED = 4;
    static final int WNOWAIT = 0x01000000;
    static final int CLD_EXITED = 1;
    static final long SIGINFO_BYTES = 128;
    static final long SIGINFO_CODE_OFFSET = 8;
    static final long SIGINFO_STATUS_OFFSET = 24;
    static final long TIOCSWINSZ = 0x5414;
    /** Generous size for the opaque posix_spawn structs (glibc: 80 and 336 bytes; musl is smaller). */
    static final long OPAQUE_STRUCT_BYTES = 1024;
    static final long SIGSET_BYTES = 128;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle PIPE2 = errno("pipe2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle OPEN = linkVariadic("open", 2, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle CLOSE = plain("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle READ = errno("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = errno("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle POLL = errno("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle IOCTL = linkVariadic("ioctl", 2, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle POSIX_OPENPT = errno("posix_openpt", JAVA_INT, JAVA_INT);
    private static final MethodHandle GRANTPT = errno("grantpt", JAVA_INT, JAVA_INT);
    private static final MethodHandle UNLOCKPT = errno("unlockpt", JAVA_INT, JAVA_INT);
    private static final MethodHandle PTSNAME_R = plain("ptsname_r", JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle KILL = errno("kill", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle WAITPID = errno("waitpid", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle WAITID = errno("waitid", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle STRERROR = plain("strerror", ADDRESS, JAVA_INT);
    private static final MethodHandle SPAWN =
            plain("posix_spawn", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle FA_INIT = plain("posix_spawn_file_actions_init", JAVA_INT, ADDRESS);
    private static final MethodHandle FA_DESTROY = plain("posix_spawn_file_actions_destroy", JAVA_INT, ADDRESS);
    private static final MethodHandle FA_DUP2 =
            plain("posix_spawn_file_actions_adddup2", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FA_OPEN =
            plain("posix_spawn_file_actions_addopen", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle FA_CHDIR =
            plain("posix_spawn_file_actions_addchdir_np", JAVA_INT, ADDRESS, ADDRESS);
    private static final Optional<MethodHandle> FA_CLOSEFROM =
            optional("posix_spawn_file_actions_addclosefrom_np", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle ATTR_INIT = plain("posix_spawnattr_init", JAVA_INT, ADDRESS);
    private static final MethodHandle ATTR_DESTROY = plain("posix_spawnattr_destroy", JAVA_INT, ADDRESS);
    private static final MethodHandle ATTR_SETFLAGS =
            plain("posix_spawnattr_setflags", JAVA_INT, ADDRESS, JAVA_SHORT);
    private static final MethodHandle ATTR_SETSIGMASK =
            plain("posix_spawnattr_setsigmask", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle ATTR_SETSIGDEFAULT =
            plain("posix_spawnattr_setsigdefault", JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle SIGEMPTYSET = plain("sigemptyset", JAVA_INT, ADDRESS);
    private static final MethodHandle SIGFILLSET = plain("sigfillset", JAVA_INT, ADDRESS);

    private LinuxLibc() {}

    /** Whether this JVM runs on a Linux architecture whose constants this class knows. */
    static boolean platformSupported() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    }

    /** Whether {@code posix_spawn_file_actions_addclosefrom_np} exists (glibc 2.34+). */
    static boolean hasCloseFrom() {
        return FA_CLOSEFROM.isPresent();
    }

    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    static int pipe2(MemorySegment state, MemorySegment fds, int flags) {
        return call(() -> (int) PIPE2.invokeExact(state, fds, flags));
    }

    static int open(MemorySegment state, MemorySegment path, int flags) {
        return call(() -> (int) OPEN.invokeExact(state, path, flags, 0));
    }

    static void close(int fd) {
        if (fd >= 0) {
            call(() -> (int) CLOSE.invokeExact(fd));
        }
    }

    static long read(MemorySegment state, int fd, MemorySegment buffer, long length) {
        return callLong(() -> (long) READ.invokeExact(state, fd, buffer, length));
    }

    static long write(MemorySegment state, int fd, MemorySegment buffer, long length) {
        return callLong(() -> (long) WRITE.invokeExact(state, fd, buffer, length));
    }

    /** {@code poll} on one descriptor; {@code pollfd} must be 8 bytes. */
    static int pollOne(MemorySegment state, MemorySegment pollfd, int fd, short events, int timeoutMillis) {
        pollfd.set(JAVA_INT, 0, fd);
        pollfd.set(JAVA_SHORT, 4, events);
        pollfd.set(JAVA_SHORT, 6, (short) 0);
        return call(() -> (int) POLL.invokeExact(state, pollfd, 1L, timeoutMillis));
    }

    static int ioctl(MemorySegment state, int fd, long request, MemorySegment argument) {
        return call(() -> (int) IOCTL.invokeExact(state, fd, request, argument));
    }

    static int posixOpenpt(MemorySegment state, int flags) {
        return call(() -> (int) POSIX_OPENPT.invokeExact(state, flags));
    }

    static int grantpt(MemorySegment state, int fd) {
        return call(() -> (int) GRANTPT.invokeExact(state, fd));
    }

    static int unlockpt(MemorySegment state, int fd) {
        return call(() -> (int) UNLOCKPT.invokeExact(state, fd));
    }

    /** Returns 0 or an error number. */
    static int ptsnameR(int fd, MemorySegment buffer) {
        return call(() -> (int) PTSNAME_R.invokeExact(fd, buffer, buffer.byteSize()));
    }

    static int kill(MemorySegment state, int pid, int signal) {
        return call(() -> (int) KILL.invokeExact(state, pid, signal));
    }

    static int waitpid(MemorySegment state, int pid, MemorySegment status, int options) {
        return call(() -> (int) WAITPID.invokeExact(state, pid, status, options));
    }

    /** {@code waitid(P_PID, pid, info, options)}; {@code info} must hold a {@code siginfo_t}. */
    static int waitid(MemorySegment state, int pid, MemorySegment info, int options) {
        return call(() -> (int) WAITID.invokeExact(state, P_PID, pid, info, options));
    }

    /** Returns 0 or an error number. */
    static int posixSpawn(MemorySegment pid, MemorySegment path, MemorySegment actions, MemorySegment attrs,
            MemorySegment argv, MemorySegment envp) {
        return call(() -> (int) SPAWN.invokeExact(pid, path, actions, attrs, argv, envp));
    }

    static int fileActionsInit(MemorySegment actions) {
        return call(() -> (int) FA_INIT.invokeExact(actions));
    }

    static void fileActionsDestroy(MemorySegment actions) {
        call(() -> (int) FA_DESTROY.invokeExact(actions));
    }

    static int addDup2(MemorySegment actions, int fd, int target) {
        return call(() -> (int) FA_DUP2.invokeExact(actions, fd, target));
    }

    static int addOpen(MemorySegment actions, int target, MemorySegment path, int flags) {
        return call(() -> (int) FA_OPEN.invokeExact(actions, target, path, flags, 0));
    }

    static int addChdir(MemorySegment actions, MemorySegment path) {
        return call(() -> (int) FA_CHDIR.invokeExact(actions, path));
    }

    static int addCloseFrom(MemorySegment actions, int lowestFd) {
        MethodHandle handle = FA_CLOSEFROM.orElseThrow();
        return call(() -> (int) handle.invokeExact(actions, lowestFd));
    }

    static int attrInit(MemorySegment attrs) {
        return call(() -> (int) ATTR_INIT.invokeExact(attrs));
    }

    static void attrDestroy(MemorySegment attrs) {
        call(() -> (int) ATTR_DESTROY.invokeExact(attrs));
    }

    static int attrSetFlags(MemorySegment attrs, short flags) {
        return call(() -> (int) ATTR_SETFLAGS.invokeExact(attrs, flags));
    }

    static int attrSetSigmask(MemorySegment attrs, MemorySegment set) {
        return call(() -> (int) ATTR_SETSIGMASK.invokeExact(attrs, set));
    }

    static int attrSetSigdefault(MemorySegment attrs, MemorySegment set) {
        return call(() -> (int) ATTR_SETSIGDEFAULT.invokeExact(attrs, set));
    }

    static int sigemptyset(MemorySegment set) {
        return call(() -> (int) SIGEMPTYSET.invokeExact(set));
    }

    static int sigfillset(MemorySegment set) {
        return call(() -> (int) SIGFILLSET.invokeExact(set));
    }

    @FunctionalInterface
    private interface IntCall {
        int invoke() throws Throwable;
    }

    @FunctionalInterface
    private interface LongCall {
        long invoke() throws Throwable;
    }

    private static int call(IntCall call) {
        try {
            return call.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed", t);
        }
    }

    private static long callLong(LongCall call) {
        try {
            return call.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed", t);
        }
    }

    private static MethodHandle plain(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args));
    }

    private static MethodHandle errno(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                Linker.Option.captureCallState("errno"));
    }

    private static MethodHandle linkVariadic(String name, int firstVariadic, MemoryLayout result,
            MemoryLayout... args) {
        return LINKER.downcallHandle(symbol(name), FunctionDescriptor.of(result, args),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static Optional<MethodHandle> optional(String name, MemoryLayout result, MemoryLayout... args) {
        return LIBC.find(name).map(address -> LINKER.downcallHandle(address, FunctionDescriptor.of(result, args)));
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + name));
    }
}
