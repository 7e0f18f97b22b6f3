package dev.jcodex.core.tools.handlers;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Prepares a local image for a prompt: recognises PNG, JPEG, GIF and WebP by their magic bytes and, unless the
 * original is asked for, scales images larger than {@value #MAX_WIDTH}×{@value #MAX_HEIGHT} down to fit (keeping
 * the aspect ratio). Images that fit are sent byte for byte. Scaled JPEGs stay JPEG (quality 0.85); scaled PNG and
 * GIF become PNG. The JDK cannot decode WebP, so WebP is always sent as is (the model provider scales it).
 */
final class PromptImage {
    static final int MAX_WIDTH = 2048;
    static final int MAX_HEIGHT = 768;

    /** A recognised image format. */
    enum Format {
        PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), WEBP("image/webp");

        final String mime;

        Format(String mime) {
            this.mime = mime;
        }
    }

    /** Whether to scale large images down. */
    enum Scaling { FIT, ORIGINAL }

    /** Bytes ready to send, with their format and pixel size. */
    record Encoded(byte[] bytes, Format format, int width, int height) {
        String dataUrl() {
            return "data:" + format.mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    /** The file is not an image this tool can send, or it is corrupt. */
    static final class UnsupportedImageException extends Exception {
        UnsupportedImageException(String message) {
            super(message);
        }
    }

    private PromptImage() {}

    /** The format from the leading bytes, or {@code null} when none matches. */
    static Format sniff(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Format.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        return null;
    }

    static Encoded prepare(byte[] bytes, Scaling scaling) throws UnsupportedImageException {
        Format format = sniff(bytes);
        if (format == null) {
            throw new UnsupportedImageException("not a PNG, JPEG, GIF or WebP image (the file starts with "
                    + hexPrefix(bytes) + ")");
        }
        if (format == Format.WEBP) {
            int[] size = webpSize(bytes);
            return new Encoded(bytes, format, size[0], size[1]);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnsupportedImageException("no decoder for " + format.name() + " data");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (scaling == Scaling.ORIGINAL || (width <= MAX_WIDTH && height <= MAX_HEIGHT)) {
                    return new Encoded(bytes, format, width, height);
                }
                BufferedImage scaled = scaleToFit(reader.read(0));
                Format target = format == Format.JPEG ? Format.JPEG : Format.PNG;
                return new Encoded(encode(scaled, target), target, scaled.getWidth(), scaled.getHeight());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedImageException("corrupt or unreadable " + format.name() + " data (" + e.getMessage()
                    + ")");
        }
    }

    private static BufferedImage scaleToFit(BufferedImage source) {
        double scale = Math.min((double) MAX_WIDTH / source.getWidth(), (double) MAX_HEIGHT / source.getHeight());
        int targetW = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage current = source;
        // Halve in steps first: a single bilinear pass from far away skips pixels and aliases.
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetW && current.getHeight() == targetH ? current
                : draw(current, targetW, targetH);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, Format target) throws IOException {
        BufferedImage toWrite = image;
        if (target == Format.JPEG) {
            toWrite = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = toWrite.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(target == Format.JPEG ? "jpeg" : "png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (target == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            writer.write(null, new IIOImage(toWrite, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Canvas size from the VP8X, VP8L or VP8 chunk header; {@code {0, 0}} when the header is not recognised. */
    static int[] webpSize(byte[] b) {
        if (b.length >= 30 && startsWith(b, 12, 'V', 'P', '8', 'X')) {
            return new int[] {1 + u24(b, 24), 1 + u24(b, 27)};
        }
        if (b.length >= 25 && startsWith(b, 12, 'V', 'P', '8', 'L') && (b[20] & 0xFF) == 0x2F) {
            int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
            return new int[] {1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF)};
        }
        if (b.length >= 30 && startsWith(b, 12, 'V', 'P', '8', ' ') && startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
            return new int[] {u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF};
        }
        return new int[] {0, 0};
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int at) {
        return u16(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hexPrefix(byte[] b) {
        if (b.length == 0) {
            return "nothing: it is empty";
        }
        StringBuilder sb = new StringBuilder("bytes");
        for (int i = 0; i < Math.min(8, b.length); i++) {
            sb.append(String.format(" %02x", b[i]));
        }
        return sb.toString();
    }
}
