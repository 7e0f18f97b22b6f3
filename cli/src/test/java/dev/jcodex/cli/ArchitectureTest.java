package dev.jcodex.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The allowed-dependency graph of ARCHITECTURE.md, checked over every jcodex class on the CLI's runtime classpath
 * (which holds every shipped module). Front ends never import core; low modules import nothing above them.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /** Module package → jcodex module packages it must NOT depend on. */
    private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("protocol", List.of("common", "config", "modelclient", "applypatch", "process", "sandbox",
                    "execpolicy", "state", "mcp", "core", "appserver", "exec", "tui", "cli")),
            Map.entry("common", List.of("protocol", "config", "modelclient", "applypatch", "process", "sandbox",
                    "execpolicy", "state", "mcp", "core", "appserver", "exec", "tui", "cli")),
            Map.entry("applypatch", List.of("protocol", "config", "modelclient", "process", "sandbox", "execpolicy",
                    "state", "mcp", "core", "appserver", "exec", "tui", "cli")),
            Map.entry("config", List.of("modelclient", "applypatch", "process", "sandbox", "execpolicy", "state",
                    "mcp", "core", "appserver", "exec", "tui", "cli")),
            Map.entry("modelclient", List.of("applypatch", "process", "sandbox", "execpolicy", "state", "mcp", "core",
                    "appserver", "exec", "tui", "cli")),
            Map.entry("process", List.of("modelclient", "applypatch", "sandbox", "execpolicy", "state", "mcp", "core",
                    "appserver", "exec", "tui", "cli")),
            Map.entry("sandbox", List.of("modelclient", "applypatch", "process", "execpolicy", "state", "mcp", "core",
                    "appserver", "exec", "tui", "cli")),
            Map.entry("execpolicy", List.of("modelclient", "applypatch", "process", "sandbox", "state", "mcp", "core",
                    "appserver", "exec", "tui", "cli")),
            Map.entry("state", List.of("modelclient", "applypatch", "process", "sandbox", "execpolicy", "mcp", "core",
                    "appserver", "exec", "tui", "cli")),
            Map.entry("core", List.of("appserver", "exec", "tui", "cli")),
            Map.entry("appserver", List.of("exec", "tui", "cli")),
            Map.entry("cli", List.of("core")),
            Map.entry("exec", List.of("core", "modelclient", "process", "sandbox", "execpolicy", "state", "tui",
                    "cli")),
            Map.entry("tui", List.of("core", "modelclient", "process", "sandbox", "execpolicy", "state", "exec",
                    "cli")));

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.jcodex");
    }

    @Test
    void modulesDependOnlyDownwards() {
        FORBIDDEN.forEach((module, forbidden) -> noClasses().that().resideInAPackage("dev.jcodex." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.stream()
                        .map(f -> "dev.jcodex." + f + "..").toArray(String[]::new))
                .allowEmptyShould(true)
                .because("ARCHITECTURE.md allows only downward module dependencies")
                .check(classes));
    }

    @Test
    void protocolUsesOnlyJacksonAndTheJdk() {
        noClasses().that().resideInAPackage("dev.jcodex.protocol..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "dev.jcodex.protocol..",
                        "tools.jackson..", "com.fasterxml.jackson.annotation..")
                .check(classes);
    }

    @Test
    void commonUsesOnlyTheJdk() {
        noClasses().that().resideInAPackage("dev.jcodex.common..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "dev.jcodex.common..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("dev.jcodex.(*)..").should().beFreeOfCycles().check(classes);
    }
}
