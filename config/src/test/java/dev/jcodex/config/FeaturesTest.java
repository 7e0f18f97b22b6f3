package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesTest {

    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
    }

    @Test
    void defaultsFollowTheSpecTable() {
        Features features = fx.load().features();

        assertThat(features).isEqualTo(Features.defaults());
        assertThat(features.isEnabled(Feature.SHELL_TOOL)).isTrue();
        assertThat(features.isEnabled(Feature.UNIFIED_EXEC)).isTrue();
        assertThat(features.isEnabled(Feature.UNDO)).isFalse();
        assertThat(features.isEnabled(Feature.JS_REPL)).isFalse();
        assertThat(Feature.UNDO.stage()).isEqualTo(FeatureStage.STABLE);
        assertThat(Feature.WEB_SEARCH_REQUEST.stage()).isEqualTo(FeatureStage.DEPRECATED);
    }

    @Test
    void featuresTableThenProfileThenPins() {
        fx.userConfig("""
                [features]
                undo = true
                shell_snapshot = false
                memories = true
                [profiles.p.features]
                undo = false
                """);
        fx.requirements("[features]\nmemories = false\n");

        Features features = ConfigLoader.load(fx.request().profile("p").build()).features();

        assertThat(features.isEnabled(Feature.UNDO)).isFalse();
        assertThat(features.isEnabled(Feature.SHELL_SNAPSHOT)).isFalse();
        assertThat(features.isEnabled(Feature.MEMORIES)).isFalse();
    }

    @Test
    void enableAndDisableFlagsActLikeCliOverridesSoAProfileStillWins() {
        fx.userConfig("[profiles.p.features]\njs_repl = false\n");

        Config config = ConfigLoader.load(fx.request().profile("p").overrides(ConfigOverrides.builder()
                .enableFeature("undo").enableFeature("js_repl").disableFeature("shell_tool").build()).build());

        assertThat(config.features().isEnabled(Feature.UNDO)).isTrue();
        assertThat(config.features().isEnabled(Feature.JS_REPL)).isFalse();
        assertThat(config.features().isEnabled(Feature.SHELL_TOOL)).isFalse();
    }

    @Test
    void unknownEnableFlagIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(fx.request()
                .overrides(ConfigOverrides.builder().enableFeature("warp_drive").build()).build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown feature flag: warp_drive");
    }

    @Test
    void unknownFeatureKeyInConfigIsOnlyAWarning() {
        fx.userConfig("[features]\nwarp_drive = true\n");

        Config config = fx.load();

        assertThat(config.diagnostics().warnings()).anyMatch(w -> w.startsWith("unknown feature key in config:"
                + " warp_drive"));
        assertThat(config.diagnostics().unknownKeys()).isEmpty();
    }

    @Test
    void legacyKeysMapToTheirFeaturesWithADeprecationNote() {
        fx.userConfig("experimental_use_unified_exec_tool = false\n[features]\nconnectors = false\n");

        Config config = fx.load();

        assertThat(config.features().isEnabled(Feature.UNIFIED_EXEC)).isFalse();
        assertThat(config.features().isEnabled(Feature.APPS)).isFalse();
        assertThat(config.diagnostics().warnings()).contains(
                "`experimental_use_unified_exec_tool` is deprecated. Use `[features].unified_exec` instead.",
                "`[features].connectors` is deprecated. Use `[features].apps` instead.");
    }

    @Test
    void baseFeaturesThenProfileLegacyToggleInReferenceOrder() {
        fx.userConfig("[features]\nunified_exec = true\n[profiles.p]\nexperimental_use_unified_exec_tool = false\n");

        Config config = ConfigLoader.load(fx.request().profile("p").build());

        assertThat(config.features().isEnabled(Feature.UNIFIED_EXEC)).isFalse();
    }

    @Test
    void featureWithSettingsTableUsesItsEnabledKey() {
        fx.userConfig("[features.code_mode]\nenabled = true\nextra = \"x\"\n");

        Config config = fx.load();

        assertThat(config.features().isEnabled(Feature.CODE_MODE)).isTrue();
        assertThat(config.diagnostics().unknownKeys()).isEmpty();
    }

    @Test
    void codeModeOnlyImpliesCodeMode() {
        Config config = ConfigLoader.load(fx.request().cliOverride("features.code_mode_only=true").build());

        assertThat(config.features().isEnabled(Feature.CODE_MODE)).isTrue();
    }

    @Test
    void useLegacyLandlockAliasWorksThroughCliOverride() {
        Config config = ConfigLoader.load(fx.request().cliOverride("use_legacy_landlock=true").build());

        assertThat(config.features().isEnabled(Feature.USE_LEGACY_LANDLOCK)).isTrue();
    }

    @Test
    void enablingAnUnderDevelopmentFeatureWarnsUnlessSuppressed() {
        fx.userConfig("[features]\nchronicle = true\n");
        assertThat(fx.load().diagnostics().warnings())
                .anyMatch(w -> w.startsWith("Under-development features enabled: chronicle."));

        fx.userConfig("suppress_unstable_features_warning = true\n[features]\nchronicle = true\n");
        assertThat(fx.load().diagnostics().warnings()).noneMatch(w -> w.startsWith("Under-development"));
    }

    @Test
    void wrongTypeForAFeatureIsAnError() {
        Path file = fx.userConfig("[features]\nundo = \"yes\"\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":2:8: invalid type for features.undo: expected a boolean, got \"yes\"");
    }

    @Test
    void rowsAreSortedByNameWithStageAndState() {
        fx.userConfig("[features]\nundo = true\n");

        var rows = fx.load().features().rows();

        assertThat(rows).hasSize(Feature.values().length);
        assertThat(rows).isSortedAccordingTo(Comparator.comparing(Features.Row::name));
        assertThat(rows).contains(new Features.Row("undo", FeatureStage.STABLE, true),
                new Features.Row("js_repl", FeatureStage.EXPERIMENTAL, false),
                new Features.Row("shell_tool", FeatureStage.STABLE, true));
        assertThat(FeatureStage.UNDER_DEVELOPMENT.label()).isEqualTo("under development");
    }

    @Test
    void forKeyKnowsCanonicalAndLegacyKeys() {
        assertThat(Feature.forKey("undo")).contains(Feature.UNDO);
        assertThat(Feature.forKey("collab")).contains(Feature.MULTI_AGENT);
        assertThat(Feature.forKey("nope")).isEmpty();
        assertThat(Feature.require("web_search")).isEqualTo(Feature.WEB_SEARCH_REQUEST);
    }
}
