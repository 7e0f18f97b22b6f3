package dev.jcodex.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kills everything a child started. Native children lead their own session and process group (both ids equal the
 * child's pid), so the victims are: the process group, every process of the session (job-control shells put jobs in
 * other groups), and every descendant (which catches processes that moved to another session but are not orphaned
 * yet). One pass over {@code /proc} finds them; a second pass catches forks that raced with the first.
 *
 * <p>What escapes: a process that started its own session <em>and</em> whose parent already exited (a daemon).
 */
final class ProcessTree {

    private static final System.Logger LOG = System.getLogger(ProcessTree.class.getName());
    private static final Path PROC = Path.of("/proc");
    private static final int PASSES = 2;

    private ProcessTree() {}

    /** Ids of one process from {@code /proc/<pid>/stat}. */
    record Ids(int pid, int parent, int group, int session) {}

    /** SIGKILL to the tree rooted at {@code leader}, which must not have been reaped yet (its pid stays reserved). */
    static void killNative(int leader) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = LinuxLibc.callState(arena);
            for (int pass = 0; pass < PASSES; pass++) {
                Set<Integer> victims = victims(leader, scan());
                LinuxLibc.kill(state, -leader, LinuxLibc.SIGKILL);
                LinuxLibc.kill(state, leader, LinuxLibc.SIGKILL);
                for (int pid : victims) {
                    LinuxLibc.kill(state, pid, LinuxLibc.SIGKILL);
                }
                if (victims.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** SIGKILL to {@code root} and a snapshot of its descendants (portable, best effort). */
    static void killPortable(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Live processes other than {@code leader} in its group or session, or below it. */
    static Set<Integer> victims(int leader, List<Ids> table) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        Set<Integer> victims = new HashSet<>();
        for (Ids ids : table) {
            children.computeIfAbsent(ids.parent(), unused -> new ArrayList<>()).add(ids.pid());
            if (ids.pid() != leader && (ids.session() == leader || ids.group() == leader)) {
                victims.add(ids.pid());
            }
        }
        Deque<Integer> pending = new ArrayDeque<>(List.of(leader));
        Set<Integer> seen = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            for (int child : children.getOrDefault(pending.pop(), List.of())) {
                if (seen.add(child)) {
                    victims.add(child);
                    pending.push(child);
                }
            }
        }
        victims.remove(leader);
        return victims;
    }

    /** Every readable {@code /proc/<pid>/stat}, zombies excluded. */
    static List<Ids> scan() {
        List<Ids> table = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessTree::isPidDirectory)) {
            for (Path entry : entries) {
                Ids ids = parse(entry);
                if (ids != null) {
                    table.add(ids);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot scan /proc", e);
        }
        return table;
    }

    private static boolean isPidDirectory(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** Fields after the command name (which may contain spaces or ')'): state ppid pgrp session. */
    private static Ids parse(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return null;
            }
            return new Ids(Integer.parseInt(procEntry.getFileName().toString()), Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
