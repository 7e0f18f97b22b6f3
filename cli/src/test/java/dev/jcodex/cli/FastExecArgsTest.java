package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shortcut must fill exactly the fields picocli fills, and step aside for everything it does not handle. */
class FastExecArgsTest {
    private static final CliIo IO = new CliIo(InputStream.nullInputStream(), new PrintStream(PrintStream.nullOutputStream()),
            new PrintStream(PrintStream.nullOutputStream()), Map.of(), Path.of("/tmp"), false);

    static Stream<List<String>> plainLines() {
        return Stream.of(
                List.of("exec"),
                List.of("e", "hello"),
                List.of("exec", "--json", "Say hello."),
                List.of("exec", "--experimental-json", "-m", "gpt-5.5", "-c", "model_provider=mock", "-c",
                        "model_providers.mock={name=\"mock\",base_url=\"http://127.0.0.1:1/v1\",wire_api=\"responses\"}",
                        "-c", "check_for_update_on_startup=false", "prompt"),
                List.of("exec", "prompt first", "--json", "--skip-git-repo-check", "--ephemeral"),
                List.of("exec", "--model=gpt-5", "--config=a.b=1", "--sandbox=workspace-write", "x"),
                List.of("exec", "-s", "read-only", "--full-auto", "--oss", "--local-provider", "ollama", "-p", "prof"),
                List.of("exec", "--dangerously-bypass-approvals-and-sandbox", "-C", "/tmp/w", "--add-dir", "/a",
                        "--add-dir", "/b", "--enable", "f1", "--disable", "f2", "--enable", "f3"),
                List.of("exec", "--yolo", "-i", "a.png,b.png", "--image", "c.png", "-"),
                List.of("exec", "--output-schema", "schema.json", "-o", "last.txt", "--color", "never",
                        "--ignore-user-config", "--ignore-rules", "p"),
                List.of("exec", "--output-last-message=out/last.txt", "--color=always", "--", "-starts with dash"),
                List.of("exec", "--", "resume"),
                List.of("exec", "-"));
    }

    @ParameterizedTest
    @MethodSource("plainLines")
    void fillsTheSameFieldsAsPicocli(List<String> line) throws Exception {
        String[] args = line.toArray(String[]::new);
        ExecCommand fast = FastExecArgs.parse(IO, args);
        assertThat(fast).as("a plain exec line is handled").isNotNull();
        ExecCommand picocli = picocliParse(args);
        assertThat(fields(fast)).isEqualTo(fields(picocli));
        assertThat(fields(fast.shared)).isEqualTo(fields(picocli.shared));
    }

    static Stream<List<String>> otherLines() {
        return Stream.of(
                List.of(), List.of("login"), List.of("exec", "--help"), List.of("exec", "-h"),
                List.of("exec", "--version"), List.of("exec", "resume", "--last"), List.of("exec", "resume"),
                List.of("exec", "--no-such-flag"), List.of("exec", "-m"), List.of("exec", "-m", "--json"),
                List.of("exec", "-m", "a", "-m", "b"), List.of("exec", "--json", "--json"),
                List.of("exec", "--json=true"), List.of("exec", "-mgpt-5"), List.of("exec", "one", "two"),
                List.of("exec", "-i", "a,,b"), List.of("exec", "-i", "\"a,b\""), List.of("exec", "-i", "a,"),
                List.of("--json", "exec"), List.of("-c", "x=1", "exec", "p"));
    }

    @ParameterizedTest
    @MethodSource("otherLines")
    void stepsAsideForEverythingElse(List<String> line) {
        assertThat(FastExecArgs.parse(IO, line.toArray(String[]::new))).isNull();
    }

    /** Every option picocli knows on exec must be known here too, or lines using it would silently go slow. */
    @Test
    void knowsEveryExecOption() throws Exception {
        for (Class<?> type : List.of(ExecCommand.class, SharedOptions.class)) {
            for (Field f : type.getDeclaredFields()) {
                CommandLine.Option option = f.getAnnotation(CommandLine.Option.class);
                if (option == null) {
                    continue;
                }
                for (String name : option.names()) {
                    boolean flag = f.getType() == boolean.class;
                    String[] args = flag ? new String[] {"exec", name} : new String[] {"exec", name, "v"};
                    assertThat(FastExecArgs.parse(IO, args)).as(name).isNotNull();
                    assertThat(fields(FastExecArgs.parse(IO, args))).as(name).isEqualTo(fields(picocliParse(args)));
                }
            }
        }
    }

    private static ExecCommand picocliParse(String... args) {
        CommandLine root = RootCommand.commandLine(IO);
        CommandLine.ParseResult result = root.parseArgs(args);
        return (ExecCommand) result.subcommand().commandSpec().userObject();
    }

    /** The values of the fields picocli binds (options and parameters), by name. */
    private static Map<String, Object> fields(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Field> all = new ArrayList<>(List.of(command.getClass().getDeclaredFields()));
        for (Field f : all) {
            if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                values.put(f.getName(), f.get(command));
            }
        }
        return values;
    }
}
