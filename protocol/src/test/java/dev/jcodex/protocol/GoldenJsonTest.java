package dev.jcodex.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wire shapes round-trip byte-for-byte against captures of the reference binary. */
class GoldenJsonTest {

    static Stream<String> execLines() throws IOException {
        Stream<String> all = Stream.empty();
        for (String s : List.of("b_shell_echo", "c_apply_patch", "d_update_plan", "e4_persistent_500", "e2_retry_429",
                "e3_stream_disconnect", "a2_plain_reply_gpt55")) {
            all = Stream.concat(all, resourceLines("golden/exec-" + s + ".jsonl").stream());
        }
        return all;
    }

    static List<String> responseItemLines() throws IOException {
        return resourceLines("golden/response-items.jsonl");
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("execLines")
    void execJsonlLinesRoundTripByteForByte(String line) {
        ThreadEvent event = ProtocolJson.read(line, ThreadEvent.class);
        assertThat(ProtocolJson.write(event)).isEqualTo(line);
    }

    @ParameterizedTest
    @MethodSource("responseItemLines")
    void responseItemsRoundTripAsTrees(String line) {
        ResponseItem item = ProtocolJson.read(line, ResponseItem.class);
        assertThat(item).isNotInstanceOf(ResponseItem.Other.class);
        assertThat(ProtocolJson.tree(ProtocolJson.write(item))).isEqualTo(ProtocolJson.tree(line));
    }
}
