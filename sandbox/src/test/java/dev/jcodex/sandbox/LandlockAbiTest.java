package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import org.junit.jupiter.api.Test;

class LandlockAbiTest {

    @Test
    void rightsGrowWithTheAbi() {
        assertThat(Landlock.handledFs(0)).isZero();
        assertThat(Landlock.handledFs(1)).isEqualTo(0x1FFFL);
        assertThat(Landlock.handledFs(2)).isEqualTo(0x3FFFL);
        assertThat(Landlock.handledFs(3)).isEqualTo(0x7FFFL);
        assertThat(Landlock.handledFs(4)).isEqualTo(0x7FFFL);
        assertThat(Landlock.handledFs(5)).isEqualTo(0xFFFFL);
        assertThat(Landlock.handledFs(7)).isEqualTo(0xFFFFL);
        assertThat(Landlock.handledNet(3)).isZero();
        assertThat(Landlock.handledNet(4)).isEqualTo(Landlock.NET_BIND_TCP | Landlock.NET_CONNECT_TCP);
        assertThat(Landlock.scopes(5, true)).isZero();
        assertThat(Landlock.scopes(6, false)).isEqualTo(Landlock.SCOPE_SIGNAL);
        assertThat(Landlock.scopes(6, true)).isEqualTo(Landlock.SCOPE_SIGNAL | Landlock.SCOPE_ABSTRACT_UNIX_SOCKET);
        assertThat(Landlock.rulesetAttrSize(3)).isEqualTo(8);
        assertThat(Landlock.rulesetAttrSize(5)).isEqualTo(16);
        assertThat(Landlock.rulesetAttrSize(7)).isEqualTo(24);
    }

    @Test
    void writableRightsNeverIncludeDeviceCreationAndFileRulesCarryOnlyFileRights() {
        for (int abi = 1; abi <= 7; abi++) {
            long dir = Landlock.writableDirRights(abi);
            assertThat(dir & (Landlock.MAKE_CHAR | Landlock.MAKE_BLOCK)).isZero();
            assertThat(dir & Landlock.WRITE_FILE).isNotZero();
            assertThat(dir & ~Landlock.handledFs(abi)).isZero();
            long file = Landlock.writableFileRights(abi);
            assertThat(file & ~(Landlock.EXECUTE | Landlock.WRITE_FILE | Landlock.READ_FILE | Landlock.TRUNCATE
                    | Landlock.IOCTL_DEV)).isZero();
        }
    }

    @Test
    void theProbeMatchesTheKernel() throws Exception {
        assumeTrue(LandlockConfinement.unavailableReason().isEmpty(), "Landlock unavailable here");
        assertThat(LandlockConfinement.abiVersion()).isEqualTo(Landlock.probeAbi()).isGreaterThanOrEqualTo(1);
    }

    /** Older ABIs are handled by asking only for the rights they know; the kernel accepts every older mask. */
    @Test
    void theKernelAcceptsTheRightsOfEveryAbiUpToItsOwn() throws Exception {
        int kernelAbi = LandlockConfinement.abiVersion();
        assumeTrue(kernelAbi >= 1, "Landlock unavailable here");
        Arch arch = Arch.current().orElseThrow();
        for (int abi = 1; abi <= kernelAbi; abi++) {
            int fd = Landlock.createRuleset(abi, Landlock.handledFs(abi), Landlock.handledNet(abi),
                    Landlock.scopes(abi, true));
            assertThat(fd).as("ABI %d", abi).isGreaterThanOrEqualTo(0);
            LinuxSyscalls.closeQuietly(arch, fd);
        }
    }

    @Test
    void aRightTheKernelDoesNotKnowIsRejectedWhichIsWhyUnknownRightsAreDropped() {
        int kernelAbi = LandlockConfinement.abiVersion();
        assumeTrue(kernelAbi >= 1, "Landlock unavailable here");
        long unknownRight = 1L << 40;
        assertThatThrownBy(() -> Landlock.createRuleset(kernelAbi, Landlock.handledFs(kernelAbi) | unknownRight, 0, 0))
                .isInstanceOf(SyscallFailedException.class)
                .satisfies(e -> assertThat(((SyscallFailedException) e).errno()).isEqualTo(LinuxSyscalls.EINVAL));
    }
}
