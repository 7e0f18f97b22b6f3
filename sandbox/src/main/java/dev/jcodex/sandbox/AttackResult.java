package dev.jcodex.sandbox;

import java.util.Objects;

/**
 * The outcome of one escape-suite probe.
 *
 * @param name        what was tried, prefixed with the policy, e.g. {@code "workspace-write: write into .git/hooks"}
 * @param contained   whether the action was stopped (nothing escaped, nothing was written, no packet arrived)
 * @param detail      evidence: the error the child printed, or what it managed to do
 * @param expectation {@link Expectation#CONTAINED} for attacks; {@link Expectation#ALLOWED} for the positive
 *                    controls that prove the suite cannot pass vacuously
 */
public record AttackResult(String name, boolean contained, String detail, Expectation expectation) {

    /** What a probe should observe. */
    public enum Expectation {
        /** An attack: the sandbox must stop it. */
        CONTAINED,
        /** A positive control: the action must work. */
        ALLOWED
    }

    public AttackResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(expectation, "expectation");
    }

    /** Whether the observation matched the expectation. */
    public boolean passed() {
        return switch (expectation) {
            case CONTAINED -> contained;
            case ALLOWED -> !contained;
        };
    }
}
