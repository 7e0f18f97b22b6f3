package dev.jcodex.process;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jcodex.common.SpawnConfinement;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * A real per-thread restriction for tests: {@code prctl(PR_SET_NO_NEW_PRIVS)} acts on the calling thread only, is
 * inherited by its children and threads, and is visible in {@code /proc/<pid>/task/<tid>/status}.
 */
final class NoNewPrivs implements SpawnConfinement {

    private static final int PR_SET_NO_NEW_PRIVS = 38;
    private static final MethodHandle PRCTL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("prctl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    volatile Thread appliedOn;

    @Override
    public void applyToCurrentThread() {
        appliedOn = Thread.currentThread();
        try {
            int rc = (int) PRCTL.invokeExact(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L);
            if (rc != 0) {
                throw new SandboxUnavailableException("prctl(PR_SET_NO_NEW_PRIVS) failed");
            }
        } catch (SandboxUnavailableException e) {
            throw e;
        } catch (Throwable t) {
            throw new SandboxUnavailableException("prctl unavailable", t);
        }
    }
}
