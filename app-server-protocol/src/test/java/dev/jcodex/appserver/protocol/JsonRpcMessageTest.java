package dev.jcodex.appserver.protocol;

import tools.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.NullNode;

class JsonRpcMessageTest {

    @Test
    void requestsHaveIdAndMethod() {
        JsonRpcMessage m = JsonRpcMessage.parse("{\"id\":1,\"method\":\"thread/start\",\"params\":{\"cwd\":\"/w\"},\"trace\":{}}");
        assertThat(m).isEqualTo(new JsonRpcMessage.Request(RequestId.of(1), "thread/start",
                ProtocolJson.tree("{\"cwd\":\"/w\"}")));
        assertThat(((JsonRpcMessage.Request) m).paramsAs(ThreadStartParams.class).cwd()).isEqualTo("/w");
    }

    @Test
    void stringIdsStayStrings() {
        JsonRpcMessage m = JsonRpcMessage.parse("{\"id\":\"a-1\",\"method\":\"initialize\"}");
        assertThat(m).isEqualTo(new JsonRpcMessage.Request(RequestId.of("a-1"), "initialize", (JsonNode) null));
        assertThat(m.toJson()).isEqualTo("{\"id\":\"a-1\",\"method\":\"initialize\"}");
        assertThat(RequestId.of("7")).isNotEqualTo(RequestId.of(7));
    }

    @Test
    void notificationsHaveNoId() {
        assertThat(JsonRpcMessage.parse("{\"method\":\"initialized\"}"))
                .isEqualTo(new JsonRpcMessage.Notification("initialized", (JsonNode) null));
        assertThat(JsonRpcMessage.parse("{\"method\":\"initialized\",\"id\":null}"))
                .isEqualTo(new JsonRpcMessage.Notification("initialized", (JsonNode) null));
    }

    @Test
    void responsesCarryResultEvenWhenNull() {
        assertThat(JsonRpcMessage.parse("{\"id\":3,\"result\":{}}"))
                .isEqualTo(new JsonRpcMessage.Response(RequestId.of(3), ProtocolJson.tree("{}")));
        assertThat(JsonRpcMessage.parse("{\"id\":3,\"result\":null}"))
                .isEqualTo(new JsonRpcMessage.Response(RequestId.of(3), NullNode.getInstance()));
    }

    @Test
    void errorsMayLackAnId() {
        assertThat(JsonRpcMessage.parse("{\"id\":2,\"error\":{\"code\":-32600,\"message\":\"Not initialized\"}}"))
                .isEqualTo(JsonRpcMessage.error(RequestId.of(2), ErrorCodes.INVALID_REQUEST, "Not initialized"));
        JsonRpcMessage noId = JsonRpcMessage.parse("{\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\",\"data\":[1]}}");
        assertThat(noId).isEqualTo(new JsonRpcMessage.Error(null,
                new JsonRpcError(-32700, "bad", ProtocolJson.tree("[1]"))));
        assertThat(noId.toJson()).isEqualTo("{\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\",\"data\":[1]}}");
    }

    @Test
    void writtenMessagesHaveNoJsonrpcMember() {
        String json = JsonRpcMessage.request(RequestId.of(9), Methods.TURN_INTERRUPT,
                new TurnInterruptParams("t", "u")).toJson();
        assertThat(json).isEqualTo("{\"id\":9,\"method\":\"turn/interrupt\",\"params\":{\"threadId\":\"t\",\"turnId\":\"u\"}}");
        assertThat(JsonRpcMessage.response(RequestId.of(9), new TurnInterruptResponse()).toJson())
                .isEqualTo("{\"id\":9,\"result\":{}}");
        assertThat(JsonRpcMessage.notification(Methods.INITIALIZED, null).toJson())
                .isEqualTo("{\"method\":\"initialized\"}");
    }

    @Test
    void everyKindRoundTrips() {
        for (String line : new String[] {
                "{\"id\":1,\"method\":\"m\",\"params\":[1,2]}", "{\"method\":\"n\",\"params\":{\"a\":true}}",
                "{\"id\":\"x\",\"result\":{\"ok\":1}}", "{\"id\":4,\"error\":{\"code\":-32001,\"message\":\"Server overloaded; retry later.\"}}"}) {
            assertThat(ProtocolJson.tree(JsonRpcMessage.parse(line).toJson())).isEqualTo(ProtocolJson.tree(line));
        }
    }

    @Test
    void invalidMessagesAreRejected() {
        assertThatThrownBy(() -> JsonRpcMessage.parse("not json")).isInstanceOf(AppServerProtocolException.class)
                .hasMessageStartingWith("invalid JSON");
        assertThatThrownBy(() -> JsonRpcMessage.parse("[1]")).isInstanceOf(AppServerProtocolException.class);
        assertThatThrownBy(() -> JsonRpcMessage.parse("{\"id\":1}")).isInstanceOf(AppServerProtocolException.class)
                .hasMessageContaining("not a JSON-RPC");
        assertThatThrownBy(() -> JsonRpcMessage.parse("{\"id\":1.5,\"method\":\"m\"}"))
                .isInstanceOf(AppServerProtocolException.class).hasMessageContaining("request id");
        assertThatThrownBy(() -> JsonRpcMessage.parse("{\"method\":3}")).isInstanceOf(AppServerProtocolException.class);
    }

    @Test
    void paramsOfTheWrongShapeNameTheMethod() {
        JsonRpcMessage.Request r = new JsonRpcMessage.Request(RequestId.of(1), "thread/read",
                ProtocolJson.tree("{\"threadId\":[1]}"));
        assertThatThrownBy(() -> r.paramsAs(ThreadReadParams.class)).isInstanceOf(AppServerProtocolException.class)
                .hasMessageContaining("ThreadReadParams").hasMessageContaining("thread/read");
    }
}
