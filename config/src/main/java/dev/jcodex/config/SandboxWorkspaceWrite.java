package dev.jcodex.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code [sandbox_workspace_write]}: settings of the {@code workspace-write} sandbox mode.
 *
 * @param writableRoots extra writable roots (absolute; relative entries resolve against the config file's
 *                      directory)
 * @param networkAccess whether sandboxed commands may use the network (default false)
 * @param excludeTmpdirEnvVar do not make {@code $TMPDIR} writable (default false)
 * @param excludeSlashTmp do not make {@code /tmp} writable (default false)
 */
public record SandboxWorkspaceWrite(List<Path> writableRoots, boolean networkAccess, boolean excludeTmpdirEnvVar,
        boolean excludeSlashTmp) {

    public SandboxWorkspaceWrite {
        writableRoots = List.copyOf(writableRoots);
    }

    static SandboxWorkspaceWrite parse(TableReader root) {
        TableReader table = root.table("sandbox_workspace_write");
        if (table == null) {
            return new SandboxWorkspaceWrite(List.of(), false, false, false);
        }
        List<Path> roots = table.pathList("writable_roots");
        return new SandboxWorkspaceWrite(roots == null ? List.of() : roots,
                table.bool("network_access", false),
                table.bool("exclude_tmpdir_env_var", false),
                table.bool("exclude_slash_tmp", false));
    }
}
