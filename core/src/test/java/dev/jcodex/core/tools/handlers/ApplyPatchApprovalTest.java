package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patch approvals (spec §5.5 step 3, §6.3): {@code approved_for_session} is remembered per file, so later patches
 * touching only those files are not asked about again, while {@code approved} approves one patch only; under
 * {@code never} a patch that would need asking is refused with the reference's words. (The fake turn fails the test
 * when asked with no queued answer.)
 */
class ApplyPatchApprovalTest {
    @TempDir
    Path tmp;

    private ExecFakeTurn turn;
    private ApplyPatchHandler handler;

    @BeforeEach
    void setUp() throws Exception {
        turn = ExecFakeTurn.in(tmp).policies(AskForApproval.UNTRUSTED, new SandboxPolicy.WorkspaceWrite(
                List.of(), false, true, true));
        handler = new ApplyPatchHandler(ApplyPatchHandler.Variant.FREEFORM, new TurnDiffTracker());
    }

    @AfterEach
    void tearDown() {
        turn.close();
    }

    private ToolResult.Text apply(String callId, String hunks) throws InterruptedException {
        return (ToolResult.Text) handler.applyPatch(callId, "*** Begin Patch\n" + hunks + "*** End Patch\n",
                turn.cwd(), turn);
    }

    @Test
    void approvedForSessionCoversLaterPatchesOfTheSameFilesOnly() throws Exception {
        turn.answer(ReviewDecision.APPROVED_FOR_SESSION);
        assertThat(apply("c1", "*** Add File: a.txt\n+one\n").success()).isTrue();

        assertThat(apply("c2", "*** Update File: a.txt\n@@\n-one\n+two\n").success()).as("not asked again").isTrue();
        assertThat(Files.readString(turn.cwd().resolve("a.txt"))).isEqualTo("two\n");

        turn.answer(ReviewDecision.DENIED);
        ToolResult.Text both = apply("c3", "*** Update File: a.txt\n@@\n-two\n+three\n*** Add File: b.txt\n+b\n");
        assertThat(both.text()).isEqualTo("patch rejected by user");
        assertThat(Files.readString(turn.cwd().resolve("a.txt"))).isEqualTo("two\n");
        assertThat(turn.cwd().resolve("b.txt")).doesNotExist();
    }

    @Test
    void approvedOnceIsAskedAgain() throws Exception {
        turn.answer(ReviewDecision.APPROVED);
        assertThat(apply("c1", "*** Add File: a.txt\n+one\n").success()).isTrue();

        turn.answer(ReviewDecision.DENIED);
        assertThat(apply("c2", "*** Update File: a.txt\n@@\n-one\n+two\n").text()).isEqualTo("patch rejected by user");
        assertThat(Files.readString(turn.cwd().resolve("a.txt"))).isEqualTo("one\n");
    }

    @Test
    void neverRefusesWritesOutsideTheProjectWithTheReferenceWords() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true));

        assertThat(apply("c1", "*** Add File: " + outside.resolve("x.txt") + "\n+x\n").text())
                .isEqualTo("patch rejected: writing outside of the project; rejected by user approval settings");
        assertThat(outside.resolve("x.txt")).doesNotExist();
        assertThat(apply("c2", "*** Add File: inside.txt\n+x\n").success()).as("inside: no question").isTrue();
    }

    @Test
    void neverUnderReadOnlyRefusesEveryWriteWithTheReferenceWords() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.ReadOnly());

        assertThat(apply("c1", "*** Add File: inside.txt\n+x\n").text())
                .isEqualTo("patch rejected: writing is blocked by read-only sandbox; rejected by user approval settings");
        assertThat(turn.cwd().resolve("inside.txt")).doesNotExist();
    }

    @Test
    void slashTmpIsAWritableRootUnlessExcluded() throws Exception {
        assumeTrue(tmp.toRealPath().startsWith("/tmp"), "the temp dir is not under /tmp");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.WorkspaceWrite(List.of(), false, true, false));

        assertThat(apply("c1", "*** Add File: " + outside.resolve("x.txt") + "\n+x\n").success()).isTrue();
        assertThat(outside.resolve("x.txt")).hasContent("x");
    }

    @Test
    void aSymlinkLeadingOutOfTheWorkspaceIsOutside() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(turn.cwd().resolve("link"), outside);
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true));

        assertThat(apply("c1", "*** Add File: link/x.txt\n+x\n").text())
                .isEqualTo("patch rejected: writing outside of the project; rejected by user approval settings");
        assertThat(outside.resolve("x.txt")).doesNotExist();
    }

    @Test
    void protectedPathsInsideTheWorkspaceNeedApproval() throws Exception {
        Files.createDirectories(turn.cwd().resolve(".git"));
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true));

        assertThat(apply("c1", "*** Add File: .git/hooks/pre-commit\n+x\n").text())
                .isEqualTo("patch rejected: writing outside of the project; rejected by user approval settings");
        assertThat(apply("c2", "*** Add File: .codex/config.toml\n+x\n").text()).as("the cwd's .codex, even new")
                .isEqualTo("patch rejected: writing outside of the project; rejected by user approval settings");
    }
}
