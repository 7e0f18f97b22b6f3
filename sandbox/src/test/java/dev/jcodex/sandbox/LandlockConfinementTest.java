package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandlockConfinementTest {

    @TempDir Path tmp;

    @Test
    void smoke() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve(".git/hooks"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("top.txt"), "top\n");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        var policy = new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true);
        var confinement = LandlockConfinement.forPolicy(policy, root, Map.of());
        ShellRun run = ShellRun.confined(confinement, root,
                "echo a > src/ok.txt; echo rc1=$?; echo b > " + outside + "/x.txt; echo rc2=$?;"
                        + " echo c > .git/hooks/pre-commit; echo rc3=$?; echo d >> top.txt; echo rc4=$?;"
                        + " echo e > new.txt; echo rc5=$?; echo f > /dev/null; echo rc6=$?;"
                        + " exec bash -c 'echo g > /dev/tcp/127.0.0.1/9; echo rc7=$?'");
        System.out.println(run);
        assertThat(LandlockConfinement.abiVersion()).isGreaterThan(0);
    }
}
