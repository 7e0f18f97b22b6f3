package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.TurnItem;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewImageHandlerTest {
    @TempDir
    Path dir;

    private final ViewImageHandler handler = new ViewImageHandler();

    private static byte[] image(int width, int height, String format) throws IOException {
        int type = format.equals("jpeg") ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        BufferedImage img = new BufferedImage(width, height, type);
        var g = img.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    /** A minimal extended-format WebP header declaring a canvas of {@code w}×{@code h}. */
    private static byte[] webp(int w, int h) {
        byte[] b = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        b[4] = 22;
        System.arraycopy("WEBPVP8X".getBytes(), 0, b, 8, 8);
        b[16] = 10;
        b[24] = (byte) (w - 1);
        b[25] = (byte) ((w - 1) >> 8);
        b[27] = (byte) (h - 1);
        b[28] = (byte) ((h - 1) >> 8);
        return b;
    }

    private ToolResult view(FakeReadTurn turn, ViewImageHandler h, String json) throws InterruptedException {
        return h.handle(turn.call("view_image", json));
    }

    private static String onlyUrl(ToolResult result) {
        assertThat(result).isInstanceOf(ToolResult.Items.class);
        List<ContentItem> items = ((ToolResult.Items) result).items();
        assertThat(items).hasSize(1).first().isInstanceOf(ContentItem.InputImage.class);
        return ((ContentItem.InputImage) items.getFirst()).imageUrl();
    }

    private static BufferedImage decode(String dataUrl) throws IOException {
        String b64 = dataUrl.substring(dataUrl.indexOf(',') + 1);
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
    }

    @Test
    void smallImagesAreSentUnchangedAndReportedAsAnImageViewItem() throws Exception {
        byte[] png = image(64, 32, "png");
        Path file = Files.write(dir.resolve("shot.png"), png);
        FakeReadTurn turn = new FakeReadTurn(dir);
        ToolResult result = view(turn, handler, "{\"path\":\"shot.png\"}");
        assertThat(result).isEqualTo(new ToolResult.Items(List.of(new ContentItem.InputImage(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png), null))));
        TurnItem item = new TurnItem.ImageView("call-1", file.toString());
        assertThat(turn.events).containsExactly(new EventMsg.ItemStarted("turn-1", item),
                new EventMsg.ItemCompleted("turn-1", item));
        assertThat(ProtocolJson.write(result.payload())).isEqualTo("[{\"type\":\"input_image\",\"image_url\":\""
                + "data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"}]");
    }

    @Test
    void formatIsDetectedFromMagicBytesNotTheName() throws Exception {
        FakeReadTurn turn = new FakeReadTurn(dir);
        Files.write(dir.resolve("photo.png"), image(20, 10, "jpeg"));
        assertThat(onlyUrl(view(turn, handler, "{\"path\":\"photo.png\"}"))).startsWith("data:image/jpeg;base64,");
        Files.write(dir.resolve("anim"), image(20, 10, "gif"));
        assertThat(onlyUrl(view(turn, handler, "{\"path\":\"anim\"}"))).startsWith("data:image/gif;base64,");
        byte[] webp = webp(300, 200);
        Path absolute = Files.write(dir.resolve("pic.webp"), webp);
        assertThat(onlyUrl(view(turn, handler, "{\"path\":\"" + absolute + "\"}"))).isEqualTo(
                "data:image/webp;base64," + Base64.getEncoder().encodeToString(webp));
    }

    @Test
    void largeImagesAreScaledToFit2048By768KeepingTheAspectRatio() throws Exception {
        FakeReadTurn turn = new FakeReadTurn(dir);
        Files.write(dir.resolve("wide.png"), image(4096, 1024, "png"));
        BufferedImage wide = decode(onlyUrl(view(turn, handler, "{\"path\":\"wide.png\"}")));
        assertThat(new int[] {wide.getWidth(), wide.getHeight()}).containsExactly(2048, 512);
        Files.write(dir.resolve("tall.jpg"), image(1000, 3000, "jpeg"));
        String tallUrl = onlyUrl(view(turn, handler, "{\"path\":\"tall.jpg\"}"));
        assertThat(tallUrl).startsWith("data:image/jpeg;base64,");
        BufferedImage tall = decode(tallUrl);
        assertThat(new int[] {tall.getWidth(), tall.getHeight()}).containsExactly(256, 768);
        assertThat(new Color(tall.getRGB(128, 384)).getRed()).isBetween(180, 220);
    }

    @Test
    void originalDetailSkipsScalingOnlyWhenTheModelSupportsIt() throws Exception {
        Files.write(dir.resolve("wide.png"), image(3000, 100, "png"));
        FakeReadTurn turn = new FakeReadTurn(dir);
        ViewImageHandler original = new ViewImageHandler(ViewImageHandler.OriginalDetail.SUPPORTED);
        ToolResult full = view(turn, original, "{\"path\":\"wide.png\",\"detail\":\"original\"}");
        assertThat(((ContentItem.InputImage) ((ToolResult.Items) full).items().getFirst()).detail())
                .isEqualTo("original");
        assertThat(decode(onlyUrl(full)).getWidth()).isEqualTo(3000);
        ToolResult scaled = view(turn, handler, "{\"path\":\"wide.png\",\"detail\":\"original\"}");
        assertThat(decode(onlyUrl(scaled)).getWidth()).isEqualTo(2048);
        assertThat(((ContentItem.InputImage) ((ToolResult.Items) scaled).items().getFirst()).detail()).isNull();
        assertThat(view(turn, original, "{\"path\":\"wide.png\",\"detail\":\"high\"}")).isEqualTo(ToolResult.failure(
                "view_image.detail only supports `original`; omit `detail` for the default scaled image, got `high`"));
    }

    @Test
    void refusesMissingFilesDirectoriesAndNonImagesWithoutEmittingItems() throws Exception {
        FakeReadTurn turn = new FakeReadTurn(dir);
        assertThat(view(turn, handler, "{\"path\":\"missing.png\"}")).isEqualTo(ToolResult.failure(
                "unable to locate image at `" + dir.resolve("missing.png") + "`: no such file. Check the path "
                        + "(relative paths are resolved against " + dir + ")"));
        Files.createDirectory(dir.resolve("folder"));
        assertThat(view(turn, handler, "{\"path\":\"folder\"}")).isEqualTo(ToolResult.failure(
                "image path `" + dir.resolve("folder") + "` is not a file"));
        Files.writeString(dir.resolve("notes.png"), "hello world");
        assertThat(view(turn, handler, "{\"path\":\"notes.png\"}")).isEqualTo(ToolResult.failure(
                "unable to process image at `" + dir.resolve("notes.png") + "`: not a PNG, JPEG, GIF or WebP image "
                        + "(the file starts with bytes 68 65 6c 6c 6f 20 77 6f). view_image only accepts PNG, JPEG, "
                        + "GIF and WebP files"));
        byte[] truncated = java.util.Arrays.copyOf(image(64, 32, "png"), 12);
        Files.write(dir.resolve("broken.png"), truncated);
        ToolResult broken = view(turn, handler, "{\"path\":\"broken.png\"}");
        assertThat(((ToolResult.Text) broken).text()).startsWith("unable to process image at `"
                + dir.resolve("broken.png") + "`: corrupt or unreadable PNG data");
        assertThat(turn.events).isEmpty();
    }

    @Test
    void malformedArgumentsThrow() {
        FakeReadTurn turn = new FakeReadTurn(dir);
        assertThatThrownBy(() -> view(turn, handler, "{}")).isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("missing field `path`");
        assertThatThrownBy(() -> view(turn, handler, "[1]")).isInstanceOf(ToolArgumentException.class);
    }

    @Test
    void specAdvertisesDetailOnlyWhenSupported() {
        assertThat(handler.name()).isEqualTo("view_image");
        assertThat(handler.mutating(null)).isFalse();
        assertThat(handler.spec().get("parameters").get("properties").propertyNames()).containsExactly("path");
        var original = new ViewImageHandler(ViewImageHandler.OriginalDetail.SUPPORTED);
        assertThat(original.spec().get("parameters").get("properties").get("detail").get("enum").toString())
                .isEqualTo("[\"original\"]");
    }

    @Test
    void webpSizeIsReadFromEachHeaderKind() {
        assertThat(PromptImage.webpSize(webp(300, 200))).containsExactly(300, 200);
        byte[] lossless = new byte[25];
        System.arraycopy("RIFF".getBytes(), 0, lossless, 0, 4);
        System.arraycopy("WEBPVP8L".getBytes(), 0, lossless, 8, 8);
        lossless[20] = 0x2F;
        int bits = (100 - 1) | (50 - 1) << 14;
        for (int i = 0; i < 4; i++) {
            lossless[21 + i] = (byte) (bits >>> (8 * i));
        }
        assertThat(PromptImage.webpSize(lossless)).containsExactly(100, 50);
        assertThat(PromptImage.sniff(lossless)).isEqualTo(PromptImage.Format.WEBP);
    }
}
