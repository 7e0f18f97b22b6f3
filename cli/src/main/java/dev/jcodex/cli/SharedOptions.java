package dev.jcodex.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options shared by the root command and {@code exec} (spec §1.2). Root values are merged into a subcommand's
 * by {@link #inheritFrom}: subcommand values win, root lists are prepended.
 */
final class SharedOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "key=value",
            description = "Override a config value (dotted path; value parsed as TOML, else a string). Repeatable.")
    List<String> configOverrides = new ArrayList<>();

    @Option(names = "--enable", paramLabel = "FEATURE", description = "Enable a feature flag. Repeatable.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "FEATURE", description = "Disable a feature flag. Repeatable.")
    List<String> disable = new ArrayList<>();

    @Option(names = {"-i", "--image"}, paramLabel = "FILE", split = ",",
            description = "Image(s) to attach to the initial prompt (comma-separated or repeated).")
    List<String> images = new ArrayList<>();

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Model the agent should use.")
    String model;

    @Option(names = "--oss", description = "Use a local open-source model provider (ollama or lmstudio).")
    boolean oss;

    @Option(names = "--local-provider", paramLabel = "PROVIDER", description = "Local provider for --oss: lmstudio or ollama.")
    String localProvider;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", description = "Configuration profile from config.toml.")
    String profile;

    @Option(names = {"-s", "--sandbox"}, paramLabel = "MODE",
            description = "Sandbox policy for model-run commands: read-only, workspace-write, danger-full-access.")
    String sandbox;

    @Option(names = "--full-auto", description = "Low-friction sandboxed automatic execution (workspace-write).")
    boolean fullAuto;

    @Option(names = {"--dangerously-bypass-approvals-and-sandbox", "--yolo"},
            description = "Skip all confirmation prompts and run commands without a sandbox. EXTREMELY DANGEROUS.")
    boolean yolo;

    @Option(names = {"-C", "--cd"}, paramLabel = "DIR", description = "Working root directory for the agent.")
    String cd;

    @Option(names = "--add-dir", paramLabel = "DIR", description = "Additional writable directory. Repeatable.")
    List<String> addDirs = new ArrayList<>();

    /** Applies root-level values under this (subcommand) instance's values, per the reference's rules. */
    void inheritFrom(SharedOptions root) {
        configOverrides = concat(root.configOverrides, configOverrides);
        enable = concat(root.enable, enable);
        disable = concat(root.disable, disable);
        images = concat(root.images, images);
        addDirs = concat(root.addDirs, addDirs);
        model = model != null ? model : root.model;
        oss = oss || root.oss;
        localProvider = localProvider != null ? localProvider : root.localProvider;
        profile = profile != null ? profile : root.profile;
        cd = cd != null ? cd : root.cd;
        if (sandbox == null && !fullAuto && !yolo) {
            sandbox = root.sandbox;
            fullAuto = root.fullAuto;
            yolo = root.yolo;
        }
    }

    /** Rejects contradictory flags with the reference's wording. */
    void validate() {
        if (fullAuto && yolo) {
            throw new CliException("the argument '--full-auto' cannot be used with "
                    + "'--dangerously-bypass-approvals-and-sandbox'", 2);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
