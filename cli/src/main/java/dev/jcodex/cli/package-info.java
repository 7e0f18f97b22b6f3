/** The {@code codex} command line: argument parsing, subcommands and process exit codes. */
package dev.jcodex.cli;
