package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOverrideTest {

    @Test
    void bareWordAndQuotedStringAreTheSameString() {
        assertThat(ConfigOverride.parse("model=o3")).isEqualTo(new ConfigOverride("model=o3", List.of("model"), "o3"));
        assertThat(ConfigOverride.parse("model=\"o3\"").value()).isEqualTo("o3");
        assertThat(ConfigOverride.parse("model='o3'").value()).isEqualTo("o3");
    }

    @Test
    void valuesAreParsedAsToml() {
        assertThat(ConfigOverride.parse("x=42").value()).isEqualTo(42L);
        assertThat(ConfigOverride.parse("x=1.5").value()).isEqualTo(1.5);
        assertThat(ConfigOverride.parse("x=true").value()).isEqualTo(true);
        assertThat(ConfigOverride.parse("x=[1,2]").value()).isEqualTo(List.of(1L, 2L));
        assertThat(ConfigOverride.parse("x={a=1}").value()).isEqualTo(Map.of("a", 1L));
        assertThat(ConfigOverride.parse("x=2024-01-02").value()).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void unparsableValueFallsBackToTheRawStringWithQuotesStripped() {
        assertThat(ConfigOverride.parse("model=gpt-5.1-codex").value()).isEqualTo("gpt-5.1-codex");
        assertThat(ConfigOverride.parse("x=\"unterminated").value()).isEqualTo("unterminated");
        assertThat(ConfigOverride.parse("x=").value()).isEqualTo("");
        assertThat(ConfigOverride.parse("x=a b").value()).isEqualTo("a b");
    }

    @Test
    void splitsOnTheFirstEqualsAndTrims() {
        ConfigOverride override = ConfigOverride.parse("  shell_environment_policy.set.A =  b=c ");
        assertThat(override.path()).containsExactly("shell_environment_policy", "set", "A");
        assertThat(override.value()).isEqualTo("b=c");
    }

    @Test
    void dottedKeysSplitOnEveryDot() {
        assertThat(ConfigOverride.parse("profiles.fast.model=o3").path()).containsExactly("profiles", "fast", "model");
        assertThat(ConfigOverride.parse("a.b.c=1").key()).isEqualTo("a.b.c");
    }

    @Test
    void useLegacyLandlockIsAnAlias() {
        assertThat(ConfigOverride.parse("use_legacy_landlock=true").path())
                .containsExactly("features", "use_legacy_landlock");
    }

    @Test
    void missingEqualsIsAnError() {
        assertThatThrownBy(() -> ConfigOverride.parse("model"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid override (missing '='): model");
    }

    @Test
    void emptyKeyIsAnError() {
        assertThatThrownBy(() -> ConfigOverride.parse(" =o3"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Empty key in override:  =o3");
    }

    @Test
    void aValueThatSmugglesASecondKeyIsAString() {
        assertThat(ConfigOverride.parse("x=1\ny=2").value()).isEqualTo("1\ny=2");
    }
}
