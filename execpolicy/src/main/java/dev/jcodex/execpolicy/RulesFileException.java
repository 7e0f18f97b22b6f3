package dev.jcodex.execpolicy;

import java.nio.file.Path;

/**
 * A rules file (or rules directory) could not be read, parsed or validated. The message reads
 * {@code <file>:<line>:<column>: <detail>}, or {@code <file>: <detail>} when no position applies.
 */
public final class RulesFileException extends ExecPolicyException {

    private final transient Path file;
    private final int line;
    private final int column;
    private final String detail;

    public RulesFileException(Path file, int line, int column, String detail) {
        super(render(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public RulesFileException(Path file, String detail, Throwable cause) {
        super(render(file, 0, 0, detail), cause);
        this.file = file;
        this.line = 0;
        this.column = 0;
        this.detail = detail;
    }

    private static String render(Path file, int line, int column, String detail) {
        return line > 0 ? file + ":" + line + ":" + column + ": " + detail : file + ": " + detail;
    }

    /** The file or directory concerned. */
    public Path file() {
        return file;
    }

    /** 1-based line of the problem, 0 when it is not about a position. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when it is not about a position. */
    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
