package dev.jcodex.config;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed "harness" overrides: explicit command-line flags ({@code -m}, {@code -s}, {@code -a}, {@code --oss},
 * {@code --full-auto}, {@code --yolo}, {@code -C}, {@code --add-dir}, {@code --search}, ...) and app-server typed
 * parameters. They beat every config layer and the active profile (spec §8.2). Null components are unset; build
 * instances with {@link #builder()}.
 *
 * <p>{@code --enable}/{@code --disable} are the exception: they behave exactly like
 * {@code -c features.<name>=true|false}, i.e. they join the session-flags layer (so a profile's
 * {@code features} table still wins over them, as in the reference).
 *
 * @param model {@code -m}
 * @param reviewModel review model
 * @param modelProvider provider id
 * @param approvalPolicy {@code -a} (or the value forced by {@code codex exec})
 * @param sandboxMode {@code -s}
 * @param cwd {@code -C}; relative paths resolve against the request's cwd
 * @param oss {@code --oss}: use the local open-source provider
 * @param localProvider {@code --local-provider} ({@code ollama} or {@code lmstudio})
 * @param additionalWritableRoots {@code --add-dir}, resolved against the effective cwd
 * @param outputSchema {@code --output-schema} file (carried through; {@code exec} reads it)
 * @param baseInstructions replaces the base instructions
 * @param developerInstructions developer instructions
 * @param showRawAgentReasoning {@code codex exec --oss} sets this
 * @param webSearch {@code --search} gives {@link WebSearchMode#LIVE}
 * @param reasoningEffort reasoning effort (app-server params)
 * @param featureToggles {@code --enable}/{@code --disable}, in command-line order
 */
public record ConfigOverrides(
        String model,
        String reviewModel,
        String modelProvider,
        AskForApproval approvalPolicy,
        SandboxMode sandboxMode,
        Path cwd,
        boolean oss,
        String localProvider,
        List<Path> additionalWritableRoots,
        Path outputSchema,
        String baseInstructions,
        String developerInstructions,
        Boolean showRawAgentReasoning,
        WebSearchMode webSearch,
        ReasoningEffort reasoningEffort,
        Map<String, Boolean> featureToggles) {

    public ConfigOverrides {
        additionalWritableRoots = additionalWritableRoots == null ? List.of() : List.copyOf(additionalWritableRoots);
        featureToggles = featureToggles == null
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(featureToggles));
    }

    /** No overrides at all. */
    public static ConfigOverrides none() {
        return builder().build();
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; every setter returns {@code this}. */
    public static final class Builder {
        private String model;
        private String reviewModel;
        private String modelProvider;
        private AskForApproval approvalPolicy;
        private SandboxMode sandboxMode;
        private Path cwd;
        private boolean oss;
        private String localProvider;
        private final List<Path> additionalWritableRoots = new ArrayList<>();
        private Path outputSchema;
        private String baseInstructions;
        private String developerInstructions;
        private Boolean showRawAgentReasoning;
        private WebSearchMode webSearch;
        private ReasoningEffort reasoningEffort;
        private final Map<String, Boolean> featureToggles = new LinkedHashMap<>();

        private Builder() {}

        public Builder model(String value) { model = value; return this; }

        public Builder reviewModel(String value) { reviewModel = value; return this; }

        public Builder modelProvider(String value) { modelProvider = value; return this; }

        public Builder approvalPolicy(AskForApproval value) { approvalPolicy = value; return this; }

        public Builder sandboxMode(SandboxMode value) { sandboxMode = value; return this; }

        public Builder cwd(Path value) { cwd = value; return this; }

        /** {@code --oss}. */
        public Builder oss() { oss = true; return this; }

        public Builder localProvider(String value) { localProvider = value; return this; }

        public Builder addWritableRoot(Path value) { additionalWritableRoots.add(value); return this; }

        public Builder outputSchema(Path value) { outputSchema = value; return this; }

        public Builder baseInstructions(String value) { baseInstructions = value; return this; }

        public Builder developerInstructions(String value) { developerInstructions = value; return this; }

        /** Show raw reasoning ({@code codex exec --oss} does this). */
        public Builder showRawAgentReasoning() { showRawAgentReasoning = true; return this; }

        public Builder webSearch(WebSearchMode value) { webSearch = value; return this; }

        public Builder reasoningEffort(ReasoningEffort value) { reasoningEffort = value; return this; }

        /** {@code --enable <feature>}. */
        public Builder enableFeature(String key) { featureToggles.put(key, true); return this; }

        /** {@code --disable <feature>}. */
        public Builder disableFeature(String key) { featureToggles.put(key, false); return this; }

        /**
         * {@code --full-auto}: sandbox {@code workspace-write}, and approval {@code on-request} unless an approval
         * policy was already chosen (so {@code codex exec} can keep its forced {@code never}).
         */
        public Builder fullAuto() {
            sandboxMode = SandboxMode.WORKSPACE_WRITE;
            if (approvalPolicy == null) {
                approvalPolicy = AskForApproval.ON_REQUEST;
            }
            return this;
        }

        /** {@code --dangerously-bypass-approvals-and-sandbox} / {@code --yolo}: no sandbox, never ask. */
        public Builder dangerouslyBypassApprovalsAndSandbox() {
            sandboxMode = SandboxMode.DANGER_FULL_ACCESS;
            approvalPolicy = AskForApproval.NEVER;
            return this;
        }

        public ConfigOverrides build() {
            return new ConfigOverrides(model, reviewModel, modelProvider, approvalPolicy, sandboxMode, cwd, oss,
                    localProvider, additionalWritableRoots, outputSchema, baseInstructions, developerInstructions,
                    showRawAgentReasoning, webSearch, reasoningEffort, featureToggles);
        }
    }
}
