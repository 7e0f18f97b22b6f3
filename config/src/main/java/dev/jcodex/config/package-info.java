/**
 * Configuration: {@code config.toml} layers (system, user, trusted project, {@code -c}, managed), profiles,
 * harness overrides, feature flags, model providers, trust, {@code requirements.toml} constraints, and
 * format-preserving edits. Entry points: {@link dev.jcodex.config.ConfigLoader#load} and
 * {@link dev.jcodex.config.ConfigEditor#apply}.
 */
package dev.jcodex.config;
