package dev.jcodex.core.exec;

import dev.jcodex.config.Config;

/** Whether shell tools may start login shells ({@code allow_login_shell}, default true; spec §4.3, §4.4). */
public enum LoginShellPolicy {
    /** {@code login} is offered and defaults to true ({@code -lc}). */
    ALLOWED,
    /** {@code login} is not offered; scripts run with {@code -c}; asking for a login shell is an error. */
    DISABLED;

    /** The policy of {@code config}. */
    public static LoginShellPolicy of(Config config) {
        return config.permissions().allowLoginShell() ? ALLOWED : DISABLED;
    }
}
