package dev.jcodex.sandbox;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.protocol.SandboxPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tries to break out of the sandbox with real {@code /bin/sh -c} children and reports, per attempt, whether the
 * sandbox held — the engine behind {@code codex sandbox selftest} and the module's own tests.
 *
 * <p>A first plain command tells the layout: whether the sandbox created the working directory's {@code .codex}
 * to mount it read-only (roots writable whole) or not (split layout). Then, under {@code workspace-write}
 * (working directory = a fresh root, {@code /tmp} and {@code $TMPDIR} excluded) and under {@code read-only}, it
 * attempts writes outside the roots (directly, via {@code ..}, via a planted symlink, via a child-made symlink,
 * via a hard link, via {@code /proc/self/root}), renames of the root and its parent, writes into, renames,
 * removal, unmounting and over-mounting of {@code .git} (also through {@code /proc/<jvm>/root}), creating,
 * writing into and removing {@code .codex}, renaming the project when its parent is a writable root too, TCP
 * and UDP to loopback listeners run by this JVM, reading this JVM's environment through
 * {@code /proc/<pid>/environ}, and finding secret-looking variables of this JVM in its own environment. Positive
 * controls (writes inside the root work — and, when roots are writable whole, creating, deleting, renaming and
 * {@code sed -i} of entries directly in the root; the network and the outside directory are reachable under
 * {@code danger-full-access}) make sure a broken setup cannot pass as "contained". Finally, from this JVM: no
 * mount made for a child appears in this JVM's mount table, and this JVM can still write {@code .git}.
 *
 * <p>Everything is created beneath {@code scratchDir} (one fresh sub-directory per run), except one uniquely
 * named probe file in {@code /tmp} that is removed if an attack manages to create it.
 */
public final class EscapeSuite {

    private static final long CHILD_TIMEOUT_SECONDS = 60;

    private EscapeSuite() {}

    /** Runs the suite with {@link SandboxSelector#detect()} and {@link #defaultChildEnv()}. */
    public static List<AttackResult> run(Path scratchDir) throws IOException {
        return run(scratchDir, SandboxSelector.detect(), defaultChildEnv());
    }

    /**
     * Runs the suite.
     *
     * @param scratchDir an existing directory outside any real project
     * @param selector   decides the mechanism (use {@link SandboxSelector#using} to test a specific one)
     * @param childEnv   the environment every child gets — pass the output of the real environment filter to
     *                   check that it keeps this JVM's secret-looking variables out
     */
    public static List<AttackResult> run(Path scratchDir, SandboxSelector selector, Map<String, String> childEnv)
            throws IOException {
        return run(scratchDir, selector::plan, childEnv);
    }

    /** Turns a policy into a plan; {@link SandboxSelector#plan} in production. */
    @FunctionalInterface
    interface Planner {
        SandboxPlan plan(SandboxPolicy policy, Path cwd, Map<String, String> env);
    }

    static List<AttackResult> run(Path scratchDir, Planner planner, Map<String, String> childEnv)
            throws IOException {
        Path runDir = Files.createTempDirectory(scratchDir.toAbsolutePath(), "escape-");
        try (ServerSocketChannel tcp = ServerSocketChannel.open();
                DatagramChannel udp = DatagramChannel.open()) {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            tcp.bind(new InetSocketAddress(loopback, 0));
            tcp.configureBlocking(false);
            udp.bind(new InetSocketAddress(loopback, 0));
            udp.configureBlocking(false);
            EscapeFixture fixture = EscapeFixture.create(runDir, new EscapeFixture.Listeners(tcp, udp));
            List<String> hostMountsBefore = hostMountsUnder(fixture.runDir());
            List<AttackResult> results = new ArrayList<>();
            results.add(runProbe(WorkspaceProbes.layoutProbe(fixture), fixture, planner, childEnv));
            WorkspaceProbes.RootLayout layout = WorkspaceProbes.observe(fixture);
            for (EscapeProbes.Probe probe : EscapeProbes.all(fixture, childEnv, layout)) {
                results.add(runProbe(probe, fixture, planner, childEnv));
            }
            results.addAll(hostChecks(fixture, hostMountsBefore));
            return List.copyOf(results);
        }
    }

    /**
     * After every probe, from this JVM: no mount made for a child shows up in this JVM's own mount namespace
     * (Linux), and this JVM can still write {@code .git} and move the working directory's {@code .codex}.
     */
    private static List<AttackResult> hostChecks(EscapeFixture f, List<String> mountsBefore) throws IOException {
        List<AttackResult> results = new ArrayList<>();
        if (Files.isReadable(MOUNTINFO)) {
            List<String> leaked = new ArrayList<>(hostMountsUnder(f.runDir()));
            leaked.removeAll(mountsBefore);
            results.add(new AttackResult("host: no sandbox mount leaked into this JVM's mount namespace",
                    leaked.isEmpty(), leaked.isEmpty() ? "no entry for " + f.runDir() + " in " + MOUNTINFO
                            : "new entries in " + MOUNTINFO + ": " + String.join(" | ", leaked),
                    AttackResult.Expectation.CONTAINED));
        }
        Path hook = f.root().resolve(".git/hooks/host-check");
        Path codex = f.root().resolve(".codex");
        String detail;
        boolean ok;
        try {
            Files.writeString(hook, "host\n");
            Files.delete(hook);
            if (Files.isDirectory(codex, LinkOption.NOFOLLOW_LINKS)) {
                Path moved = f.root().resolve("codex-moved-by-host");
                Files.move(codex, moved);
                Files.move(moved, codex);
            }
            ok = true;
            detail = "wrote and removed " + hook + (Files.isDirectory(codex) ? ", moved " + codex + " and back" : "");
        } catch (IOException e) {
            ok = false;
            detail = e.toString();
        }
        results.add(new AttackResult("control: host: this JVM can still write .git", !ok, detail,
                AttackResult.Expectation.ALLOWED));
        return results;
    }

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** Lines of this JVM's mount table whose mount point lies under {@code dir} (empty without procfs). */
    private static List<String> hostMountsUnder(Path dir) throws IOException {
        if (!Files.isReadable(MOUNTINFO)) {
            return List.of();
        }
        String escaped = dir.toString().replace("\\", "\\134").replace(" ", "\\040");
        return Files.readAllLines(MOUNTINFO).stream()
                .filter(line -> line.split(" ").length > 4 && line.split(" ")[4].startsWith(escaped)).toList();
    }

    /** Whether every attack was contained and every control succeeded. */
    public static boolean allPassed(List<AttackResult> results) {
        return !results.isEmpty() && results.stream().allMatch(AttackResult::passed);
    }

    /**
     * A conservative child environment taken from this JVM's: {@code PATH}, {@code HOME}, {@code LANG},
     * {@code LC_ALL}, {@code USER}, {@code LOGNAME}, {@code SHELL} (the spec's "core" set minus temp dirs).
     */
    public static Map<String, String> defaultChildEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "LC_ALL", "USER", "LOGNAME", "SHELL")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    private static AttackResult runProbe(EscapeProbes.Probe probe, EscapeFixture fixture, Planner planner,
            Map<String, String> childEnv) throws IOException {
        fixture.listeners().drain();
        SandboxPlan plan = planner.plan(probe.policy(), fixture.root(), childEnv);
        EscapeProbes.Outcome outcome;
        try {
            outcome = execute(plan, probe.script(), fixture.root(), childEnv);
        } catch (SpawnConfinement.SandboxUnavailableException e) {
            return new AttackResult(probe.name(), true, "refused to run: " + e.getMessage(), probe.expectation());
        }
        EscapeProbes.Judgement judgement = probe.judge().judge(outcome);
        String detail = judgement.detail() + (outcome.timedOut() ? " (child timed out and was killed)" : "");
        return new AttackResult(probe.name(), judgement.contained(), detail, probe.expectation());
    }

    private static EscapeProbes.Outcome execute(SandboxPlan plan, String script, Path cwd,
            Map<String, String> childEnv) throws IOException {
        Process process = SandboxedSpawn.start(plan, List.of("/bin/sh", "-c", script), cwd, childEnv);
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        boolean finished;
        try {
            finished = process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running an escape probe", e);
        }
        return new EscapeProbes.Outcome(process.exitValue(), stdout.join(), stderr.join(), !finished);
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.complete("");
            }
        });
        return result;
    }

    /** The files and listeners one run attacks. */
    record EscapeFixture(Path runDir, Path root, Path outside, Listeners listeners) {

        static final String VICTIM_CONTENT = "original\n";
        static final String README_CONTENT = "inside the root\n";

        /** Loopback listeners owned by the (unconfined) JVM. */
        record Listeners(ServerSocketChannel tcp, DatagramChannel udp) {
            int tcpPort() {
                return ((InetSocketAddress) localAddress(tcp)).getPort();
            }

            int udpPort() {
                return ((InetSocketAddress) localAddress(udp)).getPort();
            }

            /** Whether a TCP connection arrived since the last drain (non-blocking: the handshake is done). */
            boolean tcpReached() throws IOException {
                boolean reached = false;
                for (SocketChannel accepted = tcp.accept(); accepted != null; accepted = tcp.accept()) {
                    accepted.close();
                    reached = true;
                }
                return reached;
            }

            /** Whether a datagram arrived since the last drain. */
            boolean udpReached() throws IOException {
                boolean reached = false;
                ByteBuffer buffer = ByteBuffer.allocate(2048);
                while (udp.receive(buffer) != null) {
                    buffer.clear();
                    reached = true;
                }
                return reached;
            }

            void drain() throws IOException {
                tcpReached();
                udpReached();
            }

            private static SocketAddress localAddress(NetworkChannel channel) {
                try {
                    return channel.getLocalAddress();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        static EscapeFixture create(Path runDir, Listeners listeners) throws IOException {
            Path root = Files.createDirectories(runDir.resolve("root"));
            Path outside = Files.createDirectories(runDir.resolve("outside"));
            Files.createDirectories(root.resolve(".git/hooks"));
            Files.writeString(root.resolve(".git/config"), WorkspaceProbes.GIT_CONFIG);
            Files.createDirectories(root.resolve("work"));
            Files.writeString(root.resolve("work/readme.txt"), README_CONTENT);
            Files.writeString(root.resolve("top.txt"), "top\n");
            Files.writeString(root.resolve("delete-me.txt"), "delete\n");
            Files.writeString(root.resolve("edit-me.txt"), "old\n");
            Files.writeString(root.resolve("rename-me.txt"), "rename\n");
            Files.writeString(outside.resolve("victim.txt"), VICTIM_CONTENT);
            Files.createSymbolicLink(root.resolve("work/planted-link"), outside);
            return new EscapeFixture(runDir.toRealPath(), root.toRealPath(), outside.toRealPath(), listeners);
        }
    }

    static SandboxPolicy workspaceWritePolicy() {
        return new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true);
    }
}
