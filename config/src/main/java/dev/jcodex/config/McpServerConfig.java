package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code [mcp_servers.<name>]} entry (spec §8.3 "MCP").
 *
 * @param name the table key
 * @param transport how to reach the server
 * @param enabled {@code enabled} (default true; false also when {@code requirements.toml} does not allow it)
 * @param required {@code required}: a start-up failure is fatal
 * @param startupTimeout {@code startup_timeout_sec} / {@code startup_timeout_ms} (default 10 s)
 * @param toolTimeout {@code tool_timeout_sec} (default 60 s)
 * @param enabledTools {@code enabled_tools} allow-list, or null for all tools
 * @param disabledTools {@code disabled_tools}
 * @param supportsParallelToolCalls {@code supports_parallel_tool_calls}
 * @param defaultToolsApprovalMode {@code default_tools_approval_mode}, or null
 * @param toolApprovalModes {@code [mcp_servers.<name>.tools.<tool>] approval_mode}
 * @param scopes OAuth {@code scopes}
 * @param oauthResource {@code oauth_resource}, or null
 */
public record McpServerConfig(
        String name,
        Transport transport,
        boolean enabled,
        boolean required,
        Duration startupTimeout,
        Duration toolTimeout,
        List<String> enabledTools,
        List<String> disabledTools,
        boolean supportsParallelToolCalls,
        ToolApprovalMode defaultToolsApprovalMode,
        Map<String, ToolApprovalMode> toolApprovalModes,
        List<String> scopes,
        String oauthResource) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> STDIO_KEYS = Set.of("command", "args", "env", "env_vars", "cwd");
    private static final Set<String> HTTP_KEYS = Set.of("url", "bearer_token_env_var", "http_headers",
            "env_http_headers");

    public McpServerConfig {
        enabledTools = enabledTools == null ? null : List.copyOf(enabledTools);
        disabledTools = List.copyOf(disabledTools);
        toolApprovalModes = Map.copyOf(toolApprovalModes);
        scopes = List.copyOf(scopes);
    }

    /** How the server is reached. */
    public sealed interface Transport {
        /**
         * A child process speaking MCP over stdio.
         *
         * @param command program
         * @param args arguments
         * @param env variables to set
         * @param envVars names of parent variables to forward
         * @param cwd working directory, or null
         */
        record Stdio(String command, List<String> args, Map<String, String> env, List<String> envVars, Path cwd)
                implements Transport {
            public Stdio {
                args = List.copyOf(args);
                env = Map.copyOf(env);
                envVars = List.copyOf(envVars);
            }
        }

        /**
         * Streamable HTTP.
         *
         * @param url endpoint
         * @param bearerTokenEnvVar variable holding a bearer token, or null
         * @param httpHeaders static headers
         * @param envHttpHeaders header name to variable name
         */
        record StreamableHttp(String url, String bearerTokenEnvVar, Map<String, String> httpHeaders,
                Map<String, String> envHttpHeaders) implements Transport {
            public StreamableHttp {
                httpHeaders = Map.copyOf(httpHeaders);
                envHttpHeaders = Map.copyOf(envHttpHeaders);
            }
        }
    }

    /** {@code approval_mode} of MCP tools. */
    public enum ToolApprovalMode implements WireEnum {
        AUTO, PROMPT, APPROVE;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    static Map<String, McpServerConfig> parseAll(TableReader root, ParseContext ctx) {
        TableReader servers = root.table("mcp_servers");
        Map<String, McpServerConfig> result = new LinkedHashMap<>();
        if (servers == null) {
            return result;
        }
        for (String name : servers.keys()) {
            McpServerConfig server = parse(name, servers.table(name));
            if (!allowedByRequirements(server, ctx.requirements())) {
                ctx.warn("MCP server `" + name + "` is disabled: it is not allowed by "
                        + ctx.requirements().source());
                server = server.disabled();
            }
            result.put(name, server);
        }
        return result;
    }

    private McpServerConfig disabled() {
        return new McpServerConfig(name, transport, false, required, startupTimeout, toolTimeout, enabledTools,
                disabledTools, supportsParallelToolCalls, defaultToolsApprovalMode, toolApprovalModes, scopes,
                oauthResource);
    }

    private static boolean allowedByRequirements(McpServerConfig server, ConfigRequirements requirements) {
        if (requirements.mcpServers() == null) {
            return true;
        }
        ConfigRequirements.McpServerIdentity identity = requirements.mcpServers().get(server.name());
        if (identity == null) {
            return false;
        }
        return switch (server.transport()) {
            case Transport.Stdio stdio -> stdio.command().equals(identity.command());
            case Transport.StreamableHttp http -> http.url().equals(identity.url());
        };
    }

    static McpServerConfig parse(String name, TableReader t) {
        if (t.has("bearer_token")) {
            throw t.error("bearer_token", "inline bearer tokens are not supported; set `bearer_token_env_var` to"
                    + " the name of an environment variable instead");
        }
        Transport transport;
        if (t.has("command")) {
            rejectKeys(t, HTTP_KEYS, "stdio");
            List<String> args = t.stringList("args");
            Map<String, String> env = t.stringMap("env");
            List<String> envVars = t.stringList("env_vars");
            transport = new Transport.Stdio(t.string("command"), args == null ? List.of() : args,
                    env == null ? Map.of() : env, envVars == null ? List.of() : envVars, t.path("cwd"));
        } else if (t.has("url")) {
            rejectKeys(t, STDIO_KEYS, "streamable_http");
            Map<String, String> headers = t.stringMap("http_headers");
            Map<String, String> envHeaders = t.stringMap("env_http_headers");
            transport = new Transport.StreamableHttp(t.string("url"), t.string("bearer_token_env_var"),
                    headers == null ? Map.of() : headers, envHeaders == null ? Map.of() : envHeaders);
        } else {
            throw ConfigException.at(t.origin(), "invalid transport for " + t.name()
                    + ": expected `command` (stdio) or `url` (streamable_http)");
        }
        Double startupSec = t.number("startup_timeout_sec");
        Long startupMs = t.nonNegative("startup_timeout_ms");
        Double toolSec = t.number("tool_timeout_sec");
        List<String> disabled = t.stringList("disabled_tools");
        List<String> scopes = t.stringList("scopes");
        return new McpServerConfig(name, transport,
                t.bool("enabled", true),
                t.bool("required", false),
                startupSec != null ? seconds(t, "startup_timeout_sec", startupSec)
                        : startupMs != null ? Duration.ofMillis(startupMs) : DEFAULT_STARTUP_TIMEOUT,
                toolSec != null ? seconds(t, "tool_timeout_sec", toolSec) : DEFAULT_TOOL_TIMEOUT,
                t.stringList("enabled_tools"),
                disabled == null ? List.of() : disabled,
                t.bool("supports_parallel_tool_calls", false),
                t.enumValue("default_tools_approval_mode", ToolApprovalMode.class),
                toolApprovalModes(t),
                scopes == null ? List.of() : scopes,
                t.string("oauth_resource"));
    }

    private static Map<String, ToolApprovalMode> toolApprovalModes(TableReader server) {
        TableReader tools = server.table("tools");
        Map<String, ToolApprovalMode> modes = new LinkedHashMap<>();
        if (tools != null) {
            for (String tool : tools.keys()) {
                ToolApprovalMode mode = tools.table(tool).enumValue("approval_mode", ToolApprovalMode.class);
                if (mode != null) {
                    modes.put(tool, mode);
                }
            }
        }
        return modes;
    }

    private static void rejectKeys(TableReader t, Set<String> keys, String transport) {
        for (String key : t.keys()) {
            if (keys.contains(key)) {
                throw t.error(key, key + " is not supported for " + transport);
            }
        }
    }

    private static Duration seconds(TableReader t, String key, double value) {
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw t.invalidValue(key, "a non-negative number of seconds");
        }
        return Duration.ofNanos((long) (value * 1_000_000_000L));
    }
}
