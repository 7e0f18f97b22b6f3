package dev.jcodex.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Test helper: runs a classic-BPF seccomp program against a synthetic {@code struct seccomp_data}. */
final class BpfInterpreter {

    private BpfInterpreter() {}

    /** Evaluates {@code program} for a call and returns the filter's return value. */
    static int run(List<SeccompFilter.Instruction> program, long auditArch, long nr, long... args) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        data.putInt(0, (int) nr);
        data.putInt(4, (int) auditArch);
        data.putLong(8, 0x401000L);
        for (int i = 0; i < args.length; i++) {
            data.putLong(16 + 8 * i, args[i]);
        }
        int accumulator = 0;
        int pc = 0;
        int steps = 0;
        while (true) {
            if (pc < 0 || pc >= program.size()) {
                throw new IllegalStateException("fell off the program at " + pc);
            }
            if (++steps > 10_000) {
                throw new IllegalStateException("loop");
            }
            SeccompFilter.Instruction insn = program.get(pc);
            switch (insn.code()) {
                case SeccompFilter.LD_W_ABS -> {
                    if (insn.k() < 0 || insn.k() > 60 || insn.k() % 4 != 0) {
                        throw new IllegalStateException("bad load offset " + insn.k());
                    }
                    accumulator = data.getInt(insn.k());
                    pc++;
                }
                case SeccompFilter.JEQ_K -> pc += 1 + (accumulator == insn.k() ? insn.jt() : insn.jf());
                case SeccompFilter.JGE_K ->
                        pc += 1 + (Integer.compareUnsigned(accumulator, insn.k()) >= 0 ? insn.jt() : insn.jf());
                case SeccompFilter.RET_K -> {
                    return insn.k();
                }
                default -> throw new IllegalStateException("unexpected opcode " + insn.code());
            }
        }
    }
}
