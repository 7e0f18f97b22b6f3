package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.sandbox.LandlockRules.PathRule;
import dev.jcodex.sandbox.LandlockRules.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPlanTest {

    private static final int ABI = 7;

    @TempDir Path tmp;
    private Path cwd;

    @BeforeEach
    void setUp() throws Exception {
        cwd = Files.createDirectories(tmp.resolve("project")).toRealPath();
    }

    @Test
    void existingProtectedPathsAreSealedAndTheMissingCodexIsToBeCreated() throws Exception {
        Files.createDirectories(cwd.resolve(".git"));
        WritableRoot root = new WritableRoot(cwd, List.of(cwd.resolve(".git"), cwd.resolve(".codex")));
        assertThat(MountPlan.of(List.of(root), cwd)).isEqualTo(new MountPlan(Optional.of(cwd.resolve(".codex")),
                List.of(), List.of(cwd.resolve(".codex"), cwd.resolve(".git")), List.of()));
        assertThat(cwd.resolve(".codex")).as("planning creates nothing").doesNotExist();
    }

    @Test
    void aGitFileIsSealedAndAGitdirOutsideEveryRootIsLeftAlone() throws Exception {
        Files.writeString(cwd.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
        Files.createDirectories(cwd.resolve(".codex"));
        WritableRoot root = new WritableRoot(cwd, List.of(cwd.resolve(".git"), Path.of("/elsewhere/.git/worktrees/x"),
                cwd.resolve(".codex")));
        assertThat(MountPlan.of(List.of(root), cwd)).isEqualTo(new MountPlan(Optional.empty(), List.of(),
                List.of(cwd.resolve(".codex"), cwd.resolve(".git")), List.of()));
    }

    @Test
    void symlinksAreLeftToTheSplitRulesAndPathsInsideASealAreNotSealedAgain() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real-agents"));
        Files.createSymbolicLink(cwd.resolve(".agents"), real);
        Files.createDirectories(cwd.resolve(".git/worktrees/x"));
        WritableRoot root = new WritableRoot(cwd, List.of(cwd.resolve(".git"), cwd.resolve(".git/worktrees/x"),
                cwd.resolve(".agents"), cwd.resolve(".codex")));
        MountPlan plan = MountPlan.of(List.of(root), cwd);
        assertThat(plan.seals()).containsExactly(cwd.resolve(".codex"), cwd.resolve(".git"));
        assertThat(plan.unsealed()).containsExactly(cwd.resolve(".agents"));
    }

    @Test
    void directoriesBetweenAnEnclosingRootAndASealArePinnedOuterFirst() throws Exception {
        Path project = Files.createDirectories(cwd.resolve("a/b/inner")).toRealPath();
        Files.createDirectories(project.resolve(".git"));
        List<WritableRoot> roots = List.of(new WritableRoot(cwd, List.of()),
                new WritableRoot(project, List.of(project.resolve(".git"), project.resolve(".codex"))));
        MountPlan plan = MountPlan.of(roots, project);
        assertThat(plan.pins()).containsExactly(cwd.resolve("a"), cwd.resolve("a/b"), project);
        assertThat(plan.seals()).containsExactly(project.resolve(".codex"), project.resolve(".git"));
    }

    @Test
    void sealedPathsNeedNoSplitButAreStillNeverGrantedThemselves() throws Exception {
        Files.createDirectories(cwd.resolve(".git"));
        Files.createDirectories(cwd.resolve("src"));
        Path link = Files.createSymbolicLink(cwd.resolve(".agents"), tmp);
        List<WritableRoot> roots = List.of(new WritableRoot(cwd, List.of(cwd.resolve(".git"), cwd.resolve(".codex"))));
        Set<Path> sealed = MountPlan.covered(roots, Set.of(cwd.resolve(".git"), cwd.resolve(".codex")));
        assertThat(writableRules(roots, sealed)).containsExactly(
                new PathRule(cwd, Target.DIRECTORY, Landlock.writableDirRights(ABI)));
        List<WritableRoot> withSymlink = List.of(new WritableRoot(cwd,
                List.of(cwd.resolve(".git"), cwd.resolve(".codex"), link)));
        assertThat(writableRules(withSymlink, sealed)).containsExactly(
                new PathRule(cwd.resolve("src"), Target.DIRECTORY, Landlock.writableDirRights(ABI)));
    }

    @Test
    void theEffectiveCapabilityIsReadFromProcStatus() {
        String status = "Name:\tjava\nCapPrm:\t000001ffffffffff\nCapEff:\t0000000000200000\nCapBnd:\t0\n";
        assertThat(MountNamespace.hasEffectiveCapability(status, MountNamespace.CAP_SYS_ADMIN)).isTrue();
        assertThat(MountNamespace.hasEffectiveCapability(status, 12)).isFalse();
        assertThat(MountNamespace.hasEffectiveCapability("Name:\tx\n", MountNamespace.CAP_SYS_ADMIN)).isFalse();
    }

    private static List<PathRule> writableRules(List<WritableRoot> roots, Set<Path> sealed) {
        int fixed = LandlockRules.plan(List.of(), ABI).size();
        List<PathRule> all = LandlockRules.plan(roots, ABI, sealed);
        return all.subList(fixed, all.size());
    }
}
