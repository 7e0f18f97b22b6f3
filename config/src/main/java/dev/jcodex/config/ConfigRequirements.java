package dev.jcodex.config;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.protocol.WireEnum;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Administrator constraints from {@code requirements.toml} (spec §8.2) that no config layer can override. An
 * empty allow-list means "no restriction". A value chosen explicitly (config, profile, {@code -c} or a flag) that
 * violates a constraint is an error; a <em>defaulted</em> value is replaced by the first allowed one.
 *
 * @param source the requirements file, or null when there is none
 * @param allowedApprovalPolicies {@code allowed_approval_policies} (first = default)
 * @param allowedSandboxModes {@code allowed_sandbox_modes} (must contain {@code read-only})
 * @param allowedWebSearchModes {@code allowed_web_search_modes} ({@code disabled} is always allowed)
 * @param allowedApprovalsReviewers {@code allowed_approvals_reviewers} (first = default)
 * @param featurePins {@code [features]}: pinned feature values
 * @param mcpServers {@code [mcp_servers.<name>.identity]} allow-list, or null when unrestricted
 * @param enforceResidency {@code enforce_residency} ({@code us}), or null
 * @param other the remaining tables ({@code rules}, {@code hooks}, {@code apps}, ...), untyped
 */
public record ConfigRequirements(
        Path source,
        List<AskForApproval> allowedApprovalPolicies,
        List<SandboxMode> allowedSandboxModes,
        List<WebSearchMode> allowedWebSearchModes,
        List<ApprovalsReviewer> allowedApprovalsReviewers,
        Map<String, Boolean> featurePins,
        Map<String, McpServerIdentity> mcpServers,
        String enforceResidency,
        Map<String, Object> other) {

    /**
     * The identity an allowed MCP server must have: exactly one of {@code command} or {@code url} is non-null.
     *
     * @param command the stdio command that must match
     * @param url the streamable HTTP URL that must match
     */
    public record McpServerIdentity(String command, String url) {}

    public ConfigRequirements {
        allowedApprovalPolicies = List.copyOf(allowedApprovalPolicies);
        allowedSandboxModes = List.copyOf(allowedSandboxModes);
        allowedWebSearchModes = List.copyOf(allowedWebSearchModes);
        allowedApprovalsReviewers = List.copyOf(allowedApprovalsReviewers);
        featurePins = Map.copyOf(featurePins);
        mcpServers = mcpServers == null ? null : Map.copyOf(mcpServers);
        other = Map.copyOf(other);
    }

    /** No constraints. */
    public static ConfigRequirements none() {
        return new ConfigRequirements(null, List.of(), List.of(), List.of(), List.of(), Map.of(), null, null,
                Map.of());
    }

    /** Reads {@code file}; a missing file means no constraints. */
    public static ConfigRequirements load(Path file) {
        TomlNode.Table table = TomlFiles.readIfExists(file);
        if (table == null) {
            return none();
        }
        TableReader reader = new TableReader(table, List.of(), new KeyUsage(), Map.of());
        List<AskForApproval> approvals = enumList(reader, "allowed_approval_policies", AskForApproval.class);
        List<SandboxMode> sandboxes = enumList(reader, "allowed_sandbox_modes", SandboxMode.class);
        if (!sandboxes.isEmpty() && !sandboxes.contains(SandboxMode.READ_ONLY)) {
            throw reader.error("allowed_sandbox_modes", "must include \"read-only\"");
        }
        List<WebSearchMode> webSearch = enumList(reader, "allowed_web_search_modes", WebSearchMode.class);
        if (reader.has("allowed_web_search_modes") && !webSearch.contains(WebSearchMode.DISABLED)) {
            webSearch = new ArrayList<>(webSearch);
            webSearch.add(WebSearchMode.DISABLED);
        }
        List<ApprovalsReviewer> reviewers =
                enumList(reader, "allowed_approvals_reviewers", ApprovalsReviewer.class);
        Map<String, Boolean> pins = new LinkedHashMap<>();
        TableReader features = reader.table("features");
        if (features != null) {
            for (String key : features.keys()) {
                pins.put(key, features.bool(key));
            }
        }
        Map<String, Object> other = new LinkedHashMap<>();
        for (String key : reader.keys()) {
            if (!Set.of("allowed_approval_policies", "allowed_sandbox_modes", "allowed_web_search_modes",
                    "allowed_approvals_reviewers", "features", "mcp_servers", "enforce_residency").contains(key)) {
                other.put(key, reader.opaque(key));
            }
        }
        String residency = reader.string("enforce_residency");
        if (residency != null && !residency.equals("us")) {
            throw reader.invalidValue("enforce_residency", "\"us\"");
        }
        return new ConfigRequirements(file, approvals, sandboxes, webSearch, reviewers, pins, mcpServers(reader),
                residency, other);
    }

    private static Map<String, McpServerIdentity> mcpServers(TableReader reader) {
        TableReader servers = reader.table("mcp_servers");
        if (servers == null) {
            return null;
        }
        Map<String, McpServerIdentity> result = new LinkedHashMap<>();
        for (String name : servers.keys()) {
            TableReader server = servers.table(name);
            TableReader identity = server.table("identity");
            if (identity == null) {
                throw server.error("identity", "missing; expected { command = \"...\" } or { url = \"...\" }");
            }
            String command = identity.string("command");
            String url = identity.string("url");
            if ((command == null) == (url == null)) {
                throw server.error("identity", "expected exactly one of `command` or `url`");
            }
            result.put(name, new McpServerIdentity(command, url));
        }
        return result;
    }

    private static <E extends Enum<E> & WireEnum> List<E> enumList(TableReader reader, String key, Class<E> type) {
        List<String> values = reader.stringList(key);
        if (values == null) {
            return List.of();
        }
        if (values.isEmpty()) {
            throw reader.error(key, "cannot be empty");
        }
        List<E> result = new ArrayList<>();
        for (String value : values) {
            E parsed = parseOrNull(value, type);
            if (parsed == null) {
                throw reader.error(key, "invalid entry \"" + value + "\": expected one of "
                        + TableReader.wireNames(type));
            }
            result.add(parsed);
        }
        return result;
    }

    private static <E extends Enum<E> & WireEnum> E parseOrNull(String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    /** Whether {@code value} is allowed by {@code allowed} (empty = anything). */
    static <E> boolean allows(List<E> allowed, E value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    /**
     * Checks an explicitly chosen value.
     *
     * @throws ConfigException naming where the value came from, the allowed set and this file
     */
    <E extends Enum<E> & WireEnum> void requireAllowed(String key, List<E> allowed, E value, Origin origin) {
        if (!allows(allowed, value)) {
            StringJoiner set = new StringJoiner(", ", "[", "]");
            allowed.forEach(e -> set.add(e.wire()));
            throw ConfigException.at(origin, "invalid value for " + key + ": \"" + value.wire()
                    + "\" is not in the allowed set " + set + " (set by " + source + ")");
        }
    }

    /** A defaulted value, replaced by the first allowed one when it is not allowed. */
    static <E extends Enum<E>> E clampDefault(List<E> allowed, E value) {
        return allows(allowed, value) ? value : allowed.getFirst();
    }
}
