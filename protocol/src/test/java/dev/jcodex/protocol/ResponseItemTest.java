package dev.jcodex.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseItemTest {

    @Test
    void reasoningWritesContentNullExplicitly() {
        var r = new ResponseItem.Reasoning("rs_1", List.of(ResponseItem.SummaryText.of("x")), null, "enc");
        assertThat(ProtocolJson.write(r)).isEqualTo(
                "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"x\"}],"
                        + "\"content\":null,\"encrypted_content\":\"enc\"}");
    }

    @Test
    void unknownItemTypesReadAsOther() {
        ResponseItem item = ProtocolJson.read("{\"type\":\"image_generation_call\",\"result\":\"x\"}", ResponseItem.class);
        assertThat(item).isEqualTo(new ResponseItem.Other());
    }

    @Test
    void functionOutputWithContentItemsIsAnArray() {
        var out = new ResponseItem.FunctionCallOutput(null, "c1", FunctionCallOutputPayload.items(List.of(
                new ContentItem.InputText("see"), new ContentItem.InputImage("data:image/png;base64,AA", "high"))));
        String json = ProtocolJson.write(out);
        assertThat(json).isEqualTo("{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":["
                + "{\"type\":\"input_text\",\"text\":\"see\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,AA\",\"detail\":\"high\"}]}");
        assertThat(ProtocolJson.read(json, ResponseItem.class)).isEqualTo(out);
    }

    @Test
    void enumsUseWireSpellingsAndRejectUnknownValuesClearly() {
        assertThat(ProtocolJson.write(AskForApproval.ON_REQUEST)).isEqualTo("\"on-request\"");
        assertThat(ProtocolJson.write(SandboxMode.WORKSPACE_WRITE)).isEqualTo("\"workspace-write\"");
        assertThat(ProtocolJson.write(ReviewDecision.APPROVED_FOR_SESSION)).isEqualTo("\"approved_for_session\"");
        assertThatThrownBy(() -> SandboxMode.fromWire("full"))
                .hasMessage("invalid value 'full' (expected one of: read-only, workspace-write, danger-full-access)");
    }

    @Test
    void sandboxPolicyIsTaggedByMode() {
        var p = new SandboxPolicy.WorkspaceWrite(List.of("/x"), false, false, false);
        String json = ProtocolJson.write(p);
        assertThat(json).isEqualTo("{\"type\":\"workspace-write\",\"writable_roots\":[\"/x\"],\"network_access\":false,"
                + "\"exclude_tmpdir_env_var\":false,\"exclude_slash_tmp\":false}");
        assertThat(ProtocolJson.read(json, SandboxPolicy.class)).isEqualTo(p);
        assertThat(p.mode()).isEqualTo(SandboxMode.WORKSPACE_WRITE);
    }
}
