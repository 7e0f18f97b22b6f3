package dev.jcodex.execpolicy;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rules files ({@code *.rules}, also the older {@code .codexpolicy} name when given explicitly) into a
 * {@link Policy}. Files are evaluated in order, so later files add rules after earlier ones; each file's
 * {@code match}/{@code not_match} examples are checked as soon as it is read and a violated example fails the
 * whole load with a {@link RulesFileException} naming file, line and example.
 */
public final class PolicyLoader {

    private static final System.Logger LOG = System.getLogger(PolicyLoader.class.getName());

    /** Name of the subfolder of each config folder that holds rules files. */
    public static final String RULES_DIR_NAME = "rules";

    /** The file approved amendments are appended to, inside {@code $CODEX_HOME/rules}. */
    public static final String DEFAULT_RULES_FILE = "default.rules";

    private PolicyLoader() {}

    /**
     * Loads {@code files} in order.
     *
     * @throws RulesFileException when a file cannot be read, has a syntax error, calls a builtin wrongly or
     *     has a failing example
     */
    public static Policy load(List<Path> files) {
        PolicyBuilder builder = new PolicyBuilder(System.getProperty("user.home", "/"));
        for (Path file : files) {
            String contents;
            try {
                contents = Files.readString(file);
            } catch (MalformedInputException e) {
                throw new RulesFileException(file, "failed to read rules file: not valid UTF-8", e);
            } catch (IOException e) {
                throw new RulesFileException(file, "failed to read rules file: " + e, e);
            }
            builder.parse(file, contents);
        }
        Policy policy = builder.build();
        LOG.log(System.Logger.Level.DEBUG, "loaded {0} from {1} rules files", policy, files.size());
        return policy;
    }

    /** Parses one in-memory rules file; {@code name} is used in error messages. */
    public static Policy parse(Path name, String contents) {
        PolicyBuilder builder = new PolicyBuilder(System.getProperty("user.home", "/"));
        builder.parse(name, contents);
        return builder.build();
    }

    /**
     * The rules files of every enabled layer, lowest precedence first: within a layer, the regular
     * {@code *.rules} files of its {@code rules/} folder sorted by name. Missing folders contribute nothing.
     *
     * @throws RulesFileException when an existing rules folder cannot be listed
     */
    public static List<Path> discover(RulesLocations locations, RulesLocations.Scope scope) {
        List<Path> files = new ArrayList<>();
        locations.systemConfigDir().ifPresent(dir -> files.addAll(rulesFilesIn(dir.resolve(RULES_DIR_NAME))));
        if (scope == RulesLocations.Scope.ALL_LAYERS) {
            files.addAll(rulesFilesIn(locations.codexHome().resolve(RULES_DIR_NAME)));
            for (Path project : locations.trustedProjectConfigDirs()) {
                files.addAll(rulesFilesIn(project.resolve(RULES_DIR_NAME)));
            }
        }
        return files;
    }

    /** {@link #discover} then {@link #load}. */
    public static Policy loadFrom(RulesLocations locations, RulesLocations.Scope scope) {
        return load(discover(locations, scope));
    }

    /** The default rules file of a {@code CODEX_HOME}: {@code <codexHome>/rules/default.rules}. */
    public static Path defaultRulesFile(Path codexHome) {
        return codexHome.resolve(RULES_DIR_NAME).resolve(DEFAULT_RULES_FILE);
    }

    /** Regular {@code *.rules} files directly inside {@code dir}, sorted; empty when {@code dir} is missing. */
    public static List<Path> rulesFilesIn(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.rules")) {
            for (Path path : stream) {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            if (!Files.exists(dir)) {
                return List.of();
            }
            throw new RulesFileException(dir, "failed to read rules files: " + e, e);
        }
        files.sort(null);
        return List.copyOf(files);
    }
}
