package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.TurnItem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code view_image} (spec §4.7): attaches a local image to the conversation. {@code path} is resolved against the
 * turn's working directory; the file must be a PNG, JPEG, GIF or WebP (recognised by its magic bytes, not its
 * name). The output is a single {@code input_image} content item with a {@code data:} URL, scaled down to fit
 * 2048×768 unless the model supports {@code detail: "original"} and asked for it. On success an {@code ImageView}
 * item is reported (started and completed). Errors are returned as text. Read-only.
 */
public final class ViewImageHandler implements ToolHandler {
    /** Files above this size are refused before reading; no provider accepts images this large. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** Whether the model accepts images at their original resolution ({@code detail: "original"}). */
    public enum OriginalDetail { UNSUPPORTED, SUPPORTED }

    private final OriginalDetail originalDetail;

    /** A handler for a model that only takes scaled images. */
    public ViewImageHandler() {
        this(OriginalDetail.UNSUPPORTED);
    }

    /** A handler that advertises (and honours) {@code detail: "original"} when {@code originalDetail} is supported. */
    public ViewImageHandler(OriginalDetail originalDetail) {
        this.originalDetail = originalDetail;
    }

    @Override
    public String name() {
        return "view_image";
    }

    @Override
    public JsonNode spec() {
        ObjectNode spec = ProtocolJson.mapper().createObjectNode();
        spec.put("type", "function").put("name", "view_image").put("description", "Attaches a local image file "
                + "(PNG, JPEG, GIF or WebP) to the conversation so you can look at it. Use it when the user refers "
                + "to an image on disk or a tool produced one.");
        spec.put("strict", false);
        ObjectNode params = spec.putObject("parameters");
        params.put("type", "object");
        ObjectNode props = params.putObject("properties");
        props.putObject("path").put("type", "string").put("description",
                "Path of the image file (relative paths are resolved against the working directory)");
        if (originalDetail == OriginalDetail.SUPPORTED) {
            props.putObject("detail").put("type", "string").put("description", "Set to \"original\" to send the "
                    + "image at full resolution instead of scaled down; omit for the default").putArray("enum")
                    .add("original");
        }
        params.putArray("required").add("path");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public boolean mutating(ToolInvocation invocation) {
        return false;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        JsonNode args = Args.parse(inv.functionArguments(), name());
        String pathArg = Args.requiredString(args, "path", name());
        String detail = Args.optionalString(args, "detail");
        if (detail != null && !detail.equals("original")) {
            return ToolResult.failure("view_image.detail only supports `original`; omit `detail` for the default "
                    + "scaled image, got `" + detail + "`");
        }
        boolean original = detail != null && originalDetail == OriginalDetail.SUPPORTED;
        TurnServices turn = inv.turn();
        Path path = turn.cwd().resolve(pathArg).normalize();
        if (!Files.exists(path)) {
            return ToolResult.failure("unable to locate image at `" + path + "`: no such file. Check the path "
                    + "(relative paths are resolved against " + turn.cwd() + ")");
        }
        if (!Files.isRegularFile(path)) {
            return ToolResult.failure("image path `" + path + "` is not a file");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                return ToolResult.failure("image at `" + path + "` is " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " bytes view_image accepts; scale it down first");
            }
            bytes = Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            return ToolResult.failure("unable to read image at `" + path + "`: permission denied");
        } catch (IOException e) {
            return ToolResult.failure("unable to read image at `" + path + "`: " + e.getMessage());
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("view_image interrupted");
        }
        PromptImage.Encoded image;
        try {
            image = PromptImage.prepare(bytes, original ? PromptImage.Scaling.ORIGINAL : PromptImage.Scaling.FIT);
        } catch (PromptImage.UnsupportedImageException e) {
            return ToolResult.failure("unable to process image at `" + path + "`: " + e.getMessage()
                    + ". view_image only accepts PNG, JPEG, GIF and WebP files");
        }
        TurnItem item = new TurnItem.ImageView(inv.callId(), path.toString());
        turn.emit(new EventMsg.ItemStarted(turn.turnId(), item));
        turn.emit(new EventMsg.ItemCompleted(turn.turnId(), item));
        return new ToolResult.Items(List.of(new ContentItem.InputImage(image.dataUrl(), original ? "original" : null)));
    }
}
