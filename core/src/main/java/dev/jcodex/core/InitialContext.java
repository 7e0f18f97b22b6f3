package dev.jcodex.core;

import dev.jcodex.config.InstructionSettings;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.SandboxPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The model-visible context of a thread (spec §9, reference captures): the base-instructions developer message
 * that leads every request, and the initial context recorded once per thread — a developer message (permissions,
 * developer instructions) and a user message (AGENTS.md instructions, {@code <environment_context>}).
 */
final class InitialContext {
    private static final String BASE_RESOURCE = "base_instructions.md";
    private static volatile String builtInBase;

    private InitialContext() {}

    /** The built-in base instructions. */
    static String builtInBaseInstructions() {
        String text = builtInBase;
        if (text == null) {
            try (InputStream in = InitialContext.class.getResourceAsStream(BASE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + BASE_RESOURCE);
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtInBase = text;
        }
        return text;
    }

    /** The base instructions to use: the configured replacement, else the built-in prompt. */
    static String baseInstructions(InstructionSettings settings) {
        String configured = settings.baseInstructions();
        return configured != null && !configured.isBlank() ? configured : builtInBaseInstructions();
    }

    /**
     * The developer message carrying the base instructions; its id is derived from the text (name-based UUID),
     * so identical prompts produce identical request prefixes (prompt-cache friendly).
     */
    static ResponseItem.Message baseInstructionsMessage(String text) {
        return new ResponseItem.Message("msg_" + nameUuid(text), "developer",
                List.of(new ContentItem.InputText(text)), null, null);
    }

    /** The initial-context messages recorded into the history at the first turn. */
    static List<ResponseItem> build(InstructionSettings settings, Path codexHome, Path cwd, String shellName,
            SandboxPolicy sandbox, AskForApproval approval, List<Path> writableRoots) {
        List<ResponseItem> items = new ArrayList<>(2);
        List<ContentItem> developer = new ArrayList<>();
        if (settings.includePermissionsInstructions()) {
            developer.add(new ContentItem.InputText(PermissionsInstructions.render(sandbox, approval, writableRoots)));
        }
        if (settings.developerInstructions() != null && !settings.developerInstructions().isBlank()) {
            developer.add(new ContentItem.InputText(settings.developerInstructions()));
        }
        if (!developer.isEmpty()) {
            items.add(new ResponseItem.Message("msg_" + dev.jcodex.common.Ids.newId(), "developer", developer, null,
                    null));
        }
        List<ContentItem> user = new ArrayList<>();
        String docs = ProjectDocs.userInstructions(codexHome, cwd, new ProjectDocs.Settings(
                settings.projectDocMaxBytes(), settings.projectDocFallbackFilenames(), settings.projectRootMarkers()));
        if (docs != null && !docs.isBlank()) {
            user.add(new ContentItem.InputText(ProjectDocs.render(cwd, docs)));
        }
        if (settings.includeEnvironmentContext()) {
            user.add(new ContentItem.InputText(EnvironmentContext.now(cwd, shellName, sandbox, writableRoots).render()));
        }
        if (!user.isEmpty()) {
            items.add(new ResponseItem.Message("msg_" + dev.jcodex.common.Ids.newId(), "user", user, null, null));
        }
        return items;
    }

    /** A version-5 style (SHA-1, name-based) UUID of {@code text}. */
    static UUID nameUuid(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }
}
