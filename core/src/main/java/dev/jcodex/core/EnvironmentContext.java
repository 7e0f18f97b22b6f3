package dev.jcodex.core;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The {@code <environment_context>} block sent with the initial context (spec §9.2, reference captures). */
record EnvironmentContext(Path cwd, String shellName, LocalDate date, ZoneId zone, SandboxPolicy sandbox,
        List<Path> writableRoots) {

    static EnvironmentContext now(Path cwd, String shellName, SandboxPolicy sandbox, List<Path> writableRoots) {
        ZoneId zone = ZoneId.systemDefault();
        String id = zone.getId();
        if ("Z".equals(id) || "UTC".equals(id) || "GMT".equals(id)) {
            zone = ZoneId.of("Etc/UTC");
        }
        return new EnvironmentContext(cwd, shellName, LocalDate.now(zone), zone, sandbox, writableRoots);
    }

    String render() {
        return "<environment_context>\n"
                + "  <cwd>" + cwd + "</cwd>\n"
                + "  <shell>" + shellName + "</shell>\n"
                + "  <current_date>" + date + "</current_date>\n"
                + "  <timezone>" + zone.getId() + "</timezone>\n"
                + "  <filesystem>" + filesystem() + "</filesystem>\n"
                + "</environment_context>";
    }

    /** The workspace roots and the filesystem permission profile, in the reference's XML shape. */
    private String filesystem() {
        StringBuilder sb = new StringBuilder("<workspace_roots><root>").append(cwd).append("</root></workspace_roots>");
        List<String> entries = new ArrayList<>();
        switch (sandbox) {
            case SandboxPolicy.DangerFullAccess d -> {
                return sb.append("<permission_profile type=\"unrestricted\"/>").toString();
            }
            case SandboxPolicy.ReadOnly r -> entries.add(special("read", ":root"));
            case SandboxPolicy.WorkspaceWrite w -> {
                entries.add(special("read", ":root"));
                for (Path root : writableRoots) {
                    entries.add(path("write", root.toString()));
                }
                if (!w.excludeSlashTmp()) {
                    entries.add(special("write", ":slash_tmp"));
                }
                if (!w.excludeTmpdirEnvVar()) {
                    entries.add(special("write", ":tmpdir"));
                }
                for (Path root : writableRoots) {
                    for (String protectedName : List.of(".git", ".agents", ".codex")) {
                        entries.add(path("read", root.resolve(protectedName).toString()));
                    }
                }
            }
        }
        sb.append("<permission_profile type=\"managed\"><file_system type=\"restricted\">");
        entries.forEach(sb::append);
        return sb.append("</file_system></permission_profile>").toString();
    }

    private static String special(String access, String name) {
        return "<entry access=\"" + access + "\"><special>" + name + "</special></entry>";
    }

    private static String path(String access, String p) {
        return "<entry access=\"" + access + "\"><path>" + p + "</path></entry>";
    }
}
