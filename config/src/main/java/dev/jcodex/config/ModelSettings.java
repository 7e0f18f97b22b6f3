package dev.jcodex.config;

import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.Verbosity;
import dev.jcodex.protocol.WireEnum;
import java.nio.file.Path;
import java.util.Map;

/**
 * Model and provider settings (spec §8.3 "Model / provider", §3.8).
 *
 * @param model the effective model slug ({@code -m} &gt; profile &gt; config &gt; {@code --oss} default &gt;
 *              {@link #DEFAULT_MODEL})
 * @param configuredModel the slug the user chose, or null when {@link #model} is a default
 * @param reviewModel {@code review_model}, or null (use {@link #model})
 * @param modelProviderId the selected provider id
 * @param modelProvider the selected provider
 * @param modelProviders every known provider by id (built-ins and {@code [model_providers]})
 * @param chatgptBaseUrl {@code chatgpt_base_url}
 * @param ossProvider {@code oss_provider} ({@code ollama}/{@code lmstudio}), or null
 * @param contextWindow {@code model_context_window}, or null (catalog value)
 * @param autoCompactTokenLimit {@code model_auto_compact_token_limit}, or null
 * @param toolOutputTokenLimit {@code tool_output_token_limit}, or null
 * @param modelCatalogJson {@code model_catalog_json}, or null
 * @param supportsReasoningSummaries {@code model_supports_reasoning_summaries}, or null (catalog decides)
 * @param reasoningEffort {@code model_reasoning_effort}, or null (model default)
 * @param planModeReasoningEffort {@code plan_mode_reasoning_effort}, or null
 * @param reasoningSummary {@code model_reasoning_summary}, or null
 * @param verbosity {@code model_verbosity}, or null
 * @param personality {@code personality}, or null
 * @param serviceTier {@code service_tier}, or null
 */
public record ModelSettings(
        String model,
        String configuredModel,
        String reviewModel,
        String modelProviderId,
        ModelProviderInfo modelProvider,
        Map<String, ModelProviderInfo> modelProviders,
        String chatgptBaseUrl,
        String ossProvider,
        Long contextWindow,
        Long autoCompactTokenLimit,
        Long toolOutputTokenLimit,
        Path modelCatalogJson,
        Boolean supportsReasoningSummaries,
        ReasoningEffort reasoningEffort,
        ReasoningEffort planModeReasoningEffort,
        ReasoningSummary reasoningSummary,
        Verbosity verbosity,
        Personality personality,
        ServiceTier serviceTier) {

    /** The bundled catalog's default model. */
    public static final String DEFAULT_MODEL = "gpt-5.5";
    public static final String DEFAULT_CHATGPT_BASE_URL = "https://chatgpt.com/backend-api/";
    public static final String DEFAULT_OLLAMA_MODEL = "gpt-oss:20b";
    public static final String DEFAULT_LMSTUDIO_MODEL = "openai/gpt-oss-20b";

    public ModelSettings {
        modelProviders = Map.copyOf(modelProviders);
    }

    /** {@code personality}. */
    public enum Personality implements WireEnum {
        NONE, FRIENDLY, PRAGMATIC;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    /** {@code service_tier}. */
    public enum ServiceTier implements WireEnum {
        FAST, FLEX;

        @Override
        public String wire() {
            return WireEnum.snake(this);
        }
    }

    static ModelSettings parse(TableReader root, ParseContext ctx) {
        ConfigOverrides o = ctx.overrides();
        ModelProviders providers = ModelProviders.parse(root, ctx);
        String ossProvider = root.string("oss_provider");
        if (ossProvider != null && !ModelProviders.isOssProvider(ossProvider)) {
            throw root.invalidValue("oss_provider", "one of lmstudio, ollama");
        }
        // Config values are read (and validated) even when a harness override replaces them.
        String fromConfig = root.string("model");
        String providerFromConfig = root.string("model_provider");
        String reviewModel = root.string("review_model");
        ReasoningEffort effort = root.enumValue("model_reasoning_effort", ReasoningEffort.class);
        String providerId;
        Origin providerOrigin;
        String configuredModel = o.model() != null ? o.model() : fromConfig;
        String model = configuredModel;
        if (o.oss()) {
            providerId = ossProviderId(o, ossProvider, ctx);
            providerOrigin = ctx.flag("model_provider (--oss)");
            configuredModel = o.model();
            model = o.model() != null ? o.model()
                    : providerId.equals("lmstudio") ? DEFAULT_LMSTUDIO_MODEL : DEFAULT_OLLAMA_MODEL;
        } else if (o.modelProvider() != null) {
            providerId = o.modelProvider();
            providerOrigin = ctx.flag("model_provider");
        } else {
            providerId = providerFromConfig != null ? providerFromConfig : ModelProviders.OPENAI;
            providerOrigin = root.originOf("model_provider");
        }
        ModelProviderInfo provider = providers.select(providerId, providerOrigin);
        if (o.reasoningEffort() != null) {
            effort = o.reasoningEffort();
        }
        return new ModelSettings(
                model != null ? model : DEFAULT_MODEL,
                configuredModel,
                o.reviewModel() != null ? o.reviewModel() : reviewModel,
                providerId,
                provider,
                providers.all(),
                root.string("chatgpt_base_url", DEFAULT_CHATGPT_BASE_URL),
                ossProvider,
                root.integer("model_context_window"),
                root.integer("model_auto_compact_token_limit"),
                root.nonNegative("tool_output_token_limit"),
                root.path("model_catalog_json"),
                root.bool("model_supports_reasoning_summaries"),
                effort,
                root.enumValue("plan_mode_reasoning_effort", ReasoningEffort.class),
                root.enumValue("model_reasoning_summary", ReasoningSummary.class),
                root.enumValue("model_verbosity", Verbosity.class),
                root.enumValue("personality", Personality.class),
                root.enumValue("service_tier", ServiceTier.class));
    }

    private static String ossProviderId(ConfigOverrides o, String configured, ParseContext ctx) {
        String id = o.localProvider() != null ? o.localProvider() : configured;
        if (id == null) {
            throw new ConfigException("No default OSS provider configured. Use --local-provider=provider or set"
                    + " oss_provider to one of: lmstudio, ollama in config.toml");
        }
        if (!ModelProviders.isOssProvider(id)) {
            throw ConfigException.at(ctx.flag("oss_provider (--local-provider)"),
                    "invalid value \"" + id + "\": expected one of lmstudio, ollama");
        }
        return id;
    }
}
