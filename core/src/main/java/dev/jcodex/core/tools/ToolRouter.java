package dev.jcodex.core.tools;

import dev.jcodex.protocol.ResponseItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import tools.jackson.databind.JsonNode;

/**
 * Routes the model's tool calls to handlers. Advertised handlers form the {@code tools[]} array (in registration
 * order); a call to anything not offered returns {@code unsupported call: NAME} to the model. Non-mutating calls
 * share a read lock and may run in parallel; mutating ones take the write lock.
 */
public final class ToolRouter {
    private final Map<String, ToolHandler> handlers = new LinkedHashMap<>();
    private final List<JsonNode> providerTools = new ArrayList<>();
    private final ReadWriteLock gate = new ReentrantReadWriteLock();

    /** Adds an advertised handler. */
    public ToolRouter register(ToolHandler handler) {
        handlers.put(handler.name(), handler);
        return this;
    }

    /** Adds a provider-side tool spec (e.g. {@code web_search}) that has no local handler. */
    public ToolRouter registerProviderTool(JsonNode spec) {
        providerTools.add(spec);
        return this;
    }

    /** The {@code tools[]} array for the request. */
    public List<JsonNode> specs() {
        List<JsonNode> specs = new ArrayList<>();
        handlers.values().forEach(h -> specs.add(h.spec()));
        specs.addAll(providerTools);
        return specs;
    }

    /** Whether a handler named {@code name} is advertised. */
    public boolean offers(String name) {
        return handlers.containsKey(name);
    }

    /** Whether {@code item} is a call this router must answer. */
    public static boolean isToolCall(ResponseItem item) {
        return item instanceof ResponseItem.FunctionCall || item instanceof ResponseItem.CustomToolCall
                || item instanceof ResponseItem.LocalShellCall;
    }

    /** Executes one call and returns its output item. */
    public ResponseItem dispatch(ResponseItem call, TurnServices turn) throws InterruptedException {
        ToolInvocation inv = switch (call) {
            case ResponseItem.FunctionCall f -> new ToolInvocation(f.callId(), qualified(f),
                    new ToolPayload.Function(f.arguments()), turn);
            case ResponseItem.CustomToolCall c -> new ToolInvocation(c.callId(), c.name(),
                    new ToolPayload.Custom(c.input()), turn);
            case ResponseItem.LocalShellCall l -> new ToolInvocation(l.callId() != null ? l.callId() : l.id(),
                    "local_shell", new ToolPayload.LocalShell(l.action()), turn);
            case ResponseItem.Message m -> throw notToolCall(call);
            case ResponseItem.Reasoning r -> throw notToolCall(call);
            case ResponseItem.FunctionCallOutput o -> throw notToolCall(call);
            case ResponseItem.CustomToolCallOutput o -> throw notToolCall(call);
            case ResponseItem.WebSearchCall w -> throw notToolCall(call);
            case ResponseItem.Compaction c -> throw notToolCall(call);
            case ResponseItem.Other o -> throw notToolCall(call);
        };
        ToolResult result = run(inv);
        return switch (inv.payload()) {
            case ToolPayload.Custom c -> new ResponseItem.CustomToolCallOutput(null, inv.callId(), null, result.payload());
            case ToolPayload.Function f -> new ResponseItem.FunctionCallOutput(null, inv.callId(), result.payload());
            case ToolPayload.LocalShell l -> new ResponseItem.FunctionCallOutput(null, inv.callId(), result.payload());
        };
    }

    private ToolResult run(ToolInvocation inv) throws InterruptedException {
        ToolHandler handler = handlers.get(inv.toolName());
        if (handler == null) {
            return ToolResult.failure("unsupported call: " + inv.toolName());
        }
        boolean mutating;
        try {
            mutating = handler.mutating(inv);
        } catch (ToolArgumentException e) {
            return ToolResult.failure(e.getMessage());
        }
        var lock = mutating ? gate.writeLock() : gate.readLock();
        lock.lockInterruptibly();
        try {
            return handler.handle(inv);
        } catch (ToolArgumentException e) {
            return ToolResult.failure(e.getMessage());
        } catch (TurnAbortedException e) {
            throw e;
        } catch (RuntimeException e) {
            System.getLogger(ToolRouter.class.getName()).log(System.Logger.Level.ERROR,
                    "tool " + inv.toolName() + " failed", e);
            return ToolResult.failure("tool " + inv.toolName() + " failed inside the harness: " + e
                    + ". This is not caused by your arguments; try another way to reach the goal.");
        } finally {
            lock.unlock();
        }
    }

    private static IllegalArgumentException notToolCall(ResponseItem item) {
        return new IllegalArgumentException("not a tool call: " + item);
    }

    private static String qualified(ResponseItem.FunctionCall f) {
        return f.namespace() == null || f.namespace().isEmpty() ? f.name() : f.namespace() + f.name();
    }
}
