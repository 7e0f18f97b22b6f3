/** JDK-only helpers shared by every jcodex module: CODEX_HOME resolution, truncation, spawn confinement SPI. */
package dev.jcodex.common;
