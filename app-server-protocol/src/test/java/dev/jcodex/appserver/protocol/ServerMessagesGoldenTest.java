package dev.jcodex.appserver.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Notifications and server requests decode from golden messages to typed records and encode back. */
class ServerMessagesGoldenTest {

    static Stream<String> notificationFiles() {
        return notificationVariants().map(ServerMessagesGoldenTest::kebab);
    }

    static Stream<String> notificationVariants() {
        return Stream.of(ServerNotification.class.getPermittedSubclasses())
                .filter(c -> c != ServerNotification.Unknown.class).map(Class::getSimpleName);
    }

    static Stream<String> requestFiles() {
        return Stream.of(ServerRequest.class.getPermittedSubclasses())
                .filter(c -> c != ServerRequest.Unknown.class).map(c -> kebab(c.getSimpleName()));
    }

    /** {@code TurnPlanUpdated} → {@code turn-plan-updated}. */
    static String kebab(String simpleName) {
        return simpleName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @MethodSource("notificationFiles")
    void everyNotificationRoundTrips(String file) {
        JsonNode golden = Golden.tree("notifications/" + file + ".json");
        JsonRpcMessage message = JsonRpcMessage.fromTree(golden);
        assertThat(message).isInstanceOf(JsonRpcMessage.Notification.class);
        ServerNotification n = ServerNotification.decode((JsonRpcMessage.Notification) message);
        assertThat(n).isNotInstanceOf(ServerNotification.Unknown.class);
        assertThat(kebab(n.getClass().getSimpleName())).isEqualTo(file);
        assertThat(n.method()).isEqualTo(golden.get("method").stringValue());
        assertThat(ProtocolJson.tree(n.toMessage().toJson())).isEqualTo(golden);
    }

    @ParameterizedTest
    @MethodSource("requestFiles")
    void everyServerRequestRoundTrips(String file) {
        JsonNode golden = Golden.tree("server-requests/" + file + ".json");
        JsonRpcMessage message = JsonRpcMessage.fromTree(golden);
        ServerRequest r = ServerRequest.decode((JsonRpcMessage.Request) message);
        assertThat(r).isNotInstanceOf(ServerRequest.Unknown.class);
        assertThat(kebab(r.getClass().getSimpleName())).isEqualTo(file);
        assertThat(r.threadId()).isEqualTo("thr_1");
        assertThat(ProtocolJson.tree(r.toMessage().toJson())).isEqualTo(golden);
    }

    @Test
    void typedNotificationsWriteTheirMethod() {
        ServerNotification n = new ServerNotification.TurnDiffUpdated("t", "u", "d");
        assertThat(n.toMessage().toJson())
                .isEqualTo("{\"method\":\"turn/diff/updated\",\"params\":{\"threadId\":\"t\",\"turnId\":\"u\",\"diff\":\"d\"}}");
    }

    @Test
    void unknownNotificationsAndRequestsAreKeptRaw() {
        JsonNode params = ProtocolJson.tree("{\"threadId\":\"thr_9\",\"x\":1}");
        assertThat(ServerNotification.decode("thread/closed", params))
                .isEqualTo(new ServerNotification.Unknown("thread/closed", params));
        ServerRequest r = ServerRequest.decode(new JsonRpcMessage.Request(RequestId.of(4), "item/tool/call", params));
        assertThat(r).isEqualTo(new ServerRequest.Unknown(RequestId.of(4), "item/tool/call", params));
        assertThat(r.threadId()).isEqualTo("thr_9");
        ServerRequest legacy = ServerRequest.decode(new JsonRpcMessage.Request(RequestId.of(5), "execCommandApproval",
                ProtocolJson.tree("{\"conversationId\":\"conv\"}")));
        assertThat(legacy.threadId()).isEqualTo("conv");
        assertThat(legacy.toMessage().method()).isEqualTo("execCommandApproval");
    }

    @Test
    void malformedParamsOfAModelledNotificationAreRejectedWithTheMethodName() {
        assertThatThrownBy(() -> ServerNotification.decode("turn/completed",
                ProtocolJson.tree("{\"threadId\":\"t\",\"turn\":{\"id\":\"x\",\"status\":\"weird\"}}")))
                .isInstanceOf(AppServerProtocolException.class)
                .hasMessageContaining("turn/completed");
        assertThatThrownBy(() -> ServerNotification.decode("turn/completed", null))
                .isInstanceOf(AppServerProtocolException.class);
    }

    @Test
    void methodsTableNamesEveryModelledNotification() {
        List<String> methods = Stream.of(ServerNotification.class.getPermittedSubclasses())
                .filter(c -> c != ServerNotification.Unknown.class)
                .map(c -> Golden.tree("notifications/" + kebab(c.getSimpleName()) + ".json").get("method").stringValue())
                .toList();
        assertThat(methods).doesNotHaveDuplicates().hasSize(ServerNotification.class.getPermittedSubclasses().length - 1);
    }
}
