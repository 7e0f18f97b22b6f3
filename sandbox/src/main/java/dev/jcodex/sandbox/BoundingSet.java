package dev.jcodex.sandbox;

import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import java.util.List;

/**
 * Removes privileged capabilities from the calling thread's capability bounding set, so that a root user's
 * sandboxed children (whose capabilities an {@code execve} recomputes from that set) cannot use them.
 *
 * <p>Why it matters even with Landlock: some kernel checks bypass the LSM for privileged callers — reading
 * another process's {@code /proc/<pid>/environ} succeeds for a {@code CAP_SYS_ADMIN}/{@code CAP_PERFMON} holder
 * regardless of Landlock, which would expose the JVM's API keys. Without {@code CAP_SETPCAP} (any non-root
 * user) the drop is refused and nothing is lost: such a thread has no capabilities to pass on, and
 * {@code no_new_privs} stops {@code execve} from granting file capabilities.
 */
final class BoundingSet {

    static final int PR_CAPBSET_READ = 23;
    static final int PR_CAPBSET_DROP = 24;

    /** Dropped capabilities, by number ({@code linux/capability.h}). */
    static final List<Integer> DROPPED = List.of(
            12, // CAP_NET_ADMIN
            13, // CAP_NET_RAW
            16, // CAP_SYS_MODULE
            17, // CAP_SYS_RAWIO
            19, // CAP_SYS_PTRACE
            21, // CAP_SYS_ADMIN
            22, // CAP_SYS_BOOT
            27, // CAP_MKNOD
            31, // CAP_SETFCAP
            32, // CAP_MAC_OVERRIDE
            33, // CAP_MAC_ADMIN
            38, // CAP_PERFMON
            39); // CAP_BPF

    private BoundingSet() {}

    /** Drops {@link #DROPPED} from the calling thread's bounding set where it holds them and may drop them. */
    static void dropPrivileged(Arch arch) throws SyscallFailedException {
        int prctl = arch.numbers().prctl();
        for (int capability : DROPPED) {
            long present;
            try {
                present = LinuxSyscalls.call("prctl(PR_CAPBSET_READ)", prctl, PR_CAPBSET_READ, capability, 0, 0, 0);
            } catch (SyscallFailedException e) {
                if (e.errno() == LinuxSyscalls.EINVAL) {
                    continue; // Capability unknown to this kernel.
                }
                throw e;
            }
            if (present == 0) {
                continue;
            }
            try {
                LinuxSyscalls.call("prctl(PR_CAPBSET_DROP)", prctl, PR_CAPBSET_DROP, capability, 0, 0, 0);
            } catch (SyscallFailedException e) {
                if (e.errno() != LinuxSyscalls.EPERM) {
                    throw e;
                }
                // No CAP_SETPCAP: not root, nothing to pass on (see the class comment).
            }
        }
    }
}
