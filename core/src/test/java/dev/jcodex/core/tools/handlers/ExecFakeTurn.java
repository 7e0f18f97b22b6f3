package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.config.Config;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.config.ConfigLoader;
import dev.jcodex.core.exec.ExecRuntime;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolPayload;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.SandboxSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of the running turn for the shell tools: a real {@link ExecRuntime} over a temp {@code CODEX_HOME},
 * recorded events, and approval requests answered from a queue (asking with an empty queue fails the test).
 */
public final class ExecFakeTurn implements TurnServices, AutoCloseable {

    /** One approval request as the user would have seen it. */
    public record ApprovalAsked(String callId, List<String> command, Path cwd, String reason) {}

    final List<EventMsg> events = new CopyOnWriteArrayList<>();
    final List<ApprovalAsked> approvals = new CopyOnWriteArrayList<>();
    private final Deque<ReviewDecision> answers = new ArrayDeque<>();
    private final Set<List<String>> approvedForSession = ConcurrentHashMap.newKeySet();
    private final Path cwd;
    private final Path codexHome;
    private final Map<String, String> env;
    private final ExecRuntime runtime;
    private SandboxPolicy sandboxPolicy = new SandboxPolicy.ReadOnly();
    private AskForApproval approvalPolicy = AskForApproval.NEVER;
    private int outputTokenBudget = 10_000;

    private ExecFakeTurn(Path cwd, Path codexHome, SandboxSelector sandbox) {
        this.cwd = cwd;
        this.codexHome = codexHome;
        Map<String, String> childEnv = new LinkedHashMap<>();
        childEnv.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        childEnv.put("HOME", codexHome.toString());
        childEnv.put("SHELL", "/bin/bash");
        this.env = Map.copyOf(childEnv);
        Config config = ConfigLoader.load(ConfigLoadRequest.builder(codexHome, cwd)
                .systemConfigFile(codexHome.resolve("absent-system.toml"))
                .managedConfigFile(codexHome.resolve("absent-managed.toml"))
                .requirementsFile(codexHome.resolve("absent-requirements.toml"))
                .env(env)
                .build());
        this.runtime = sandbox == null ? ExecRuntime.create(config, env, codexHome)
                : ExecRuntime.create(config, env, codexHome, sandbox);
    }

    /** A turn in {@code root/work} with {@code CODEX_HOME} {@code root/home}, the machine's sandbox. */
    public static ExecFakeTurn in(Path root) throws IOException {
        return in(root, null);
    }

    /** Like {@link #in(Path)} with a fixed sandbox selector ({@code null} = detect). */
    public static ExecFakeTurn in(Path root, SandboxSelector sandbox) throws IOException {
        Path work = Files.createDirectories(root.resolve("work")).toRealPath();
        Path home = Files.createDirectories(root.resolve("home")).toRealPath();
        return new ExecFakeTurn(work, home, sandbox);
    }

    ExecFakeTurn policies(AskForApproval approval, SandboxPolicy sandbox) {
        this.approvalPolicy = approval;
        this.sandboxPolicy = sandbox;
        return this;
    }

    ExecFakeTurn budget(int tokens) {
        this.outputTokenBudget = tokens;
        return this;
    }

    /** Queues the user's answers to the next approval requests. */
    ExecFakeTurn answer(ReviewDecision... decisions) {
        synchronized (answers) {
            answers.addAll(List.of(decisions));
        }
        return this;
    }

    Path codexHome() {
        return codexHome;
    }

    /** An invocation of {@code tool} with JSON {@code arguments}. */
    ToolInvocation call(String callId, String tool, String arguments) {
        return new ToolInvocation(callId, tool, new ToolPayload.Function(arguments), this);
    }

    /** The command items of {@code ItemStarted} / {@code ItemCompleted} events, in order. */
    List<TurnItem.CommandExecution> commandItems(Class<? extends EventMsg> kind) {
        return events.stream().filter(kind::isInstance)
                .map(e -> e instanceof EventMsg.ItemStarted s ? s.item() : ((EventMsg.ItemCompleted) e).item())
                .filter(TurnItem.CommandExecution.class::isInstance).map(TurnItem.CommandExecution.class::cast)
                .toList();
    }

    /** The single completed command item. */
    TurnItem.CommandExecution completedCommand() {
        List<TurnItem.CommandExecution> done = commandItems(EventMsg.ItemCompleted.class);
        assertThat(done).hasSize(1);
        return done.getFirst();
    }

    @Override
    public String threadId() {
        return "thread-exec";
    }

    @Override
    public String turnId() {
        return "turn-exec";
    }

    @Override
    public Path cwd() {
        return cwd;
    }

    @Override
    public SandboxPolicy sandboxPolicy() {
        return sandboxPolicy;
    }

    @Override
    public AskForApproval approvalPolicy() {
        return approvalPolicy;
    }

    @Override
    public List<Path> writableRoots() {
        return switch (sandboxPolicy) {
            case SandboxPolicy.ReadOnly r -> List.of();
            case SandboxPolicy.DangerFullAccess d -> List.of(cwd);
            case SandboxPolicy.WorkspaceWrite w -> List.of(cwd);
        };
    }

    @Override
    public void emit(EventMsg event) {
        events.add(event);
    }

    @Override
    public ReviewDecision requestExecApproval(String callId, List<String> command, Path cwd, String reason) {
        approvals.add(new ApprovalAsked(callId, command, cwd, reason));
        synchronized (answers) {
            if (answers.isEmpty()) {
                throw new AssertionError("unexpected approval request for " + command + " (" + reason + ")");
            }
            return answers.removeFirst();
        }
    }

    @Override
    public ReviewDecision requestPatchApproval(String callId, Map<String, TurnItem.FileDelta> changes,
            String reason) {
        synchronized (answers) {
            if (answers.isEmpty()) {
                throw new AssertionError("unexpected patch approval request for " + changes.keySet());
            }
            return answers.removeFirst();
        }
    }

    @Override
    public Set<List<String>> approvedForSession() {
        return approvedForSession;
    }

    @Override
    public Map<String, String> childEnvironment() {
        return env;
    }

    @Override
    public ExecRuntime execRuntime() {
        return runtime;
    }

    @Override
    public int outputTokenBudget() {
        return outputTokenBudget;
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** No front end answers questions in this fake. */
    @Override
    public tools.jackson.databind.JsonNode requestUserInput(String callId, tools.jackson.databind.JsonNode questions) {
        return null;
    }
}
