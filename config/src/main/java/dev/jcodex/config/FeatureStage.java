package dev.jcodex.config;

/** Lifecycle stage of a {@link Feature}, spelled as {@code codex features list} prints it. */
public enum FeatureStage {
    UNDER_DEVELOPMENT("under development"),
    EXPERIMENTAL("experimental"),
    STABLE("stable"),
    DEPRECATED("deprecated"),
    /** Still accepted in config, but a no-op. */
    REMOVED("removed");

    private final String label;

    FeatureStage(String label) {
        this.label = label;
    }

    /** The printed name, e.g. {@code under development}. */
    public String label() {
        return label;
    }
}
