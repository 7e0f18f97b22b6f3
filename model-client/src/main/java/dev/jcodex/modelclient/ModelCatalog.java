package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The model catalog bundled with jcodex ({@code models.json} next to this class). Lookup is by longest slug
 * prefix: {@code gpt-5.4-mini-2026-01} finds {@code gpt-5.4-mini}, {@code gpt-5.5} wins over {@code gpt-5}.
 * A provider prefix ({@code openai/gpt-oss-20b}) is ignored when the full slug matches nothing.
 */
public final class ModelCatalog {
    private static final System.Logger LOG = System.getLogger(ModelCatalog.class.getName());
    private static final ModelCatalog BUNDLED = load();

    private final List<ModelInfo> models;

    private ModelCatalog(List<ModelInfo> models) {
        this.models = models.stream()
                .sorted(Comparator.comparingInt((ModelInfo m) -> m.slug().length()).reversed()).toList();
    }

    private record CatalogFile(@JsonProperty("models") List<ModelInfo> models) {}

    /** The bundled catalog. */
    public static ModelCatalog bundled() {
        return BUNDLED;
    }

    /** The catalog's models, longest slug first. */
    public List<ModelInfo> models() {
        return models;
    }

    /** The entry whose slug is the longest prefix of {@code slug}, with {@code slug} as its slug. */
    public Optional<ModelInfo> lookup(String slug) {
        Optional<ModelInfo> direct = prefixMatch(slug);
        if (direct.isPresent()) {
            return direct;
        }
        int slash = slug.lastIndexOf('/');
        return slash >= 0 ? prefixMatch(slug.substring(slash + 1)).map(m -> m.withSlug(slug)) : Optional.empty();
    }

    /** {@link #lookup} or, for an unknown slug, {@link ModelInfo#fallback} (flagged as such). */
    public ModelInfo find(String slug) {
        return lookup(slug).orElseGet(() -> {
            LOG.log(System.Logger.Level.WARNING, "Unknown model {0} is used. This will use fallback model metadata.",
                    slug);
            return ModelInfo.fallback(slug);
        });
    }

    private Optional<ModelInfo> prefixMatch(String slug) {
        for (ModelInfo m : models) {
            if (slug.startsWith(m.slug())) {
                return Optional.of(m.slug().equals(slug) ? m : m.withSlug(slug));
            }
        }
        return Optional.empty();
    }

    private static ModelCatalog load() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("models.json")) {
            if (in == null) {
                throw new IllegalStateException("bundled models.json is missing");
            }
            return new ModelCatalog(ProtocolJson.mapper().readValue(in, CatalogFile.class).models());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled models.json", e);
        }
    }
}
