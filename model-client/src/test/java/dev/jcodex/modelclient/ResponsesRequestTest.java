package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.FunctionCallOutputPayload;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.Verbosity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Request bodies against the reference captures and our own golden file. */
class ResponsesRequestTest {
    private final ModelInfo gpt55 = ModelCatalog.bundled().find("gpt-5.5");

    @Test
    void rebuildsTheCapturedShellEchoBodyExactly() {
        JsonNode capture = ProtocolJson.tree(TestSupport.resource("golden/capture-b_shell_echo-last-body.json"));
        List<ResponseItem> input = new ArrayList<>();
        capture.get("input").forEach(i -> input.add(ProtocolJson.mapper().treeToValue(i, ResponseItem.class)));
        List<JsonNode> tools = new ArrayList<>();
        capture.get("tools").forEach(tools::add);
        Map<String, String> metadata = new LinkedHashMap<>();
        capture.get("client_metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));

        ResponsesRequest request = ResponsesRequest.builder(gpt55).input(input).tools(tools)
                .promptCacheKey(capture.get("prompt_cache_key").asString()).clientMetadata(metadata).build();

        assertThat(ProtocolJson.tree(request.toJson())).isEqualTo(capture);
    }

    @Test
    void outputSchemaBecomesStrictJsonSchemaFormatNextToVerbosity() {
        JsonNode captured = ProtocolJson.tree(TestSupport.resource("golden/capture-f_output_schema-text.json"));

        ResponsesRequest request = ResponsesRequest.builder(gpt55).outputSchema(captured.at("/format/schema"))
                .build();

        assertThat(ProtocolJson.tree(ProtocolJson.write(request.text()))).isEqualTo(captured);
    }

    @Test
    void goldenBodyFromAFixedInput() {
        List<ResponseItem> input = List.of(
                ResponseItem.Message.text("developer", "You are Codex."),
                ResponseItem.Message.of("user", List.of(new ContentItem.InputText("<image>"),
                        new ContentItem.InputImage("data:image/png;base64,AAAA", "high"),
                        new ContentItem.InputText("</image>"))),
                new ResponseItem.Reasoning("rs_1", List.of(ResponseItem.SummaryText.of("Thinking.")), null, "ZW5j"),
                new ResponseItem.FunctionCall(null, null, "shell_command", null, "{\"command\":\"ls\"}", "call_1"),
                new ResponseItem.FunctionCallOutput(null, "call_1", FunctionCallOutputPayload.text("a\nb\n")),
                new ResponseItem.CustomToolCall(null, null, "call_2", "apply_patch", "*** Begin Patch\n*** End Patch"),
                new ResponseItem.CustomToolCallOutput(null, "call_2", null, FunctionCallOutputPayload.text("Done")));
        JsonNode tool = ProtocolJson.tree("{\"type\":\"function\",\"name\":\"shell_command\",\"description\":\"Run\","
                + "\"strict\":false,\"parameters\":{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},"
                + "\"required\":[\"command\"],\"additionalProperties\":false}}");

        ResponsesRequest request = ResponsesRequest.builder(gpt55).instructions("Base instructions.").input(input)
                .tools(List.of(tool)).reasoningEffort(ReasoningEffort.HIGH).reasoningSummary(ReasoningSummary.AUTO)
                .verbosity(Verbosity.MEDIUM).serviceTier("priority").promptCacheKey("thread-1")
                .clientMetadata(Map.of("x-codex-installation-id", "inst-1")).build();

        TestSupport.assertGolden("golden/request-gpt55-fixed.json", request.toJson() + "\n");
    }

    @Test
    void modelsWithoutReasoningSummariesSendNullReasoningAndNoInclude() {
        ResponsesRequest request = ResponsesRequest.builder(ModelInfo.fallback("my-local-model"))
                .verbosity(Verbosity.HIGH).build();

        JsonNode json = ProtocolJson.tree(request.toJson());

        assertThat(json.has("reasoning")).isTrue();
        assertThat(json.get("reasoning").isNull()).isTrue();
        assertThat(json.get("include")).isEmpty();
        assertThat(json.has("text")).isFalse();
        assertThat(json.has("instructions")).isFalse();
        assertThat(json.get("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(json.get("stream").asBoolean()).isTrue();
        assertThat(json.get("store").asBoolean()).isFalse();
        assertThat(json.get("tool_choice").asString()).isEqualTo("auto");
    }

    @Test
    void gpt55DefaultsMatchTheCapture() {
        ResponsesRequest request = ResponsesRequest.builder(gpt55).build();

        assertThat(request.reasoning()).isEqualTo(new ResponsesRequest.Reasoning(ReasoningEffort.MEDIUM, null));
        assertThat(request.include()).containsExactly("reasoning.encrypted_content");
        assertThat(request.text()).isEqualTo(new ResponsesRequest.TextControls(Verbosity.LOW, null));
        assertThat(request.parallelToolCalls()).isTrue();
        assertThat(ProtocolJson.write(request.reasoning())).isEqualTo("{\"effort\":\"medium\"}");
    }

    @Test
    void nullToolsAreLeftOutForLiteModels() {
        assertThat(ProtocolJson.tree(ResponsesRequest.builder(gpt55).tools(null).build().toJson()).has("tools"))
                .isFalse();
    }
}
