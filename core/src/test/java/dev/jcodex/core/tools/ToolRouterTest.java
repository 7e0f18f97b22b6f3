package dev.jcodex.core.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolRouterTest {

    private static ToolHandler handler(String name) {
        return new ToolHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JsonNode spec() {
                return ProtocolJson.tree("{\"type\":\"function\",\"name\":\"" + name + "\"}");
            }

            @Override
            public ToolResult handle(ToolInvocation invocation) {
                return ToolResult.ok(name + " ran");
            }
        };
    }

    @Test
    void offersOnlyRegisteredHandlers() {
        ToolRouter router = new ToolRouter().register(handler("exec_command"))
                .registerProviderTool(ProtocolJson.tree("{\"type\":\"web_search\"}"));
        assertThat(router.offers("exec_command")).isTrue();
        assertThat(router.offers("shell")).isFalse();
        assertThat(router.offers("web_search")).as("provider tools have no local handler").isFalse();
        assertThat(router.specs()).hasSize(2);
    }

    @Test
    void aCallToAToolThatWasNotOfferedIsAnsweredUnsupported() throws InterruptedException {
        ToolRouter router = new ToolRouter().register(handler("exec_command"));
        ResponseItem out = router.dispatch(new ResponseItem.FunctionCall(null, null, "shell", null, "{}", "call_1"), null);
        assertThat(ProtocolJson.write(out)).contains("unsupported call: shell").contains("call_1");
    }
}
