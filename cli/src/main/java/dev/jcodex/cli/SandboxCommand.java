package dev.jcodex.cli;

import dev.jcodex.config.Config;
import dev.jcodex.sandbox.AttackResult;
import dev.jcodex.sandbox.EscapeSuite;
import dev.jcodex.sandbox.SandboxExplainer;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codex sandbox linux|explain|selftest}: run a command sandboxed, describe the policy, attack the sandbox. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run commands within a Codex-provided sandbox, explain the policy, or test the sandbox.",
        subcommands = {SandboxRunCommand.class, SandboxCommand.ExplainCommand.class,
                SandboxCommand.SelftestCommand.class})
final class SandboxCommand {

    /**
     * {@code codex sandbox explain [-s MODE] [--full-auto]}: what the active policy (config, root flags, these flags)
     * allows, and what enforces it on this machine, in plain words.
     */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Explain in plain words what the active sandbox policy allows and what enforces it.")
    static final class ExplainCommand implements Callable<Integer> {
        @Option(names = {"-s", "--sandbox"}, paramLabel = "MODE",
                description = "Explain this mode instead: read-only, workspace-write, danger-full-access.")
        String sandbox;

        @Option(names = "--full-auto", description = "Explain workspace-write (what --full-auto selects).")
        boolean fullAuto;

        @Mixin
        ConfigFlags config;

        @Option(names = "--sandbox-mechanism", paramLabel = "MECHANISM", hidden = true,
                description = "Explain as this mechanism would enforce it: landlock, bubblewrap, seatbelt, none.")
        SandboxMechanism mechanism;

        @Spec
        CommandSpec spec;

        private final CliIo io;

        ExplainCommand(CliIo io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            if (sandbox != null && fullAuto) {
                throw new CliException("error: the argument '--full-auto' cannot be used with '--sandbox <MODE>'", 2);
            }
            SharedOptions own = config.own();
            own.sandbox = sandbox;
            own.fullAuto = fullAuto;
            Config cfg = ConfigFlags.load(io, spec, own);
            Map<String, String> env = SandboxSupport.childEnv(cfg, io.env());
            io.out().print(SandboxExplainer.explain(cfg.sandboxPolicy(), cfg.cwd(), env,
                    SandboxSupport.selector(mechanism)));
            io.out().flush();
            return 0;
        }
    }

    /**
     * {@code codex sandbox selftest}: runs the sandbox module's escape suite in a fresh temporary directory with the
     * environment the shell tools would get, prints one line per attack or control, exits 0 only if all passed.
     */
    @Command(name = "selftest", mixinStandardHelpOptions = true,
            description = "Attack the sandbox with real commands and report, per attack, whether it was contained.")
    static final class SelftestCommand implements Callable<Integer> {
        @Mixin
        ConfigFlags config;

        @Option(names = "--sandbox-mechanism", paramLabel = "MECHANISM", hidden = true,
                description = "Test this mechanism instead of the detected one: landlock, bubblewrap, none.")
        SandboxMechanism mechanism;

        @Spec
        CommandSpec spec;

        private final CliIo io;

        SelftestCommand(CliIo io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            Config cfg = ConfigFlags.load(io, spec, config.own());
            Map<String, String> childEnv = new LinkedHashMap<>(SandboxSupport.childEnv(cfg, io.env()));
            childEnv.putIfAbsent("PATH", EscapeSuite.defaultChildEnv().get("PATH"));
            SandboxSelector selector = SandboxSupport.selector(mechanism);
            io.out().println("Sandbox self-test: " + selector.mechanism().displayName()
                    + selector.unavailableReason().map(r -> " (unavailable: " + r + ")").orElse(""));
            List<AttackResult> results;
            Path scratch = null;
            try {
                scratch = Files.createTempDirectory("codex-sandbox-selftest-");
                results = EscapeSuite.run(scratch, selector, childEnv);
            } catch (IOException e) {
                throw new CliException("codex sandbox selftest: cannot set up the test directory: "
                        + e.getMessage(), 1);
            } finally {
                deleteTree(scratch);
            }
            long passed = results.stream().filter(AttackResult::passed).count();
            for (AttackResult r : results) {
                io.out().println((r.passed() ? "PASS  " : "FAIL  ") + r.name() + " — " + describe(r));
            }
            boolean all = EscapeSuite.allPassed(results);
            io.out().println(all ? "All " + results.size() + " checks passed: the sandbox held."
                    : passed + " of " + results.size() + " checks passed: the sandbox did NOT hold.");
            io.out().flush();
            return all ? 0 : 1;
        }

        private static String describe(AttackResult r) {
            String what = switch (r.expectation()) {
                case CONTAINED -> r.contained() ? "contained" : "ESCAPED";
                case ALLOWED -> r.contained() ? "control was blocked" : "control worked";
            };
            return r.detail().isBlank() ? what : what + ": " + r.detail().strip().replace('\n', ' ');
        }

        private static void deleteTree(Path root) {
            if (root == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        System.getLogger("dev.jcodex.cli").log(System.Logger.Level.DEBUG,
                                "cannot delete " + p + ": " + e.getMessage());
                    }
                });
            } catch (IOException e) {
                System.getLogger("dev.jcodex.cli").log(System.Logger.Level.DEBUG,
                        "cannot clean " + root + ": " + e.getMessage());
            }
        }
    }
}
