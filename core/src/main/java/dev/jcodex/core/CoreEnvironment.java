package dev.jcodex.core;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Process-wide inputs every thread shares: where state lives, the process environment (never read from
 * {@link System#getenv()} inside core, so tests control it), who the client is, and the HTTP client (created on
 * first use: no network set-up before the first prompt).
 *
 * @param codexHome {@code $CODEX_HOME}
 * @param env environment variables of the process
 * @param originator client name sent as {@code originator} (e.g. {@code codex_exec})
 * @param cliVersion version of this binary
 * @param http supplies the shared HTTP client
 */
public record CoreEnvironment(Path codexHome, Map<String, String> env, String originator, String cliVersion,
        Supplier<HttpClient> http) {

    private static final java.time.Duration HTTP_STOP_WAIT = java.time.Duration.ofMillis(500);

    public CoreEnvironment {
        Objects.requireNonNull(codexHome, "codexHome");
        env = Map.copyOf(env);
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(cliVersion, "cliVersion");
        Objects.requireNonNull(http, "http");
    }

    /** An environment whose HTTP client is created lazily, once, with the model client's defaults. */
    public static CoreEnvironment of(Path codexHome, Map<String, String> env, String originator, String cliVersion) {
        return new CoreEnvironment(codexHome, env, originator, cliVersion, new LazyHttpClient());
    }

    /** This environment with another originator (the app-server learns it from {@code initialize}). */
    public CoreEnvironment withOriginator(String newOriginator) {
        return new CoreEnvironment(codexHome, env, newOriginator, cliVersion, http);
    }

    /**
     * Shuts down the HTTP client {@link #of} created, if it was created (a supplier given to the constructor is left
     * alone); a later {@code http().get()} creates a new one. Waits briefly for its selector thread to end: a thread
     * still blocked in native code when the JVM exits delays {@code System.exit} by 300 ms.
     */
    public void closeHttpClient() {
        if (http instanceof LazyHttpClient lazy) {
            lazy.close();
        }
    }

    private static final class LazyHttpClient implements Supplier<HttpClient> {
        private volatile HttpClient client;

        @Override
        public HttpClient get() {
            HttpClient c = client;
            if (c == null) {
                synchronized (this) {
                    c = client;
                    if (c == null) {
                        c = dev.jcodex.modelclient.ModelClient.newHttpClient();
                        client = c;
                    }
                }
            }
            return c;
        }

        void close() {
            HttpClient c;
            synchronized (this) {
                c = client;
                client = null;
            }
            if (c == null) {
                return;
            }
            c.shutdownNow();
            try {
                c.awaitTermination(HTTP_STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
