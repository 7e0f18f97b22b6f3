package dev.jcodex.appserver.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PayloadTest {
    private final ClientInfo info = new ClientInfo("codex_exec", null, "1.2.3");

    @Test
    void typedPayloadHandsTheSendersObjectToAReceiverOfThatType() {
        Payload p = Payload.of(info);
        assertThat(p.as(ClientInfo.class, "initialize")).isSameAs(info);
    }

    @Test
    void typedPayloadConvertsThroughJsonForAnotherType() {
        Payload p = Payload.of(info);
        JsonNode asTree = p.as(JsonNode.class, "initialize");
        assertThat(asTree).isEqualTo(ProtocolJson.tree("{\"name\":\"codex_exec\",\"version\":\"1.2.3\"}"));
        assertThat(p.tree()).isEqualTo(asTree);
    }

    @Test
    void treePayloadIsConvertedToTheRequestedType() {
        Payload p = Payload.of(ProtocolJson.tree("{\"name\":\"sdk\",\"version\":\"9\"}"));
        assertThat(p.as(ClientInfo.class, "initialize")).isEqualTo(new ClientInfo("sdk", null, "9"));
    }

    @Test
    void typedAndTreeFormsOfTheSameValueAreEqual() {
        Payload typed = Payload.of(info);
        Payload tree = Payload.of(ProtocolJson.tree("{\"name\":\"codex_exec\",\"version\":\"1.2.3\"}"));
        assertThat(typed).isEqualTo(tree);
        assertThat(tree).isEqualTo(typed);
        assertThat(typed.hashCode()).isEqualTo(tree.hashCode());
        assertThat(typed).isNotEqualTo(Payload.of(new ClientInfo("other", null, "1.2.3")));
    }

    @Test
    void aTreeOfTheWrongShapeIsAProtocolErrorNamingTheMessage() {
        Payload p = Payload.of(ProtocolJson.tree("[1,2]"));
        assertThatThrownBy(() -> p.as(ClientInfo.class, "initialize"))
                .isInstanceOf(AppServerProtocolException.class)
                .hasMessageContaining("invalid ClientInfo in initialize");
    }

    @Test
    void messagesBuiltFromRecordsSerialiseLikeMessagesBuiltFromTrees() {
        JsonRpcMessage typed = JsonRpcMessage.request(RequestId.of(1), "initialize", new InitializeParams(info, null));
        JsonRpcMessage parsed = JsonRpcMessage.parse(
                "{\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"codex_exec\","
                        + "\"version\":\"1.2.3\"}}}");
        assertThat(typed.toJson()).isEqualTo(parsed.toJson());
        assertThat(typed).isEqualTo(parsed);
        assertThat(((JsonRpcMessage.Request) typed).paramsAs(InitializeParams.class).clientInfo()).isSameAs(info);
    }

    @Test
    void nullIsNoPayload() {
        assertThat(Payload.of(null)).isNull();
        assertThat(JsonRpcMessage.notification("initialized", null).toJson()).isEqualTo("{\"method\":\"initialized\"}");
    }
}
