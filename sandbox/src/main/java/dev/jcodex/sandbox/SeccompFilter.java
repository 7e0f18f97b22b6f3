package dev.jcodex.sandbox;

import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A classic-BPF seccomp program, assembled here and installed with {@code seccomp(SECCOMP_SET_MODE_FILTER, 0)}
 * — no {@code TSYNC} flag, so it binds only the calling thread and the children it spawns afterwards.
 *
 * <p>The program: a call from a foreign architecture kills the process (a 32-bit binary could otherwise reach
 * the kernel through a second, unfiltered call table); x32 call numbers are refused; {@link Arch#alwaysDenied()}
 * calls are refused; with the network off, {@code socket} and {@code socketpair} are refused unless the domain
 * is {@code AF_UNIX}; everything else is allowed. "Refused" means {@code EPERM}, which programs report as
 * "Operation not permitted" — the wording the denial heuristic looks for.
 */
final class SeccompFilter {

    /** Whether Internet (non-Unix) sockets may be created. */
    enum Sockets { ANY, UNIX_ONLY }

    /** One {@code struct sock_filter}. */
    record Instruction(int code, int jt, int jf, int k) {}

    static final int LD_W_ABS = 0x20;
    static final int JEQ_K = 0x15;
    static final int JGE_K = 0x35;
    static final int RET_K = 0x06;

    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_ALLOW = 0x7fff0000;

    static final int OFFSET_NR = 0;
    static final int OFFSET_ARCH = 4;
    /** Low 32 bits of {@code args[0]} (the socket domain is an {@code int}; the kernel ignores the rest). */
    static final int OFFSET_ARG0_LOW = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 16 : 20;

    static final int AF_UNIX = 1;
    static final int SECCOMP_SET_MODE_FILTER = 1;
    static final int PR_SET_NO_NEW_PRIVS = 38;

    private SeccompFilter() {}

    /**
     * Assembles the program for {@code arch}.
     *
     * @param extraDenied further calls to refuse (e.g. path-based {@code truncate} on kernels whose Landlock
     *                    cannot govern truncation)
     */
    static List<Instruction> program(Arch arch, Sockets sockets, List<Arch.Syscall> extraDenied) {
        Assembler asm = new Assembler();
        asm.load(OFFSET_ARCH);
        asm.jumpIfEqual(arch.auditArch(), "native", null);
        asm.ret(RET_KILL_PROCESS);
        asm.label("native");
        asm.load(OFFSET_NR);
        if (arch.hasX32Abi()) {
            asm.jumpIfAtLeast(Arch.X32_SYSCALL_BIT, "deny");
        }
        for (Arch.Syscall denied : arch.alwaysDenied()) {
            asm.jumpIfEqual(denied.number(), "deny", null);
        }
        for (Arch.Syscall denied : extraDenied) {
            asm.jumpIfEqual(denied.number(), "deny", null);
        }
        if (sockets == Sockets.UNIX_ONLY) {
            asm.jumpIfEqual(arch.numbers().socket(), "check-domain", null);
            asm.jumpIfEqual(arch.numbers().socketpair(), "check-domain", null);
        }
        asm.ret(RET_ALLOW);
        if (sockets == Sockets.UNIX_ONLY) {
            asm.label("check-domain");
            asm.load(OFFSET_ARG0_LOW);
            asm.jumpIfEqual(AF_UNIX, "allow", null);
        }
        asm.label("deny");
        asm.ret(RET_ERRNO | LinuxSyscalls.EPERM);
        asm.label("allow");
        asm.ret(RET_ALLOW);
        return asm.finish();
    }

    /** Sets {@code no_new_privs} on the calling thread (required for an unprivileged filter or ruleset). */
    static void setNoNewPrivs(Arch arch) throws SyscallFailedException {
        LinuxSyscalls.call("prctl(PR_SET_NO_NEW_PRIVS)", arch.numbers().prctl(), PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    }

    /** Installs {@code program} on the calling thread only. */
    static void install(Arch arch, List<Instruction> program) throws SyscallFailedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment filter = arena.allocate(8L * program.size(), 8);
            for (int i = 0; i < program.size(); i++) {
                Instruction insn = program.get(i);
                long base = 8L * i;
                filter.set(ValueLayout.JAVA_SHORT, base, (short) insn.code());
                filter.set(ValueLayout.JAVA_BYTE, base + 2, (byte) insn.jt());
                filter.set(ValueLayout.JAVA_BYTE, base + 3, (byte) insn.jf());
                filter.set(ValueLayout.JAVA_INT, base + 4, insn.k());
            }
            // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
            MemorySegment fprog = arena.allocate(16, 8);
            fprog.set(ValueLayout.JAVA_SHORT, 0, (short) program.size());
            fprog.set(ValueLayout.ADDRESS, 8, filter);
            LinuxSyscalls.call("seccomp(SET_MODE_FILTER)", arch.numbers().seccomp(), SECCOMP_SET_MODE_FILTER, 0,
                    fprog.address(), 0, 0);
        }
    }

    /** Tiny assembler with forward labels; classic BPF jumps are 8-bit forward offsets. */
    private static final class Assembler {
        private record Fixup(int index, String trueLabel, String falseLabel) {}

        private final List<Instruction> code = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();
        private final List<Fixup> fixups = new ArrayList<>();

        void load(int offset) {
            code.add(new Instruction(LD_W_ABS, 0, 0, offset));
        }

        void ret(int value) {
            code.add(new Instruction(RET_K, 0, 0, value));
        }

        void jumpIfEqual(long k, String trueLabel, String falseLabel) {
            fixups.add(new Fixup(code.size(), trueLabel, falseLabel));
            code.add(new Instruction(JEQ_K, 0, 0, (int) k));
        }

        void jumpIfAtLeast(long k, String trueLabel) {
            fixups.add(new Fixup(code.size(), trueLabel, null));
            code.add(new Instruction(JGE_K, 0, 0, (int) k));
        }

        void label(String name) {
            labels.put(name, code.size());
        }

        List<Instruction> finish() {
            for (Fixup fixup : fixups) {
                Instruction insn = code.get(fixup.index());
                code.set(fixup.index(), new Instruction(insn.code(), offset(fixup.index(), fixup.trueLabel()),
                        offset(fixup.index(), fixup.falseLabel()), insn.k()));
            }
            return List.copyOf(code);
        }

        private int offset(int from, String label) {
            if (label == null) {
                return 0;
            }
            Integer target = labels.get(label);
            if (target == null || target <= from || target - from - 1 > 255) {
                throw new IllegalStateException("bad BPF jump to " + label);
            }
            return target - from - 1;
        }
    }
}
