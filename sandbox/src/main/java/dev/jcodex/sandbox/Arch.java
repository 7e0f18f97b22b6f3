package dev.jcodex.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Linux architectures the FFM sandbox supports, with the numbers that differ between them: system call
 * numbers, the seccomp audit architecture and the {@code O_NOFOLLOW} open flag.
 */
enum Arch {
    /** x86-64; its x32 ABI shares the audit architecture and is told apart by bit 30 of the call number. */
    X86_64(0xC000003EL, 0x20000, new Numbers(157, 317, 257, 3, 41, 53, 76, 272, 165, 332, 80),
            List.of(new Syscall("ptrace", 101), new Syscall("process_vm_writev", 311),
                    new Syscall("io_uring_setup", 425), new Syscall("io_uring_enter", 426),
                    new Syscall("io_uring_register", 427), new Syscall("bpf", 321),
                    new Syscall("init_module", 175), new Syscall("finit_module", 313),
                    new Syscall("delete_module", 176), new Syscall("kexec_load", 246),
                    new Syscall("kexec_file_load", 320), new Syscall("open_by_handle_at", 304),
                    new Syscall("iopl", 172), new Syscall("ioperm", 173), new Syscall("reboot", 169))),
    /** 64-bit Arm (generic system call table). */
    AARCH64(0xC00000B7L, 0x8000, new Numbers(167, 277, 56, 57, 198, 199, 45, 97, 40, 291, 49),
            List.of(new Syscall("ptrace", 117), new Syscall("process_vm_writev", 271),
                    new Syscall("io_uring_setup", 425), new Syscall("io_uring_enter", 426),
                    new Syscall("io_uring_register", 427), new Syscall("bpf", 280),
                    new Syscall("init_module", 105), new Syscall("finit_module", 273),
                    new Syscall("delete_module", 106), new Syscall("kexec_load", 104),
                    new Syscall("kexec_file_load", 294), new Syscall("open_by_handle_at", 265),
                    new Syscall("reboot", 142)));

    /** Landlock's three calls and the new mount API have the same numbers on every architecture. */
    static final int LANDLOCK_CREATE_RULESET = 444;
    static final int LANDLOCK_ADD_RULE = 445;
    static final int LANDLOCK_RESTRICT_SELF = 446;
    static final int OPEN_TREE = 428;
    static final int MOVE_MOUNT = 429;
    static final int MOUNT_SETATTR = 442;

    /** First x32 system call number on x86-64 ({@code __X32_SYSCALL_BIT}). */
    static final long X32_SYSCALL_BIT = 0x40000000L;

    /** A named system call number. */
    record Syscall(String name, int number) {}

    /** Numbers of the calls the sandbox itself makes or filters by argument. */
    record Numbers(int prctl, int seccomp, int openat, int close, int socket, int socketpair, int truncate,
            int unshare, int mount, int statx, int chdir) {}

    private final long auditArch;
    private final int oNoFollow;
    private final Numbers numbers;
    private final List<Syscall> alwaysDenied;

    Arch(long auditArch, int oNoFollow, Numbers numbers, List<Syscall> alwaysDenied) {
        this.auditArch = auditArch;
        this.oNoFollow = oNoFollow;
        this.numbers = numbers;
        this.alwaysDenied = alwaysDenied;
    }

    /** {@code AUDIT_ARCH_*} value the kernel reports in {@code seccomp_data.arch}. */
    long auditArch() {
        return auditArch;
    }

    /** {@code O_NOFOLLOW} for this architecture. */
    int oNoFollow() {
        return oNoFollow;
    }

    Numbers numbers() {
        return numbers;
    }

    /**
     * Calls every confined child is refused, whatever the network setting: tracing other processes, io_uring
     * (its operations bypass seccomp, including socket creation) and kernel-privileged operations that
     * Landlock does not govern and that a root user could otherwise use to leave the sandbox.
     */
    List<Syscall> alwaysDenied() {
        return alwaysDenied;
    }

    /** Whether x32 call numbers must be refused explicitly (they share x86-64's audit architecture). */
    boolean hasX32Abi() {
        return this == X86_64;
    }

    /** The architecture of this JVM, if the sandbox supports it. */
    static Optional<Arch> current() {
        return fromOsArch(System.getProperty("os.arch", ""));
    }

    static Optional<Arch> fromOsArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> Optional.of(X86_64);
            case "aarch64", "arm64" -> Optional.of(AARCH64);
            default -> Optional.empty();
        };
    }
}
