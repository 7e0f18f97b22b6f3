package dev.jcodex.config;

import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves {@link Features} the way the reference does: defaults, then for the base config and then the active
 * profile: legacy top-level toggles, then the {@code [features]} table; then {@code requirements.toml} pins.
 */
final class FeatureResolver {

    private static final System.Logger LOG = System.getLogger(FeatureResolver.class.getName());

    /** Top-level (and profile-level) keys that predate {@code [features]}. */
    static final Map<String, Feature> LEGACY_TOGGLES = Map.of(
            "experimental_use_unified_exec_tool", Feature.UNIFIED_EXEC,
            "experimental_use_freeform_apply_patch", Feature.APPLY_PATCH_FREEFORM,
            "include_apply_patch_tool", Feature.APPLY_PATCH_FREEFORM);

    private final EnumSet<Feature> enabled = EnumSet.noneOf(Feature.class);
    private final EnumSet<Feature> explicitlyEnabled = EnumSet.noneOf(Feature.class);
    private final List<String> warnings;

    private FeatureResolver(List<String> warnings) {
        this.warnings = warnings;
        enabled.addAll(Features.defaults().enabled());
    }

    /**
     * @param base the merged config before the profile (system, user, project, {@code -c}, managed)
     * @param profile the active profile's table, or null
     * @param requirements feature pins
     * @param suppressUnstableWarning {@code suppress_unstable_features_warning}
     * @param warnings where notes for the user go
     */
    static Features resolve(TableReader base, TableReader profile, ConfigRequirements requirements,
            boolean suppressUnstableWarning, List<String> warnings) {
        FeatureResolver resolver = new FeatureResolver(warnings);
        resolver.applySource(base);
        if (profile != null) {
            resolver.applySource(profile);
        }
        resolver.applyPins(requirements);
        if (resolver.enabled.contains(Feature.CODE_MODE_ONLY)) {
            resolver.enabled.add(Feature.CODE_MODE);
        }
        if (!suppressUnstableWarning) {
            resolver.warnUnstable();
        }
        return Features.of(resolver.enabled);
    }

    private void applySource(TableReader source) {
        for (Map.Entry<String, Feature> legacy : LEGACY_TOGGLES.entrySet()) {
            Boolean value = source.bool(legacy.getKey());
            if (value != null) {
                set(legacy.getValue(), value);
                note("`" + source.dotted(legacy.getKey()) + "` is deprecated. Use `[features]."
                        + legacy.getValue().key() + "` instead.");
            }
        }
        TableReader table = source.table("features");
        if (table == null) {
            return;
        }
        for (String key : table.keys()) {
            Boolean value = featureValue(table, key);
            var feature = Feature.forKey(key);
            if (feature.isEmpty()) {
                note("unknown feature key in config: " + key + " (" + table.originOf(key).describe() + ")");
                continue;
            }
            if (value == null) {
                continue;
            }
            set(feature.get(), value);
            switch (feature.get()) {
                case WEB_SEARCH_REQUEST, WEB_SEARCH_CACHED -> note("`[features]." + key
                        + "` is deprecated because web search is enabled by default. Set `web_search` to"
                        + " \"live\", \"cached\", or \"disabled\" at the top level (or under a profile) instead.");
                case USE_LEGACY_LANDLOCK -> note("`[features].use_legacy_landlock` is deprecated and will be"
                        + " removed soon.");
                default -> {
                    if (Feature.isLegacyKey(key)) {
                        note("`[features]." + key + "` is deprecated. Use `[features]." + feature.get().key()
                                + "` instead.");
                    }
                }
            }
        }
    }

    /** A boolean, or a table with an optional {@code enabled} boolean (features with settings). */
    private static Boolean featureValue(TableReader table, String key) {
        if (!table.isTable(key)) {
            return table.bool(key);
        }
        TableReader settings = table.table(key);
        for (String other : settings.keys()) {
            if (!other.equals("enabled")) {
                settings.opaque(other);
            }
        }
        return settings.bool("enabled");
    }

    private void set(Feature feature, boolean value) {
        if (value) {
            enabled.add(feature);
            explicitlyEnabled.add(feature);
        } else {
            enabled.remove(feature);
            explicitlyEnabled.remove(feature);
        }
    }

    private void applyPins(ConfigRequirements requirements) {
        for (Map.Entry<String, Boolean> pin : requirements.featurePins().entrySet()) {
            var feature = Feature.forKey(pin.getKey());
            if (feature.isEmpty()) {
                LOG.log(Level.WARNING, "unknown feature key in requirements: {0}", pin.getKey());
                continue;
            }
            boolean pinned = pin.getValue();
            if (enabled.contains(feature.get()) != pinned) {
                note("feature `" + feature.get().key() + "` is pinned to " + pinned + " by "
                        + requirements.source());
            }
            if (pinned) {
                enabled.add(feature.get());
            } else {
                enabled.remove(feature.get());
                explicitlyEnabled.remove(feature.get());
            }
        }
    }

    private void warnUnstable() {
        String names = explicitlyEnabled.stream()
                .filter(f -> f.stage() == FeatureStage.UNDER_DEVELOPMENT && enabled.contains(f))
                .map(Feature::key)
                .collect(Collectors.joining(", "));
        if (!names.isEmpty()) {
            note("Under-development features enabled: " + names + ". Under-development features are incomplete"
                    + " and may behave unpredictably. To suppress this warning, set"
                    + " `suppress_unstable_features_warning = true` in config.toml.");
        }
    }

    private void note(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }
}
