package dev.jcodex.core;

import static dev.jcodex.core.CoreHarness.untilTurnEnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.UserInput;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the first request carries: AGENTS.md layering, developer instructions, images, output schema. */
class PromptAssemblyTest {
    CoreHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new CoreHarness();
        h.mock.enqueue(MockResponse.sse().message("ok").build());
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private JsonNode firstRequest(Op op) throws Exception {
        CodexThread thread = h.start();
        thread.submit(op);
        untilTurnEnd(thread);
        return h.mock.modelRequests().getFirst().bodyJson();
    }

    @Test
    void agentsMdFromGlobalRootAndCwdAreLayeredIntoTheUserContextMessage() throws Exception {
        Files.createDirectories(h.workdir.resolve(".git"));
        Path sub = Files.createDirectories(h.workdir.resolve("pkg"));
        Files.writeString(h.home.path().resolve("AGENTS.md"), "global rule\n");
        Files.writeString(h.workdir.resolve("AGENTS.md"), "root rule\n");
        Files.writeString(sub.resolve("AGENTS.override.md"), "override rule\n");
        Files.writeString(sub.resolve("AGENTS.md"), "ignored because the override exists\n");
        CodexThread thread = h.manager.start(h.config(b -> b.cwd(sub)), new ThreadOptions(true, "exec"));
        thread.submit(CoreHarness.prompt("hi"));
        untilTurnEnd(thread);
        JsonNode userContext = h.mock.modelRequests().getFirst().bodyJson().path("input").get(2);
        String docs = userContext.path("content").get(0).path("text").asString();
        assertThat(docs).startsWith("# AGENTS.md instructions for " + sub + "\n\n<INSTRUCTIONS>\n")
                .contains("global rule\n\n--- project-doc ---\n\nroot rule\n\n\noverride rule")
                .doesNotContain("ignored because");
        assertThat(userContext.path("content").get(1).path("text").asString()).startsWith("<environment_context>");
    }

    @Test
    void developerInstructionsFollowThePermissionsText() throws Exception {
        h.override("developer_instructions=\"Always answer in French.\"");
        JsonNode developer = firstRequest(CoreHarness.prompt("hi")).path("input").get(1);
        assertThat(developer.path("content").get(1).path("text").asString()).isEqualTo("Always answer in French.");
    }

    @Test
    void localImagesAreSentAsDataUrls() throws Exception {
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                + "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        Files.write(h.workdir.resolve("pixel.png"), png);
        JsonNode prompt = firstRequest(new Op.UserTurn(List.of(new UserInput.LocalImage("pixel.png"),
                new UserInput.Text("what is this?")), Op.TurnOverrides.NONE)).path("input").get(3);
        assertThat(prompt.path("content").get(0).path("type").asString()).isEqualTo("input_image");
        assertThat(prompt.path("content").get(0).path("image_url").asString())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        assertThat(prompt.path("content").get(1).path("text").asString()).isEqualTo("what is this?");
    }

    @Test
    void unreadableImageBecomesANoteInsteadOfFailingTheTurn() throws Exception {
        Files.writeString(h.workdir.resolve("notes.txt"), "not an image");
        JsonNode prompt = firstRequest(new Op.UserTurn(List.of(new UserInput.LocalImage("notes.txt")),
                Op.TurnOverrides.NONE)).path("input").get(3);
        assertThat(prompt.path("content").get(0).path("text").asString())
                .isEqualTo("[image notes.txt was not attached: it is not a PNG, JPEG, GIF or WebP image]");
    }

    @Test
    void outputSchemaBecomesStrictTextFormat() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"}},"
                + "\"required\":[\"summary\"],\"additionalProperties\":false}";
        JsonNode body = firstRequest(new Op.UserTurn(List.of(new UserInput.Text("summarise")),
                new Op.TurnOverrides(null, null, null, null, null, null, schema)));
        JsonNode format = body.path("text").path("format");
        assertThat(format.path("type").asString()).isEqualTo("json_schema");
        assertThat(format.path("name").asString()).isEqualTo("codex_output_schema");
        assertThat(format.path("strict").asBoolean()).isTrue();
        assertThat(format.path("schema").path("required").get(0).asString()).isEqualTo("summary");
    }

    @Test
    void baseInstructionsCanBeReplacedByConfig() throws Exception {
        CodexThread thread = h.manager.start(h.config(b -> b.baseInstructions("You are a terse test agent.")),
                new ThreadOptions(true, "exec"));
        thread.submit(CoreHarness.prompt("hi"));
        untilTurnEnd(thread);
        JsonNode first = h.mock.modelRequests().getFirst().bodyJson().path("input").get(0);
        assertThat(first.path("role").asString()).isEqualTo("developer");
        assertThat(first.path("content").get(0).path("text").asString()).isEqualTo("You are a terse test agent.");
    }
}
