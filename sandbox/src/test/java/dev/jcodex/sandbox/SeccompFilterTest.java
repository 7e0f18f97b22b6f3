package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import dev.jcodex.sandbox.SeccompFilter.Instruction;
import dev.jcodex.sandbox.SeccompFilter.Sockets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SeccompFilterTest {

    private static final int DENY = SeccompFilter.RET_ERRNO | LinuxSyscalls.EPERM;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_NETLINK = 16;
    private static final int AF_VSOCK = 40;
    private static final int READ_X86_64 = 0;

    @ParameterizedTest
    @EnumSource(Arch.class)
    void networkOffAllowsOnlyUnixSockets(Arch arch) {
        List<Instruction> program = SeccompFilter.program(arch, Sockets.UNIX_ONLY, List.of());
        int socket = arch.numbers().socket();
        int socketpair = arch.numbers().socketpair();
        assertThat(run(program, arch, socket, SeccompFilter.AF_UNIX, 1)).isEqualTo(SeccompFilter.RET_ALLOW);
        assertThat(run(program, arch, socketpair, SeccompFilter.AF_UNIX, 1)).isEqualTo(SeccompFilter.RET_ALLOW);
        for (int domain : new int[] {AF_INET, AF_INET6, AF_NETLINK, AF_VSOCK}) {
            assertThat(run(program, arch, socket, domain, 1)).as("socket domain %d", domain).isEqualTo(DENY);
            assertThat(run(program, arch, socketpair, domain, 1)).as("socketpair domain %d", domain).isEqualTo(DENY);
        }
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void theDomainIsJudgedOnItsLow32BitsLikeTheKernelDoes(Arch arch) {
        List<Instruction> program = SeccompFilter.program(arch, Sockets.UNIX_ONLY, List.of());
        int socket = arch.numbers().socket();
        assertThat(run(program, arch, socket, 0xFFFF_FFFF_0000_0001L)).isEqualTo(SeccompFilter.RET_ALLOW);
        assertThat(run(program, arch, socket, 0x0000_0001_0000_0002L)).isEqualTo(DENY);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void networkOnAllowsEverySocket(Arch arch) {
        List<Instruction> program = SeccompFilter.program(arch, Sockets.ANY, List.of());
        assertThat(run(program, arch, arch.numbers().socket(), AF_INET)).isEqualTo(SeccompFilter.RET_ALLOW);
        assertThat(run(program, arch, arch.numbers().socket(), AF_INET6)).isEqualTo(SeccompFilter.RET_ALLOW);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void privilegedAndBypassCallsAreAlwaysDenied(Arch arch) {
        for (Sockets sockets : Sockets.values()) {
            List<Instruction> program = SeccompFilter.program(arch, sockets, List.of());
            for (Arch.Syscall denied : arch.alwaysDenied()) {
                assertThat(run(program, arch, denied.number())).as(denied.name()).isEqualTo(DENY);
            }
        }
        assertThat(arch.alwaysDenied()).extracting(Arch.Syscall::name)
                .contains("ptrace", "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "init_module");
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void extraDeniedCallsAreDenied(Arch arch) {
        Arch.Syscall truncate = new Arch.Syscall("truncate", arch.numbers().truncate());
        assertThat(run(SeccompFilter.program(arch, Sockets.ANY, List.of(truncate)), arch, truncate.number()))
                .isEqualTo(DENY);
        assertThat(run(SeccompFilter.program(arch, Sockets.ANY, List.of()), arch, truncate.number()))
                .isEqualTo(SeccompFilter.RET_ALLOW);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void foreignArchitecturesAreKilled(Arch arch) {
        List<Instruction> program = SeccompFilter.program(arch, Sockets.ANY, List.of());
        long i386 = 0x40000003L;
        assertThat(BpfInterpreter.run(program, i386, 1)).isEqualTo(SeccompFilter.RET_KILL_PROCESS);
    }

    @Test
    void x32CallNumbersAreDeniedOnX8664() {
        List<Instruction> program = SeccompFilter.program(Arch.X86_64, Sockets.ANY, List.of());
        assertThat(run(program, Arch.X86_64, Arch.X32_SYSCALL_BIT | 41, AF_INET)).isEqualTo(DENY);
        assertThat(run(program, Arch.X86_64, READ_X86_64)).isEqualTo(SeccompFilter.RET_ALLOW);
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void everyJumpLandsInsideTheProgramAndItEndsWithReturns(Arch arch) {
        List<Instruction> program = SeccompFilter.program(arch, Sockets.UNIX_ONLY, List.of());
        for (int i = 0; i < program.size(); i++) {
            Instruction insn = program.get(i);
            if (insn.code() == SeccompFilter.JEQ_K || insn.code() == SeccompFilter.JGE_K) {
                assertThat(i + 1 + insn.jt()).isLessThan(program.size());
                assertThat(i + 1 + insn.jf()).isLessThan(program.size());
            }
        }
        assertThat(program.getLast().code()).isEqualTo(SeccompFilter.RET_K);
        assertThat(program.getFirst()).isEqualTo(new Instruction(SeccompFilter.LD_W_ABS, 0, 0, SeccompFilter.OFFSET_ARCH));
    }

    /** Installs the real filter on a throw-away thread and calls socket(2) from it through FFM. */
    @Test
    void theInstalledFilterRefusesInternetSocketsOnTheConfinedThreadOnly() throws Exception {
        Arch arch = Arch.current().orElse(null);
        assumeTrue(arch != null && LinuxSyscalls.available(), "needs Linux x86-64/aarch64");
        AtomicReference<String> observed = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                SeccompFilter.setNoNewPrivs(arch);
                SeccompFilter.install(arch, SeccompFilter.program(arch, Sockets.UNIX_ONLY, List.of()));
                observed.set(socketOutcome(arch, AF_INET) + "," + socketOutcome(arch, SeccompFilter.AF_UNIX));
            } catch (SyscallFailedException e) {
                observed.set("install failed: " + e.getMessage());
            }
        });
        thread.join();
        assertThat(observed.get()).isEqualTo("errno " + LinuxSyscalls.EPERM + ",ok");
        assertThat(socketOutcome(arch, AF_INET)).as("this test thread stays free").isEqualTo("ok");
    }

    private static String socketOutcome(Arch arch, int domain) {
        try {
            int fd = (int) LinuxSyscalls.call("socket", arch.numbers().socket(), domain, 1, 0, 0, 0);
            LinuxSyscalls.closeQuietly(arch, fd);
            return "ok";
        } catch (SyscallFailedException e) {
            return "errno " + e.errno();
        }
    }

    private static int run(List<Instruction> program, Arch arch, long nr, long... args) {
        return BpfInterpreter.run(program, arch.auditArch(), nr, args);
    }
}
