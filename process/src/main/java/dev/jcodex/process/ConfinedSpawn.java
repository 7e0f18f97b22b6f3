package dev.jcodex.process;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import java.util.function.IntSupplier;

/**
 * Runs one spawn on a fresh platform thread that first applies a {@link SpawnConfinement} and then ends. Landlock,
 * {@code no_new_privs} and seccomp act on the calling thread and are inherited by children, so the child is confined
 * while every other JVM thread stays free.
 *
 * <p>The confined thread must create no thread and must not schedule a virtual thread itself (a new carrier or reaper
 * thread would inherit the restrictions): it only calls pre-linked native functions, and the caller learns the result
 * through {@link Thread#join()}. When the caller is a virtual thread, the join's wake-up after the confined thread's
 * monitor exit is scheduled by the JVM's own {@code VirtualThread-unblocker} thread (JDK 24+), not by the confined
 * thread. {@code SpawnConfinementTest} checks that no JVM thread ends up restricted.
 */
final class ConfinedSpawn {

    private static final long STACK_BYTES = 512 * 1024;

    private ConfinedSpawn() {}

    /**
     * Returns {@code spawn.getAsInt()} run on a fresh confined thread, or on the calling thread when {@code
     * confinement} is {@link SpawnConfinement#NONE}.
     *
     * @throws SandboxUnavailableException if the confinement cannot be applied; nothing was spawned
     */
    static int run(SpawnConfinement confinement, String what, IntSupplier spawn) {
        if (confinement == SpawnConfinement.NONE) {
            return spawn.getAsInt();
        }
        var hop = new Hop(confinement, spawn);
        Thread thread = Thread.ofPlatform()
                .name("jcodex-confined-spawn")
                .daemon(true)
                .stackSize(STACK_BYTES)
                .unstarted(hop);
        thread.start();
        joinUninterruptibly(thread);
        if (hop.confinementError != null) {
            if (hop.confinementError instanceof SandboxUnavailableException unavailable) {
                throw new SandboxUnavailableException(
                        "refusing to run " + what + " unconfined: " + unavailable.getMessage(), unavailable);
            }
            throw new SandboxUnavailableException(
                    "refusing to run " + what + " unconfined: confinement failed: " + hop.confinementError,
                    hop.confinementError);
        }
        if (hop.spawnError instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (hop.spawnError instanceof Error error) {
            throw error;
        }
        return hop.result;
    }

    /** Waits for the spawn even when interrupted, so a started child is never lost; re-asserts the interrupt. */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Hop implements Runnable {
        private final SpawnConfinement confinement;
        private final IntSupplier spawn;
        private Throwable confinementError;
        private Throwable spawnError;
        private int result;

        Hop(SpawnConfinement confinement, IntSupplier spawn) {
            this.confinement = confinement;
            this.spawn = spawn;
        }

        @Override
        public void run() {
            try {
                confinement.applyToCurrentThread();
            } catch (Throwable t) {
                confinementError = t;
                return;
            }
            try {
                result = spawn.getAsInt();
            } catch (Throwable t) {
                spawnError = t;
            }
        }
    }
}
