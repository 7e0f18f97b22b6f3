package dev.jcodex.sandbox;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Map;

/**
 * Raw Linux system calls through libc's variadic {@code long syscall(long number, ...)}, with {@code errno}
 * captured by the linker right after the call. Every call passes six {@code long} arguments (libc's wrapper
 * always forwards six registers; the kernel ignores the unused ones).
 */
final class LinuxSyscalls {

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EBADF = 9;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int E2BIG = 7;
    static final int ENOSYS = 38;
    static final int EOPNOTSUPP = 95;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int ENOTDIR = 20;
    static final int EROFS = 30;

    static final int AT_FDCWD = -100;
    static final int O_PATH = 0x200000;
    static final int O_CLOEXEC = 0x80000;

    private static final Map<Integer, String> ERRNO_NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM (operation not permitted)"),
            Map.entry(ENOENT, "ENOENT (no such file or directory)"),
            Map.entry(EBADF, "EBADF (bad file descriptor)"), Map.entry(EACCES, "EACCES (permission denied)"),
            Map.entry(EINVAL, "EINVAL (invalid argument)"), Map.entry(E2BIG, "E2BIG (argument too big)"),
            Map.entry(ENOSYS, "ENOSYS (not implemented by this kernel)"),
            Map.entry(EOPNOTSUPP, "EOPNOTSUPP (supported by the kernel but disabled)"),
            Map.entry(EBUSY, "EBUSY (device or resource busy)"), Map.entry(EEXIST, "EEXIST (file exists)"),
            Map.entry(ENOTDIR, "ENOTDIR (not a directory)"), Map.entry(EROFS, "EROFS (read-only file system)"));

    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = lookupSyscall();

    private LinuxSyscalls() {}

    /** A failed system call: its name and {@code errno}. */
    static final class SyscallFailedException extends Exception {
        private final int errno;

        SyscallFailedException(String call, int errno) {
            super(call + " failed: " + errnoName(errno));
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    /** Whether the FFM linker found libc's {@code syscall} symbol (false on non-glibc/musl-less platforms). */
    static boolean available() {
        return SYSCALL != null;
    }

    /**
     * Calls {@code syscall(number, a0..a4, 0)}.
     *
     * @return the non-negative result
     * @throws SyscallFailedException when the kernel returned -1
     */
    static long call(String name, long number, long a0, long a1, long a2, long a3, long a4)
            throws SyscallFailedException {
        if (SYSCALL == null) {
            throw new SyscallFailedException(name, ENOSYS);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            long result;
            try {
                result = (long) SYSCALL.invokeExact(capture, number, a0, a1, a2, a3, a4, 0L);
            } catch (Throwable t) {
                throw new IllegalStateException("FFM downcall to syscall(" + name + ") failed", t);
            }
            if (result == -1) {
                throw new SyscallFailedException(name, (int) ERRNO.get(capture, 0L));
            }
            return result;
        }
    }

    /** Opens {@code path} with {@code O_PATH | O_CLOEXEC} (plus {@code extraFlags}) and returns the fd. */
    static int openPath(Arch arch, String path, int extraFlags) throws SyscallFailedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(path);
            return (int) call("openat(" + path + ")", arch.numbers().openat(), AT_FDCWD, cPath.address(),
                    O_PATH | O_CLOEXEC | extraFlags, 0, 0);
        }
    }

    /** Closes {@code fd}, ignoring errors (nothing useful can be done about them). */
    static void closeQuietly(Arch arch, int fd) {
        if (fd < 0) {
            return;
        }
        try {
            call("close", arch.numbers().close(), fd, 0, 0, 0, 0);
        } catch (SyscallFailedException ignored) {
            // The descriptor is gone either way.
        }
    }

    static String errnoName(int errno) {
        return ERRNO_NAMES.getOrDefault(errno, "errno " + errno);
    }

    private static MethodHandle lookupSyscall() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("syscall")
                .map(symbol -> linker.downcallHandle(symbol,
                        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                        Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno")))
                .orElse(null);
    }
}
