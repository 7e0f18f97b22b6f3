package dev.jcodex.core;

import dev.jcodex.protocol.ContentItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Attaches local image files ({@code -i}, {@code localImage} input) as {@code data:} URLs. */
final class LocalImages implements TurnItems.ImageLoader {
    /** Images larger than this are refused (the API rejects them anyway). */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private final Path cwd;

    LocalImages(Path cwd) {
        this.cwd = cwd;
    }

    @Override
    public ContentItem load(String pathText) {
        Path path = cwd.resolve(pathText).normalize();
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return note(pathText, "it is larger than 20 MiB");
            }
            byte[] bytes = Files.readAllBytes(path);
            String mime = mimeType(bytes);
            if (mime == null) {
                return note(pathText, "it is not a PNG, JPEG, GIF or WebP image");
            }
            return new ContentItem.InputImage("data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes),
                    null);
        } catch (IOException e) {
            return note(pathText, "it could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")");
        }
    }

    private static ContentItem note(String path, String why) {
        return new ContentItem.InputText("[image " + path + " was not attached: " + why + "]");
    }

    /** The MIME type from the magic bytes, or null. */
    static String mimeType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

}
