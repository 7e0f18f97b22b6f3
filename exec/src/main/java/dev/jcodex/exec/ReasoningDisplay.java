package dev.jcodex.exec;

/** Which reasoning the human output shows. */
public enum ReasoningDisplay {
    /** Reasoning summaries (the default). */
    SUMMARY,
    /** Raw reasoning content when the item has any, else the summary ({@code show_raw_agent_reasoning}). */
    RAW,
    /** Nothing ({@code hide_agent_reasoning}). */
    HIDDEN
}
