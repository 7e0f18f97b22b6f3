package dev.jcodex.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.process.EnvPolicy.DefaultExcludes;
import dev.jcodex.process.EnvPolicy.Inherit;
import dev.jcodex.process.ExecEnvironment.SandboxMarker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvPolicyTest {

    private static final Map<String, String> PARENT = Map.of(
            "PATH", "/usr/bin",
            "HOME", "/home/user",
            "LANG", "C.UTF-8",
            "TERM", "xterm",
            "OPENAI_API_KEY", "sk-secret",
            "github_token", "ghp",
            "MY_SECRET_VALUE", "s",
            "FOO", "bar");

    @Test
    void defaultsInheritAllButFilterSecrets() {
        assertThat(EnvPolicy.defaults().apply(PARENT)).isEqualTo(Map.of(
                "PATH", "/usr/bin", "HOME", "/home/user", "LANG", "C.UTF-8", "TERM", "xterm", "FOO", "bar"));
    }

    @Test
    void ignoringDefaultExcludesPassesSecretsThroughLikeTheReference() {
        EnvPolicy policy = new EnvPolicy(Inherit.ALL, DefaultExcludes.IGNORE, List.of(), Map.of(), List.of());

        assertThat(policy.apply(PARENT)).isEqualTo(PARENT);
    }

    @Test
    void coreKeepsOnlyTheCoreVariables() {
        EnvPolicy policy = new EnvPolicy(Inherit.CORE, DefaultExcludes.IGNORE, List.of(), Map.of(), List.of());

        assertThat(policy.apply(PARENT)).isEqualTo(Map.of("PATH", "/usr/bin", "HOME", "/home/user", "LANG", "C.UTF-8"));
    }

    @Test
    void noneStartsEmptyAndSetAddsVariables() {
        EnvPolicy policy = new EnvPolicy(Inherit.NONE, DefaultExcludes.APPLY, List.of(), Map.of("ONLY", "yes"),
                List.of());

        assertThat(policy.apply(PARENT)).isEqualTo(Map.of("ONLY", "yes"));
    }

    @Test
    void setOverridesAndSurvivesTheDefaultFilter() {
        EnvPolicy policy = new EnvPolicy(Inherit.NONE, DefaultExcludes.APPLY, List.of(),
                Map.of("DEPLOY_TOKEN", "explicit", "PATH", "/opt/bin"), List.of());

        assertThat(policy.apply(PARENT)).isEqualTo(Map.of("DEPLOY_TOKEN", "explicit", "PATH", "/opt/bin"));
    }

    @Test
    void excludePatternsAreCaseInsensitiveGlobs() {
        EnvPolicy policy = new EnvPolicy(Inherit.ALL, DefaultExcludes.IGNORE, List.of("f?o", "*_api_*", "te*"),
                Map.of(), List.of());

        assertThat(policy.apply(PARENT)).containsOnlyKeys("PATH", "HOME", "LANG", "github_token", "MY_SECRET_VALUE");
    }

    @Test
    void includeOnlyRunsLastAndCanDropSetVariables() {
        EnvPolicy policy = new EnvPolicy(Inherit.ALL, DefaultExcludes.IGNORE, List.of(), Map.of("EXTRA", "1"),
                List.of("*PATH", "home"));

        assertThat(policy.apply(PARENT)).isEqualTo(Map.of("PATH", "/usr/bin", "HOME", "/home/user"));
    }

    @Test
    void globMatching() {
        assertThat(EnvPolicy.globMatches("*KEY*", "openai_api_key")).isTrue();
        assertThat(EnvPolicy.globMatches("*KEY*", "KEY")).isTrue();
        assertThat(EnvPolicy.globMatches("*KEY*", "KE")).isFalse();
        assertThat(EnvPolicy.globMatches("A?C", "abc")).isTrue();
        assertThat(EnvPolicy.globMatches("A?C", "ac")).isFalse();
        assertThat(EnvPolicy.globMatches("*", "")).isTrue();
        assertThat(EnvPolicy.globMatches("a*b*c", "axxbyyc")).isTrue();
        assertThat(EnvPolicy.globMatches("a*b*c", "axxbyy")).isFalse();
    }

    @Test
    void execEnvironmentAddsThreadIdAndSandboxMarkers() {
        Map<String, String> env = ExecEnvironment.create(EnvPolicy.defaults(), Map.of("PATH", "/bin", "X_TOKEN", "t"),
                "thread-1", Set.of(SandboxMarker.NETWORK_DISABLED));

        assertThat(env).isEqualTo(Map.of("PATH", "/bin", "CODEX_THREAD_ID", "thread-1",
                "CODEX_SANDBOX_NETWORK_DISABLED", "1"));
        assertThat(ExecEnvironment.create(EnvPolicy.defaults(), Map.of(), "t", Set.of(SandboxMarker.SEATBELT)))
                .isEqualTo(Map.of("CODEX_THREAD_ID", "t", "CODEX_SANDBOX", "seatbelt"));
    }

    @Test
    void threadIdIsSetEvenWhenIncludeOnlyWouldDropIt() {
        EnvPolicy policy = new EnvPolicy(Inherit.ALL, DefaultExcludes.APPLY, List.of(), Map.of(), List.of("PATH"));

        assertThat(ExecEnvironment.create(policy, Map.of("PATH", "/bin", "FOO", "x"), "abc", Set.of()))
                .isEqualTo(Map.of("PATH", "/bin", "CODEX_THREAD_ID", "abc"));
    }
}
