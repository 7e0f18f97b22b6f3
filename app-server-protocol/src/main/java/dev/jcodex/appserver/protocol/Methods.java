package dev.jcodex.appserver.protocol;

/** Method names of the v2 app-server protocol (§13), grouped by direction. */
public final class Methods {
    private Methods() {}

    // Client -> server requests.
    /** {@link InitializeParams} → {@link InitializeResponse}. */
    public static final String INITIALIZE = "initialize";
    /** {@link ThreadStartParams} → {@link ThreadStartResponse}. */
    public static final String THREAD_START = "thread/start";
    /** {@link ThreadResumeParams} → {@link ThreadResumeResponse}. */
    public static final String THREAD_RESUME = "thread/resume";
    /** {@link ThreadForkParams} → {@link ThreadForkResponse}. */
    public static final String THREAD_FORK = "thread/fork";
    /** {@link ThreadListParams} → {@link ThreadListResponse}. */
    public static final String THREAD_LIST = "thread/list";
    /** {@link ThreadReadParams} → {@link ThreadReadResponse}. */
    public static final String THREAD_READ = "thread/read";
    /** {@link ThreadArchiveParams} → {@link ThreadArchiveResponse}. */
    public static final String THREAD_ARCHIVE = "thread/archive";
    /** {@link ThreadUnsubscribeParams} → {@link ThreadUnsubscribeResponse}. */
    public static final String THREAD_UNSUBSCRIBE = "thread/unsubscribe";
    /** {@link TurnStartParams} → {@link TurnStartResponse}. */
    public static final String TURN_START = "turn/start";
    /** {@link TurnInterruptParams} → {@link TurnInterruptResponse}. */
    public static final String TURN_INTERRUPT = "turn/interrupt";

    // Client -> server notifications.
    /** Sent once after the {@code initialize} response; no params. */
    public static final String INITIALIZED = "initialized";

    // Server -> client notifications.
    public static final String THREAD_STARTED = "thread/started";
    /** {@code {threadId}}: the thread was archived. */
    public static final String THREAD_ARCHIVED = "thread/archived";
    /** {@code {threadId}}: the thread was unloaded from the server. */
    public static final String THREAD_CLOSED = "thread/closed";
    public static final String THREAD_TOKEN_USAGE_UPDATED = "thread/tokenUsage/updated";
    public static final String TURN_STARTED = "turn/started";
    public static final String TURN_COMPLETED = "turn/completed";
    public static final String TURN_PLAN_UPDATED = "turn/plan/updated";
    public static final String TURN_DIFF_UPDATED = "turn/diff/updated";
    public static final String ITEM_STARTED = "item/started";
    public static final String ITEM_COMPLETED = "item/completed";
    public static final String ITEM_AGENT_MESSAGE_DELTA = "item/agentMessage/delta";
    public static final String ITEM_REASONING_SUMMARY_TEXT_DELTA = "item/reasoning/summaryTextDelta";
    public static final String ITEM_REASONING_TEXT_DELTA = "item/reasoning/textDelta";
    public static final String ITEM_COMMAND_EXECUTION_OUTPUT_DELTA = "item/commandExecution/outputDelta";
    public static final String SERVER_REQUEST_RESOLVED = "serverRequest/resolved";
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String CONFIG_WARNING = "configWarning";
    public static final String DEPRECATION_NOTICE = "deprecationNotice";
    public static final String MODEL_REROUTED = "model/rerouted";

    // Server -> client requests.
    public static final String COMMAND_EXECUTION_REQUEST_APPROVAL = "item/commandExecution/requestApproval";
    public static final String FILE_CHANGE_REQUEST_APPROVAL = "item/fileChange/requestApproval";
    public static final String TOOL_REQUEST_USER_INPUT = "item/tool/requestUserInput";
    public static final String MCP_SERVER_ELICITATION_REQUEST = "mcpServer/elicitation/request";
    public static final String PERMISSIONS_REQUEST_APPROVAL = "item/permissions/requestApproval";
    public static final String DYNAMIC_TOOL_CALL = "item/tool/call";
    public static final String CHATGPT_AUTH_TOKENS_REFRESH = "account/chatgptAuthTokens/refresh";
    /** Legacy v1 patch approval; params carry {@code conversationId}. */
    public static final String APPLY_PATCH_APPROVAL = "applyPatchApproval";
    /** Legacy v1 command approval; params carry {@code conversationId}. */
    public static final String EXEC_COMMAND_APPROVAL = "execCommandApproval";
}
