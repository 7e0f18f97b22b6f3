package dev.jcodex.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The effective feature set: defaults, then {@code [features]}, the profile's, {@code --enable/--disable}. */
public final class Features {

    /**
     * One row of {@code codex features list}.
     *
     * @param name the feature key
     * @param stage its lifecycle stage
     * @param enabled whether it is on in the effective config
     */
    public record Row(String name, FeatureStage stage, boolean enabled) {}

    private final Set<Feature> enabled;

    private Features(Set<Feature> enabled) {
        this.enabled = Collections.unmodifiableSet(enabled.isEmpty()
                ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(enabled));
    }

    /** The built-in defaults. */
    public static Features defaults() {
        EnumSet<Feature> on = EnumSet.noneOf(Feature.class);
        for (Feature feature : Feature.values()) {
            if (feature.defaultEnabled()) {
                on.add(feature);
            }
        }
        return new Features(on);
    }

    static Features of(Set<Feature> enabled) {
        return new Features(enabled);
    }

    public boolean isEnabled(Feature feature) {
        return enabled.contains(feature);
    }

    /** The enabled features. */
    public Set<Feature> enabled() {
        return enabled;
    }

    /** Every feature with its stage and state, sorted by name ({@code codex features list}). */
    public List<Row> rows() {
        return Arrays.stream(Feature.values())
                .map(f -> new Row(f.key(), f.stage(), isEnabled(f)))
                .sorted(Comparator.comparing(Row::name))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Features that && enabled.equals(that.enabled);
    }

    @Override
    public int hashCode() {
        return enabled.hashCode();
    }

    @Override
    public String toString() {
        return "Features" + enabled;
    }
}
