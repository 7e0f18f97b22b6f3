package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.sandbox.LandlockRules.PathRule;
import dev.jcodex.sandbox.LandlockRules.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandlockRulesTest {

    private static final int ABI = 7;
    private static final long DIR = Landlock.writableDirRights(ABI);
    private static final long FILE = Landlock.writableFileRights(ABI);

    @TempDir Path tmp;

    @Test
    void everyPlanReadsEverywhereAndWritesTheDevices() {
        List<PathRule> rules = LandlockRules.plan(List.of(), ABI);
        assertThat(rules.getFirst()).isEqualTo(new PathRule(Path.of("/"), Target.DIRECTORY, Landlock.READ_RIGHTS));
        assertThat(rules).extracting(PathRule::path).contains(Path.of("/dev/null"), Path.of("/dev/tty"),
                Path.of("/dev/pts"));
        assertThat(rules).allSatisfy(rule -> assertThat(rule.access() & Landlock.REMOVE_FILE).isZero());
    }

    @Test
    void aRootWithoutReadOnlyPathsGetsOneRule() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        assertThat(writableRules(List.of(new WritableRoot(root, List.of()))))
                .containsExactly(new PathRule(root, Target.DIRECTORY, DIR));
    }

    @Test
    void aRootWithReadOnlyPathsIsGrantedChildByChildSkippingThemAndSymlinks() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        Files.createDirectories(root.resolve(".git/hooks"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("README.md"), "hi");
        Files.createSymbolicLink(root.resolve("escape"), tmp);
        List<PathRule> rules = writableRules(List.of(new WritableRoot(root,
                List.of(root.resolve(".git"), root.resolve(".codex")))));
        assertThat(rules).containsExactly(
                new PathRule(root.resolve("README.md"), Target.FILE, FILE),
                new PathRule(root.resolve("src"), Target.DIRECTORY, DIR));
    }

    @Test
    void aReadOnlyPathDeeperDownSplitsEveryDirectoryOnTheWay() throws Exception {
        Path outer = Files.createDirectories(tmp.resolve("outer")).toRealPath();
        Path inner = Files.createDirectories(outer.resolve("a/inner"));
        Files.createDirectories(inner.resolve(".git"));
        Files.createDirectories(inner.resolve("lib"));
        Files.createDirectories(outer.resolve("b"));
        List<PathRule> rules = writableRules(List.of(new WritableRoot(outer, List.of()),
                new WritableRoot(inner, List.of(inner.resolve(".git")))));
        assertThat(rules).containsExactly(
                new PathRule(inner.resolve("lib"), Target.DIRECTORY, DIR),
                new PathRule(outer.resolve("b"), Target.DIRECTORY, DIR));
    }

    @Test
    void missingRootsGetNothingAndOlderAbisGetOlderRights() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        assertThat(writableRules(List.of(new WritableRoot(tmp.resolve("missing"), List.of())))).isEmpty();
        List<PathRule> abi1 = LandlockRules.plan(List.of(new WritableRoot(root, List.of())), 1);
        assertThat(abi1.getLast()).isEqualTo(new PathRule(root, Target.DIRECTORY, Landlock.writableDirRights(1)));
        assertThat(abi1.getLast().access() & (Landlock.REFER | Landlock.TRUNCATE | Landlock.IOCTL_DEV)).isZero();
    }

    private static List<PathRule> writableRules(List<WritableRoot> roots) {
        int fixed = LandlockRules.plan(List.of(), ABI).size();
        List<PathRule> all = LandlockRules.plan(roots, ABI);
        return all.subList(fixed, all.size());
    }
}
