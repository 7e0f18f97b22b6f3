package dev.jcodex.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A temp CODEX_HOME, a project with a git root, and /etc/codex stand-ins, all under one temp dir. */
final class Fixture {

    final Path root;
    final Path home;
    final Path etc;
    final Path repo;
    final Path cwd;

    Fixture(Path tmp) {
        root = tmp;
        home = mkdir(tmp.resolve("codex-home"));
        etc = mkdir(tmp.resolve("etc-codex"));
        repo = mkdir(tmp.resolve("repo"));
        mkdir(repo.resolve(".git"));
        cwd = mkdir(repo.resolve("sub/dir"));
    }

    Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path userConfig(String text) {
        return write(home.resolve("config.toml"), text);
    }

    Path systemConfig(String text) {
        return write(etc.resolve("config.toml"), text);
    }

    Path managedConfig(String text) {
        return write(etc.resolve("managed_config.toml"), text);
    }

    Path requirements(String text) {
        return write(etc.resolve("requirements.toml"), text);
    }

    Path projectConfig(Path dir, String text) {
        return write(dir.resolve(".codex/config.toml"), text);
    }

    /** A user config line that trusts the repo. */
    String trustRepo() {
        return "[projects.\"" + repo + "\"]\ntrust_level = \"trusted\"\n";
    }

    ConfigLoadRequest.Builder request() {
        return ConfigLoadRequest.builder(home, cwd)
                .systemConfigFile(etc.resolve("config.toml"))
                .managedConfigFile(etc.resolve("managed_config.toml"))
                .requirementsFile(etc.resolve("requirements.toml"))
                .env(Map.of("HOME", root.toString()));
    }

    Config load() {
        return ConfigLoader.load(request().build());
    }

    private static Path mkdir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
