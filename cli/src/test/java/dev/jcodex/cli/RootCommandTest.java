package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class RootCommandTest {

    @TempDir
    Path home;

    private CliIo io() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CliIo(InputStream.nullInputStream(), sink, sink, Map.of("CODEX_HOME", home.toString()), home,
                false);
    }

    @Test
    void theSubcommandTableHasEveryNameTheCommandAnnotationsDeclare() {
        for (RootCommand.Subcommand sub : RootCommand.SUBCOMMANDS) {
            Command command = sub.type().getAnnotation(Command.class);
            List<String> names = new ArrayList<>(List.of(command.name()));
            names.addAll(List.of(command.aliases()));
            assertThat(sub.names()).as(sub.type().getSimpleName()).isEqualTo(names);
        }
        assertThat(RootCommand.commandLine(io()).getSubcommands().keySet())
                .containsExactly("exec", "e", "login", "logout", "apply_patch", "applypatch", "completion", "sandbox",
                        "features", "debug", "execpolicy");
    }

    @Test
    void aRunRegistersOnlyTheSubcommandsItsArgumentsName() {
        CommandLine exec = RootCommand.leanCommandLine(io(), "-c", "model=\"o3\"", "exec", "--json", "say hi");
        assertThat(exec).isNotNull();
        assertThat(exec.getSubcommands().keySet()).containsExactly("exec", "e");
        assertThat(exec.getSubcommands().get("exec").getSubcommands()).containsKey("resume");

        CommandLine promptLogin = RootCommand.leanCommandLine(io(), "exec", "--json", "login");
        assertThat(promptLogin).isNotNull();
        assertThat(promptLogin.getSubcommands().keySet()).containsExactly("exec", "e", "login");
        assertThat(promptLogin.parseArgs("exec", "--json", "login").subcommand().commandSpec().name())
                .isEqualTo("exec");
    }

    @Test
    void theFullCommandLineIsUsedWhenTheRootListsOrSuggestsSubcommands() {
        assertThat(RootCommand.leanCommandLine(io(), "say hi")).as("no subcommand named").isNull();
        assertThat(RootCommand.leanCommandLine(io(), "--help", "exec")).as("root usage").isNull();
        assertThat(RootCommand.leanCommandLine(io(), "completion", "bash")).as("completion walks the tree").isNull();
        assertThat(RootCommand.leanCommandLine(io(), "exec", "--no-such-flag")).as("parse error").isNull();
        assertThat(RootCommand.leanCommandLine(io(), "exec", "--help")).as("exec usage").isNotNull();
    }

    @Test
    void everyTokenNamingASubcommandIsRegisteredSoOptionValuesParseAsWithTheFullCommandLine() {
        // picocli will not take a registered subcommand name as an option value: both command lines refuse this.
        String[] args = {"-m", "login", "exec", "hi"};
        assertThat(RootCommand.leanCommandLine(io(), args)).isNull();
        assertThatThrownBy(() -> RootCommand.commandLine(io()).parseArgs(args))
                .isInstanceOf(CommandLine.ParameterException.class);
    }
}
