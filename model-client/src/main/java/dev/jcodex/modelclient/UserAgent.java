package dev.jcodex.modelclient;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parts of the {@code User-Agent} header (spec §3.4):
 * {@code <originator>/<version> (<os type> <os version>; <arch>) <terminal>} plus, once an app-server client
 * has introduced itself, {@code  (<client name>; <client version>)} — e.g.
 * {@code codex_exec/0.169.0 (Debian 12.0.0; x86_64) xterm (codex_exec; 0.169.0)}.
 *
 * <p>Like the reference, the client suffix is process-wide: the app-server calls {@link #registerClient} when a
 * client sends {@code initialize}, and every later {@link #detect} carries it.
 *
 * @param originator the {@code originator} header value ({@code codex_cli_rs}, {@code codex_exec}, …)
 * @param version the CLI version
 * @param osType e.g. {@code Debian}, {@code Mac OS}, {@code Windows}
 * @param osVersion e.g. {@code 12.0.0}
 * @param arch e.g. {@code x86_64}, {@code aarch64}
 * @param terminal e.g. {@code xterm}, {@code iTerm.app/3.5.0}
 * @param clientSuffix what goes inside the trailing parentheses, e.g. {@code codex_exec; 0.169.0}; null (or
 *     blank, which is stored as null) for none; surrounding whitespace is dropped
 */
public record UserAgent(String originator, String version, String osType, String osVersion, String arch,
                        String terminal, String clientSuffix) {

    /** The originator when none is configured or the configured one is not a valid header value. */
    public static final String DEFAULT_ORIGINATOR = "codex_cli_rs";

    /** Environment variable whose value, when set, replaces every originator. */
    public static final String ORIGINATOR_OVERRIDE_ENV = "CODEX_INTERNAL_ORIGINATOR_OVERRIDE";

    private static final AtomicReference<String> REGISTERED_CLIENT = new AtomicReference<>();

    public UserAgent {
        Objects.requireNonNull(originator, "originator");
        Objects.requireNonNull(version, "version");
        clientSuffix = clientSuffix == null || clientSuffix.isBlank() ? null : clientSuffix.strip();
    }

    /**
     * Records the app-server client (its {@code initialize} {@code clientInfo}) whose
     * {@code (<name>; <version>)} every later {@link #detect} appends — process-wide, the last call wins, as in
     * the reference. Exec's in-process client registers {@code codex_exec} and its version.
     *
     * @param name    {@code clientInfo.name}
     * @param version {@code clientInfo.version}
     */
    public static void registerClient(String name, String version) {
        REGISTERED_CLIENT.set(clientSuffix(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(version, "version")));
    }

    /**
     * The user agent of this process: originator ({@value #ORIGINATOR_OVERRIDE_ENV} in {@code env} wins; an
     * originator that is not a valid header value becomes {@value #DEFAULT_ORIGINATOR}), OS, architecture,
     * terminal (from {@code TERM_PROGRAM}, {@code TERM} and friends in {@code env}) and the
     * {@linkplain #registerClient registered client}, if any.
     */
    public static UserAgent detect(String originator, String version, Map<String, String> env) {
        return detect(originator, version, env, PlatformInfo.current(), REGISTERED_CLIENT.get());
    }

    static UserAgent detect(String originator, String version, Map<String, String> env, PlatformInfo platform,
            String clientSuffix) {
        return new UserAgent(resolveOriginator(originator, env), version, platform.osType(), platform.osVersion(),
                platform.arch(), TerminalDetection.token(env), clientSuffix);
    }

    /** A copy with the {@code (<name>; <version>)} client suffix. */
    public UserAgent withClient(String name, String clientVersion) {
        return new UserAgent(originator, version, osType, osVersion, arch, terminal, clientSuffix(name, clientVersion));
    }

    /**
     * The header value. Control characters anywhere turn every character outside visible ASCII into {@code _}
     * (the reference's sanitising); non-ASCII text otherwise valid in a header also becomes {@code _} because
     * {@code java.net.http} cannot send raw UTF-8 header bytes (the reference would).
     */
    public String header() {
        String prefix = originator + "/" + version + " (" + osType + " " + osVersion + "; " + arch + ") " + terminal;
        return headerSafe(clientSuffix == null ? prefix : prefix + " (" + clientSuffix + ")");
    }

    private static String clientSuffix(String name, String clientVersion) {
        return name + "; " + clientVersion;
    }

    /** The override from {@code env} (even empty) else {@code provided}; invalid header values → the default. */
    static String resolveOriginator(String provided, Map<String, String> env) {
        String value = env.containsKey(ORIGINATOR_OVERRIDE_ENV) ? env.get(ORIGINATOR_OVERRIDE_ENV) : provided;
        return value != null && isHeaderValue(value) ? value : DEFAULT_ORIGINATOR;
    }

    /** What the reference's {@code HeaderValue::from_str} accepts: tab, and anything from space up but DEL. */
    static boolean isHeaderValue(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f));
    }

    static String headerSafe(String candidate) {
        if (candidate.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e))) {
            return candidate;
        }
        if (isHeaderValue(candidate)) {
            return nonAsciiReplaced(candidate);
        }
        return sanitize(candidate);
    }

    /** Replaces every character outside visible ASCII (and space) with {@code _}, one per code point. */
    static String sanitize(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(c -> sb.append(c >= 0x20 && c <= 0x7e ? (char) c : '_'));
        return sb.toString();
    }

    private static String nonAsciiReplaced(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(c -> sb.append(c < 0x80 ? (char) c : '_'));
        return sb.toString();
    }
}
