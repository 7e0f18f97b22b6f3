package dev.jcodex.exec;

/** What {@code codex exec resume} continues. */
public sealed interface ResumeTarget {

    /** Not a resume: start a new thread. */
    record None() implements ResumeTarget {}

    /** {@code --last}: the most recently updated thread (in this cwd unless {@code --all}). */
    record Last() implements ResumeTarget {}

    /** A thread id (UUID) or a thread name. */
    record ById(String idOrName) implements ResumeTarget {}

    /** {@code resume} with neither an id nor {@code --last}: starts a new thread, with resume's prompt rules. */
    record Unspecified() implements ResumeTarget {}

    /** Not a resume. */
    ResumeTarget NONE = new None();

    /** The resume target and prompt chosen from {@code resume}'s positionals. */
    record Selection(ResumeTarget target, String prompt) {}

    /**
     * Applies the positional rules of {@code codex exec resume [SESSION_ID] [PROMPT]}: with {@code --last} and a
     * single positional, that positional is the prompt, not the session id; a missing resume prompt falls back to
     * the root prompt.
     *
     * @param sessionIdArg the first positional, or null
     * @param promptArg the second positional, or null
     * @param last whether {@code --last} was given
     * @param rootPrompt the prompt given before {@code resume}, or null
     */
    static Selection select(String sessionIdArg, String promptArg, LastFlag last, String rootPrompt) {
        String prompt = promptArg;
        if (prompt == null && last == LastFlag.LAST) {
            prompt = sessionIdArg;
        }
        if (prompt == null) {
            prompt = rootPrompt;
        }
        ResumeTarget target = last == LastFlag.LAST ? new Last()
                : sessionIdArg == null ? new Unspecified() : new ById(sessionIdArg);
        return new Selection(target, prompt);
    }

    /** Whether {@code --last} was given. */
    enum LastFlag { LAST, NOT_LAST }
}
