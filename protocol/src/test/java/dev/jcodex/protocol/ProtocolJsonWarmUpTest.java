package dev.jcodex.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolJsonWarmUpTest {

    /** A type Jackson cannot build a deserializer for (no creator, no type information). */
    interface Opaque {}

    @Test
    void warmUpOfSealedHierarchiesLeavesSerialisationUnchanged() {
        ResponseItem item = new ResponseItem.Message(null, "assistant",
                List.of(new ContentItem.OutputText("hi")), null, null);
        String before = ProtocolJson.write(item);
        ProtocolJson.warmUp(ResponseItem.class, EventMsg.class, ThreadEvent.class);
        assertThat(ProtocolJson.write(item)).isEqualTo(before);
        assertThat(ProtocolJson.read(before, ResponseItem.class)).isEqualTo(item);
    }

    @Test
    void typesJacksonCannotHandleAreSkippedNotFatal() {
        assertThatCode(() -> ProtocolJson.warmUp(Opaque.class, Opaque.class)).doesNotThrowAnyException();
    }
}
