package dev.jcodex.cli;

import dev.jcodex.exec.InterruptHook;
import java.util.concurrent.CopyOnWriteArrayList;
import sun.misc.Signal;

/**
 * Ctrl-C for {@code exec}: the first SIGINT of a registration runs its action (exec sends {@code turn/interrupt}
 * and exits 1 once the turn reports interrupted); a SIGINT with nothing registered exits 130 like a shell would.
 */
final class SigintHook implements InterruptHook {
    static final SigintHook INSTANCE = new SigintHook();
    private final CopyOnWriteArrayList<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean installed;

    private SigintHook() {}

    @Override
    public Registration install(Runnable onInterrupt) {
        ensureInstalled();
        actions.add(onInterrupt);
        return () -> actions.remove(onInterrupt);
    }

    private synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        installed = true;
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (actions.isEmpty()) {
                    Runtime.getRuntime().halt(130);
                }
                actions.forEach(Runnable::run);
            });
        } catch (IllegalArgumentException e) {
            System.getLogger(SigintHook.class.getName()).log(System.Logger.Level.DEBUG,
                    "SIGINT handler unavailable: {0}", e.getMessage());
        }
    }
}
