package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.FunctionCallOutputPayload;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatRequestBuilderTest {
    private static final JsonNode FUNCTION_TOOL = ProtocolJson.tree("{\"type\":\"function\",\"name\":\"shell\","
            + "\"description\":\"Runs a command\",\"strict\":false,\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"command\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
            + "\"required\":[\"command\"]}}");
    private static final JsonNode CUSTOM_TOOL = ProtocolJson.tree("{\"type\":\"custom\",\"name\":\"apply_patch\","
            + "\"description\":\"Edit files.\",\"format\":{\"type\":\"grammar\",\"syntax\":\"lark\","
            + "\"definition\":\"start: begin_patch\"}}");
    private static final JsonNode WEB_SEARCH = ProtocolJson.tree("{\"type\":\"web_search\"}");

    @Test
    void mapsHistoryToChatMessages() {
        List<ResponseItem> history = List.of(
                ResponseItem.Message.text("developer", "Be brief."),
                ResponseItem.Message.text("user", "List files"),
                new ResponseItem.Reasoning("rs", List.of(ResponseItem.SummaryText.of("Need ls.")),
                        List.of(new ResponseItem.ReasoningContent("reasoning_text", "raw")), "enc"),
                ResponseItem.Message.text("assistant", "Running ls."),
                new ResponseItem.FunctionCall("completed", "fc", "shell", null, "{\"command\":[\"ls\"]}", "call_1"),
                new ResponseItem.CustomToolCall("ctc", "completed", "call_2", "apply_patch", "*** Begin Patch"),
                new ResponseItem.FunctionCallOutput(null, "call_1", FunctionCallOutputPayload.text("a.txt")),
                new ResponseItem.CustomToolCallOutput(null, "call_2", null, FunctionCallOutputPayload.failure("bad")),
                ResponseItem.Message.of("user", List.of(new ContentItem.InputText("look"),
                        new ContentItem.InputImage("data:image/png;base64,AA", null))),
                new ResponseItem.Compaction("opaque"));
        ResponsesRequest request = ResponsesRequest.builder(ModelCatalog.bundled().find("gpt-oss:20b"))
                .instructions("You are Codex.").input(history).tools(List.of(FUNCTION_TOOL, CUSTOM_TOOL, WEB_SEARCH))
                .build();

        ChatRequestBuilder.ChatBody chat = ChatRequestBuilder.build(request);

        assertThat(chat.body()).isEqualTo(ProtocolJson.tree("""
                {"model":"gpt-oss:20b","messages":[
                  {"role":"system","content":"You are Codex."},
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"List files"},
                  {"role":"assistant","content":"Running ls.","reasoning":"Need ls.\\nraw",
                   "tool_calls":[
                     {"id":"call_1","type":"function","function":{"name":"shell","arguments":"{\\"command\\":[\\"ls\\"]}"}},
                     {"id":"call_2","type":"function","function":{"name":"apply_patch",
                      "arguments":"{\\"input\\":\\"*** Begin Patch\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"a.txt"},
                  {"role":"tool","tool_call_id":"call_2","content":"bad"},
                  {"role":"user","content":[{"type":"text","text":"look"},
                    {"type":"image_url","image_url":{"url":"data:image/png;base64,AA"}}]}],
                 "stream":true,"stream_options":{"include_usage":true},
                 "tools":[
                   {"type":"function","function":{"name":"shell","description":"Runs a command",
                    "parameters":{"type":"object","properties":{"command":{"type":"array","items":{"type":"string"}}},
                    "required":["command"]},"strict":false}},
                   {"type":"function","function":{"name":"apply_patch",
                    "description":"Edit files.\\n\\nThe input must follow this lark grammar:\\nstart: begin_patch",
                    "parameters":{"type":"object","properties":{"input":{"type":"string",
                    "description":"The raw input of the tool."}},"required":["input"],"additionalProperties":false}}}],
                 "tool_choice":"auto","parallel_tool_calls":false}
                """));
        assertThat(chat.customToolNames()).containsExactly("apply_patch");
    }

    @Test
    void toolCallsWithoutAPrecedingAssistantMessageGetTheirOwnAndOutputsCloseThem() {
        List<ResponseItem> history = List.of(
                new ResponseItem.FunctionCall(null, null, "shell", null, "{}", "c1"),
                new ResponseItem.FunctionCallOutput(null, "c1", FunctionCallOutputPayload.text("1")),
                new ResponseItem.FunctionCall(null, null, "shell", null, "{}", "c2"),
                new ResponseItem.FunctionCallOutput(null, "c2", FunctionCallOutputPayload.text("2")));

        JsonNode messages = ChatRequestBuilder.build(ResponsesRequest.builder(ModelInfo.fallback("m"))
                .input(history).build()).body().get("messages");

        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("content").isNull()).isTrue();
        assertThat(messages.get(0).get("tool_calls")).hasSize(1);
        assertThat(messages.get(2).get("tool_calls").get(0).get("id").asString()).isEqualTo("c2");
    }

    @Test
    void outputSchemaBecomesResponseFormatAndNoToolsMeansNoToolChoice() {
        JsonNode schema = ProtocolJson.tree("{\"type\":\"object\"}");

        JsonNode body = ChatRequestBuilder.build(ResponsesRequest.builder(ModelInfo.fallback("m"))
                .outputSchema(schema).build()).body();

        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        assertThat(body.get("response_format")).isEqualTo(ProtocolJson.tree("{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"codex_output_schema\",\"strict\":true,\"schema\":{\"type\":\"object\"}}}"));
    }
}
