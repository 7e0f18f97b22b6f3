package dev.jcodex.exec;

import dev.jcodex.appserver.protocol.ServerNotification;

/** Turns the notifications of exec's one turn into output (human text or JSONL). */
interface EventProcessor {

    /** Whether the run continues after a notification. */
    enum Status { RUNNING, SHUTDOWN }

    /** Called once the thread exists, before the turn starts. */
    void printConfigSummary(SessionHeader header, String prompt);

    /** Handles one notification of the primary thread / turn. */
    Status process(ServerNotification notification);

    /** Called once at the end: {@code -o} file, token totals, final message. */
    void printFinalOutput();
}
