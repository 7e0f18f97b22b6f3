package dev.jcodex.execpolicy;

import java.util.List;

/**
 * A parsed plain command sequence.
 *
 * @param commands  the argv of each simple command, in source order (never empty)
 * @param operators the operator after each command but the last: {@code &&}, {@code ||}, {@code |} or
 *                  {@code ;} (newlines are reported as {@code ;})
 */
record PlainScript(List<List<String>> commands, List<String> operators) {
    PlainScript {
        commands = commands.stream().map(List::copyOf).toList();
        operators = List.copyOf(operators);
        if (commands.isEmpty() || operators.size() != commands.size() - 1) {
            throw new IllegalArgumentException("a plain script has one operator between each pair of commands");
        }
    }

    /** The script re-rendered from its parsed form: same meaning, canonical quoting and spacing. */
    String normalized() {
        StringBuilder out = new StringBuilder(ShellQuoting.join(commands.getFirst()));
        for (int i = 1; i < commands.size(); i++) {
            String op = operators.get(i - 1);
            out.append(op.equals(";") ? "; " : " " + op + " ").append(ShellQuoting.join(commands.get(i)));
        }
        return out.toString();
    }
}
