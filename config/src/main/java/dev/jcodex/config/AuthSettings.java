package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;

/**
 * Login and credential storage (spec §3.8, §8.3 "Auth/login", MCP OAuth keys).
 *
 * @param cliAuthCredentialsStore {@code cli_auth_credentials_store} (default file)
 * @param forcedLoginMethod {@code forced_login_method}, or null
 * @param forcedChatgptWorkspaceId {@code forced_chatgpt_workspace_id}, or null
 * @param mcpOauthCredentialsStore {@code mcp_oauth_credentials_store} (default auto)
 * @param mcpOauthCallbackPort {@code mcp_oauth_callback_port}, or null (ephemeral)
 * @param mcpOauthCallbackUrl {@code mcp_oauth_callback_url}, or null
 */
public record AuthSettings(CredentialsStore cliAuthCredentialsStore, LoginMethod forcedLoginMethod,
        String forcedChatgptWorkspaceId, OAuthCredentialsStore mcpOauthCredentialsStore, Integer mcpOauthCallbackPort,
        String mcpOauthCallbackUrl) {

    /** {@code cli_auth_credentials_store}. */
    public enum CredentialsStore implements WireEnum {
        FILE, KEYRING, AUTO, EPHEMERAL;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    /** {@code forced_login_method}. */
    public enum LoginMethod implements WireEnum {
        CHATGPT, API;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    /** {@code mcp_oauth_credentials_store}. */
    public enum OAuthCredentialsStore implements WireEnum {
        AUTO, FILE, KEYRING;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    static AuthSettings parse(TableReader root) {
        CredentialsStore store = root.enumValue("cli_auth_credentials_store", CredentialsStore.class);
        OAuthCredentialsStore mcpStore = root.enumValue("mcp_oauth_credentials_store", OAuthCredentialsStore.class);
        Long port = root.integer("mcp_oauth_callback_port");
        if (port != null && (port < 0 || port > 65535)) {
            throw root.invalidValue("mcp_oauth_callback_port", "a port number (0-65535)");
        }
        return new AuthSettings(store == null ? CredentialsStore.FILE : store,
                root.enumValue("forced_login_method", LoginMethod.class),
                root.string("forced_chatgpt_workspace_id"),
                mcpStore == null ? OAuthCredentialsStore.AUTO : mcpStore,
                port == null ? null : port.intValue(),
                root.string("mcp_oauth_callback_url"));
    }
}
