package dev.jcodex.cli;

import dev.jcodex.config.AuthSettings;
import dev.jcodex.config.Config;
import dev.jcodex.modelclient.DeviceCodeLogin;
import dev.jcodex.modelclient.LoginCommands;
import dev.jcodex.modelclient.ModelClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code codex login [--with-api-key | --device-auth]} and {@code codex login status} (spec §1.3). Messages go to
 * stderr as in the reference; only the device-code instructions go to stdout. The work is done by model-client's
 * {@link LoginCommands}; this class adds the reference's argument handling, the {@code forced_login_method} checks
 * and the refusal to read a key from a terminal.
 */
@Command(name = "login", mixinStandardHelpOptions = true, subcommands = LoginCommand.StatusCommand.class,
        description = "Manage login: store an API key read from stdin, or sign in with ChatGPT by device code.")
final class LoginCommand implements Callable<Integer> {

    static final String API_KEY_FLAG_UNSUPPORTED = "The --api-key flag is no longer supported. Pipe the key instead,"
            + " e.g. `printenv OPENAI_API_KEY | codex login --with-api-key`.";
    static final String API_KEY_FROM_TERMINAL = "--with-api-key expects the API key on stdin. Try piping it, e.g."
            + " `printenv OPENAI_API_KEY | codex login --with-api-key`.";
    static final String CHATGPT_LOGIN_DISABLED = "ChatGPT login is disabled. Use API key login instead.";
    static final String API_KEY_LOGIN_DISABLED = "API key login is disabled. Use ChatGPT login instead.";
    static final String BROWSER_LOGIN_UNAVAILABLE = "Browser login is not available in this build. Sign in with"
            + " `codex login --device-auth`, or store an API key with"
            + " `printenv OPENAI_API_KEY | codex login --with-api-key`.";

    @Option(names = "--with-api-key",
            description = "Read the API key from stdin (e.g. `printenv OPENAI_API_KEY | codex login --with-api-key`).")
    boolean withApiKey;

    @Option(names = "--device-auth", description = "Sign in with ChatGPT using a device code shown here.")
    boolean deviceAuth;

    @Option(names = "--api-key", paramLabel = "API_KEY", hidden = true,
            description = "No longer supported: pipe the key to --with-api-key instead.")
    String apiKey;

    @Option(names = "--experimental_issuer", paramLabel = "URL", hidden = true,
            description = "OAuth issuer base URL for --device-auth (default https://auth.openai.com).")
    String issuer;

    @Option(names = "--experimental_client-id", paramLabel = "CLIENT_ID", hidden = true,
            description = "OAuth client id for --device-auth.")
    String clientId;

    @Mixin
    ConfigFlags config;

    @Spec
    CommandSpec spec;

    private final CliIo io;

    LoginCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Config cfg = ConfigFlags.load(io, spec, config.own());
        AuthSettings.LoginMethod forced = cfg.auth().forcedLoginMethod();
        if (deviceAuth) {
            if (forced == AuthSettings.LoginMethod.API) {
                return fail(CHATGPT_LOGIN_DISABLED);
            }
            requireFileStore(cfg);
            DeviceCodeLogin.Options defaults = DeviceCodeLogin.Options.defaults();
            DeviceCodeLogin.Options options = new DeviceCodeLogin.Options(
                    issuer != null ? issuer : defaults.issuer(), clientId != null ? clientId : defaults.clientId());
            return LoginCommands.loginWithDeviceCode(io.out(), io.err(), cfg.codexHome(), options,
                    ModelClient.newHttpClient());
        }
        if (apiKey != null) {
            return fail(API_KEY_FLAG_UNSUPPORTED);
        }
        if (withApiKey) {
            if (stdinIsTerminal(io)) {
                return fail(API_KEY_FROM_TERMINAL);
            }
            if (forced == AuthSettings.LoginMethod.CHATGPT) {
                return fail(API_KEY_LOGIN_DISABLED);
            }
            requireFileStore(cfg);
            return LoginCommands.loginWithApiKey(io.in(), io.out(), io.err(), cfg.codexHome());
        }
        if (forced == AuthSettings.LoginMethod.API) {
            return fail(CHATGPT_LOGIN_DISABLED);
        }
        return fail(BROWSER_LOGIN_UNAVAILABLE);
    }

    private int fail(String message) {
        io.err().println(message);
        return 1;
    }

    /** Credentials are only ever written to auth.json here; refuse rather than ignore a keyring/ephemeral choice. */
    private static void requireFileStore(Config cfg) {
        AuthSettings.CredentialsStore store = cfg.auth().cliAuthCredentialsStore();
        switch (store) {
            case FILE, AUTO -> { }
            case KEYRING, EPHEMERAL -> throw new CliException("Error logging in: cli_auth_credentials_store = \""
                    + store.wire() + "\" is not supported by this build; use \"file\" or \"auto\".", 1);
        }
    }

    /**
     * Whether this invocation's stdin is the process's own stdin and that is a terminal. On Linux the answer comes
     * from {@code /proc/self/fd/0}; elsewhere from {@link java.io.Console#isTerminal()} (stdin and stdout).
     */
    static boolean stdinIsTerminal(CliIo io) {
        if (io.in() != System.in) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            java.io.Console console = System.console();
            return console != null && console.isTerminal();
        }
    }

    /** {@code codex login status}: how the stored credentials log in, with the API key masked. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the login status.")
    static final class StatusCommand implements Callable<Integer> {
        @Mixin
        ConfigFlags config;

        @Spec
        CommandSpec spec;

        private final CliIo io;

        StatusCommand(CliIo io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            SharedOptions own = config.own();
            if (spec.parent() != null && spec.parent().userObject() instanceof LoginCommand login) {
                own.configOverrides.addAll(0, login.config.overrides);
            }
            Config cfg = ConfigFlags.load(io, spec, own);
            return LoginCommands.status(io.out(), io.err(), cfg.codexHome());
        }
    }
}
