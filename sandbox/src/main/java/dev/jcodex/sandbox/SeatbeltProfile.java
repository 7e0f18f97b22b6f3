package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A macOS Seatbelt profile for {@code /usr/bin/sandbox-exec}: the profile text plus the {@code -D} parameters
 * it refers to. Paths never appear in the text — only as parameters ({@code WRITABLE_ROOT_<i>} and
 * {@code WRITABLE_ROOT_<i>_RO_<j>}) — so the text depends on the shape of the policy alone.
 *
 * <p>Reads are allowed everywhere. Writes are allowed beneath each writable root except its read-only paths,
 * each excluded both as itself ({@code literal}, which also stops its first-time creation) and as a subtree
 * ({@code subpath}). Network rules are appended only when the policy allows the network.
 *
 * @param text       the profile, passed with {@code -p}
 * @param parameters the values for {@code (param "…")} references, in order, passed as {@code -DKEY=VALUE}
 */
public record SeatbeltProfile(String text, Map<String, String> parameters) {

    /** Only this binary is used; a {@code sandbox-exec} elsewhere on {@code PATH} could be planted. */
    public static final String SANDBOX_EXEC = "/usr/bin/sandbox-exec";

    private static final String BASE = resource("seatbelt-base.sb");
    private static final String NETWORK = resource("seatbelt-network.sb");

    public SeatbeltProfile {
        Objects.requireNonNull(text, "text");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The profile for {@code policy}. {@code danger-full-access} yields {@code (allow default)}: nothing is
     * restricted (the selector never wraps such commands at all).
     *
     * @param env the child's environment; only {@code TMPDIR} is read
     */
    public static SeatbeltProfile forPolicy(SandboxPolicy policy, Path cwd, Map<String, String> env) {
        return switch (policy) {
            case SandboxPolicy.DangerFullAccess d -> new SeatbeltProfile("(version 1)\n(allow default)\n", Map.of());
            case SandboxPolicy.ReadOnly r -> restricted(List.of(), false);
            case SandboxPolicy.WorkspaceWrite w -> restricted(WritableRoots.of(w, cwd, env), w.networkAccess());
        };
    }

    /** {@code sandbox-exec -p <text> -DKEY=VALUE… --}, to be followed by the command. */
    public List<String> argvPrefix() {
        List<String> argv = new ArrayList<>(List.of(SANDBOX_EXEC, "-p", text));
        parameters.forEach((key, value) -> argv.add("-D" + key + "=" + value));
        argv.add("--");
        return List.copyOf(argv);
    }

    private static SeatbeltProfile restricted(List<WritableRoot> roots, boolean network) {
        StringBuilder text = new StringBuilder(BASE);
        text.append("\n; Reads are allowed everywhere.\n(allow file-read*)\n");
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!roots.isEmpty()) {
            text.append("\n; Writes are allowed beneath the writable roots, except their read-only paths.\n");
            text.append("(allow file-write*");
            for (int i = 0; i < roots.size(); i++) {
                WritableRoot root = roots.get(i);
                String rootKey = "WRITABLE_ROOT_" + i;
                parameters.put(rootKey, root.root().toString());
                List<Path> readOnly = root.readOnlySubpaths();
                if (readOnly.isEmpty()) {
                    text.append("\n  (subpath (param \"").append(rootKey).append("\"))");
                    continue;
                }
                text.append("\n  (require-all\n    (subpath (param \"").append(rootKey).append("\"))");
                for (int j = 0; j < readOnly.size(); j++) {
                    String key = rootKey + "_RO_" + j;
                    parameters.put(key, readOnly.get(j).toString());
                    text.append("\n    (require-not (literal (param \"").append(key).append("\")))");
                    text.append("\n    (require-not (subpath (param \"").append(key).append("\")))");
                }
                text.append(")");
            }
            text.append(")\n");
        }
        if (network) {
            text.append('\n').append(NETWORK);
        }
        return new SeatbeltProfile(text.toString(), parameters);
    }

    private static String resource(String name) {
        try (InputStream in = SeatbeltProfile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
