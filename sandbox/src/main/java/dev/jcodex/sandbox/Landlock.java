package dev.jcodex.sandbox;

import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Landlock's user-space ABI (constants from {@code linux/landlock.h}) and its three system calls.
 *
 * <p>ABI history: 1 = file-system rights bits 0–12; 2 = {@code REFER}; 3 = {@code TRUNCATE}; 4 = TCP
 * bind/connect rights; 5 = {@code IOCTL_DEV}; 6 = scoping of abstract Unix sockets and signals; 7 = audit
 * logging flags (no new rights). Rights a kernel does not know are dropped, never requested.
 */
final class Landlock {

    static final long EXECUTE = 1L;
    static final long WRITE_FILE = 1L << 1;
    static final long READ_FILE = 1L << 2;
    static final long READ_DIR = 1L << 3;
    static final long REMOVE_DIR = 1L << 4;
    static final long REMOVE_FILE = 1L << 5;
    static final long MAKE_CHAR = 1L << 6;
    static final long MAKE_DIR = 1L << 7;
    static final long MAKE_REG = 1L << 8;
    static final long MAKE_SOCK = 1L << 9;
    static final long MAKE_FIFO = 1L << 10;
    static final long MAKE_BLOCK = 1L << 11;
    static final long MAKE_SYM = 1L << 12;
    static final long REFER = 1L << 13;
    static final long TRUNCATE = 1L << 14;
    static final long IOCTL_DEV = 1L << 15;

    static final long NET_BIND_TCP = 1L;
    static final long NET_CONNECT_TCP = 1L << 1;

    static final long SCOPE_ABSTRACT_UNIX_SOCKET = 1L;
    static final long SCOPE_SIGNAL = 1L << 1;

    static final int CREATE_RULESET_VERSION = 1;
    static final int RULE_PATH_BENEATH = 1;

    /** Reading and executing: what every path gets. */
    static final long READ_RIGHTS = EXECUTE | READ_FILE | READ_DIR;

    private Landlock() {}

    /** All file-system rights the given ABI knows. */
    static long handledFs(int abi) {
        if (abi < 1) {
            return 0;
        }
        long rights = (1L << 13) - 1; // EXECUTE .. MAKE_SYM
        if (abi >= 2) {
            rights |= REFER;
        }
        if (abi >= 3) {
            rights |= TRUNCATE;
        }
        if (abi >= 5) {
            rights |= IOCTL_DEV;
        }
        return rights;
    }

    /**
     * Rights for a writable directory: everything the ABI knows except creating device nodes (a root user
     * could otherwise {@code mknod} a disk inside a writable root and write to it raw).
     */
    static long writableDirRights(int abi) {
        return handledFs(abi) & ~(MAKE_CHAR | MAKE_BLOCK);
    }

    /** Rights that may appear in a rule on a non-directory (anything else makes the kernel reply EINVAL). */
    static long writableFileRights(int abi) {
        return handledFs(abi) & (EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV);
    }

    /** TCP rights handled when the network is off (ABI 4+); without rules they are all denied. */
    static long handledNet(int abi) {
        return abi >= 4 ? NET_BIND_TCP | NET_CONNECT_TCP : 0;
    }

    /** Scopes (ABI 6+): signals always; abstract Unix sockets too when the network is off. */
    static long scopes(int abi, boolean networkOff) {
        if (abi < 6) {
            return 0;
        }
        return networkOff ? SCOPE_SIGNAL | SCOPE_ABSTRACT_UNIX_SOCKET : SCOPE_SIGNAL;
    }

    /** Size of {@code struct landlock_ruleset_attr} as the given ABI defines it. */
    static long rulesetAttrSize(int abi) {
        if (abi >= 6) {
            return 24;
        }
        return abi >= 4 ? 16 : 8;
    }

    /** Asks the kernel for its Landlock ABI version. */
    static int probeAbi() throws SyscallFailedException {
        return (int) LinuxSyscalls.call("landlock_create_ruleset(VERSION)", Arch.LANDLOCK_CREATE_RULESET,
                0, 0, CREATE_RULESET_VERSION, 0, 0);
    }

    /** Creates a ruleset handling the given rights and returns its fd. */
    static int createRuleset(int abi, long handledFs, long handledNet, long scoped)
            throws SyscallFailedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(24, 8);
            attr.set(ValueLayout.JAVA_LONG, 0, handledFs);
            attr.set(ValueLayout.JAVA_LONG, 8, handledNet);
            attr.set(ValueLayout.JAVA_LONG, 16, scoped);
            return (int) LinuxSyscalls.call("landlock_create_ruleset", Arch.LANDLOCK_CREATE_RULESET,
                    attr.address(), rulesetAttrSize(abi), 0, 0, 0);
        }
    }

    /** Adds a path-beneath rule granting {@code allowed} beneath the file or directory open at {@code parentFd}. */
    static void addPathRule(int rulesetFd, int parentFd, long allowed, String pathForErrors)
            throws SyscallFailedException {
        try (Arena arena = Arena.ofConfined()) {
            // struct landlock_path_beneath_attr is packed: u64 allowed_access; s32 parent_fd.
            MemorySegment attr = arena.allocate(12, 8);
            attr.set(ValueLayout.JAVA_LONG, 0, allowed);
            attr.set(ValueLayout.JAVA_INT, 8, parentFd);
            LinuxSyscalls.call("landlock_add_rule(" + pathForErrors + ")", Arch.LANDLOCK_ADD_RULE,
                    rulesetFd, RULE_PATH_BENEATH, attr.address(), 0, 0);
        }
    }

    /** Enforces the ruleset on the calling thread (and, from then on, on every child it creates). */
    static void restrictSelf(int rulesetFd) throws SyscallFailedException {
        LinuxSyscalls.call("landlock_restrict_self", Arch.LANDLOCK_RESTRICT_SELF, rulesetFd, 0, 0, 0, 0);
    }
}
