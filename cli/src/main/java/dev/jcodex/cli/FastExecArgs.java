package dev.jcodex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A start-up shortcut for the common {@code codex exec [OPTIONS] [PROMPT]} command line: fills an
 * {@link ExecCommand} exactly as picocli would, without building picocli's reflective model (~70 ms of a cold
 * start, on the critical path of every {@code exec}).
 *
 * <p>It accepts only the plain forms: {@code exec}/{@code e} first, then options as {@code --long value},
 * {@code --long=value} or {@code -x value}, boolean flags bare, at most one prompt, {@code --} before positionals.
 * Anything else — help or version requests, {@code exec resume}, an unknown or repeated option, a missing value, a
 * value that starts with {@code -}, attached short values, a second positional — makes {@link #parse} return null
 * and the caller uses picocli, which then parses (and reports errors) as always. A test compares the fields both
 * produce over a corpus of command lines.
 */
final class FastExecArgs {

    private FastExecArgs() {}

    /** Options taking a value, by every name picocli knows them by. */
    private enum Valued {
        CONFIG("-c", "--config"), ENABLE("--enable"), DISABLE("--disable"), IMAGE("-i", "--image"),
        MODEL("-m", "--model"), LOCAL_PROVIDER("--local-provider"), PROFILE("-p", "--profile"),
        SANDBOX("-s", "--sandbox"), CD("-C", "--cd"), ADD_DIR("--add-dir"), OUTPUT_SCHEMA("--output-schema"),
        COLOR("--color"), OUTPUT_LAST_MESSAGE("-o", "--output-last-message");

        final List<String> names;

        Valued(String... names) {
            this.names = List.of(names);
        }

        boolean repeatable() {
            return this == CONFIG || this == ENABLE || this == DISABLE || this == IMAGE || this == ADD_DIR;
        }

        static Valued of(String name) {
            for (Valued v : values()) {
                if (v.names.contains(name)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Boolean flags, by every name picocli knows them by. */
    private enum Flag {
        OSS("--oss"), FULL_AUTO("--full-auto"), YOLO("--dangerously-bypass-approvals-and-sandbox", "--yolo"),
        SKIP_GIT_REPO_CHECK("--skip-git-repo-check"), EPHEMERAL("--ephemeral"),
        IGNORE_USER_CONFIG("--ignore-user-config"), IGNORE_RULES("--ignore-rules"),
        JSON("--json", "--experimental-json");

        final List<String> names;

        Flag(String... names) {
            this.names = List.of(names);
        }

        static Flag of(String name) {
            for (Flag f : values()) {
                if (f.names.contains(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The command picocli would build for {@code args}, or null when {@code args} is not a plain exec line. */
    static ExecCommand parse(CliIo io, String... args) {
        if (args.length == 0 || !("exec".equals(args[0]) || "e".equals(args[0]))) {
            return null;
        }
        ExecCommand cmd = new ExecCommand(io);
        cmd.shared = new SharedOptions();
        cmd.color = "auto";
        Set<Object> seen = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (endOfOptions || !arg.startsWith("-") || arg.equals("-")) {
                if (!endOfOptions && arg.equals("resume")) {
                    return null;
                }
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                endOfOptions = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Flag flag = Flag.of(name);
            if (flag != null) {
                if (value != null || !seen.add(flag)) {
                    return null;
                }
                set(cmd, flag);
                continue;
            }
            Valued option = Valued.of(name);
            if (option == null) {
                return null;
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    return null;
                }
                value = args[++i];
            }
            if (!option.repeatable() && !seen.add(option)) {
                return null;
            }
            if (option == Valued.IMAGE && (value.isEmpty() || value.contains("\"") || value.startsWith(",")
                    || value.endsWith(",") || value.contains(",,"))) {
                return null;
            }
            set(cmd, option, value);
        }
        if (positionals.size() > 1) {
            return null;
        }
        cmd.prompt = positionals.isEmpty() ? null : positionals.get(0);
        return cmd;
    }

    private static void set(ExecCommand cmd, Flag flag) {
        SharedOptions s = cmd.shared;
        switch (flag) {
            case OSS -> s.oss = true;
            case FULL_AUTO -> s.fullAuto = true;
            case YOLO -> s.yolo = true;
            case SKIP_GIT_REPO_CHECK -> cmd.skipGitRepoCheck = true;
            case EPHEMERAL -> cmd.ephemeral = true;
            case IGNORE_USER_CONFIG -> cmd.ignoreUserConfig = true;
            case IGNORE_RULES -> cmd.ignoreRules = true;
            case JSON -> cmd.json = true;
        }
    }

    private static void set(ExecCommand cmd, Valued option, String value) {
        SharedOptions s = cmd.shared;
        switch (option) {
            case CONFIG -> s.configOverrides.add(value);
            case ENABLE -> s.enable.add(value);
            case DISABLE -> s.disable.add(value);
            case IMAGE -> s.images.addAll(Arrays.asList(value.split(",", -1)));
            case MODEL -> s.model = value;
            case LOCAL_PROVIDER -> s.localProvider = value;
            case PROFILE -> s.profile = value;
            case SANDBOX -> s.sandbox = value;
            case CD -> s.cd = value;
            case ADD_DIR -> s.addDirs.add(value);
            case OUTPUT_SCHEMA -> cmd.outputSchema = Path.of(value);
            case COLOR -> cmd.color = value;
            case OUTPUT_LAST_MESSAGE -> cmd.outputLastMessage = Path.of(value);
        }
    }
}
