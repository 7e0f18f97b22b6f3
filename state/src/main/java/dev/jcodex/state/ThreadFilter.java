package dev.jcodex.state;

import java.util.Set;

/**
 * Which threads {@link ThreadIndex#list} returns, newest {@code updatedAt} first.
 *
 * @param cwd only threads started in this directory, or {@code null} for any
 * @param modelProvider only threads of this provider, or {@code null} for any
 * @param archived active, archived or both
 * @param sources only these source labels; empty for any
 * @param pageSize at most this many threads (1..1000)
 * @param cursor where the previous page ended ({@link ThreadPage#nextCursor()}), or {@code null} for the first
 */
public record ThreadFilter(
        String cwd, String modelProvider, Archived archived, Set<String> sources, int pageSize, String cursor) {

    /** Which side of archiving to list. */
    public enum Archived { ACTIVE, ARCHIVED, ALL }

    public ThreadFilter {
        archived = archived == null ? Archived.ACTIVE : archived;
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1..1000: " + pageSize);
        }
    }

    /** The first page of active threads of any cwd, provider and source. */
    public static ThreadFilter firstPage(int pageSize) {
        return new ThreadFilter(null, null, Archived.ACTIVE, Set.of(), pageSize, null);
    }

    /** This filter restricted to one working directory. */
    public ThreadFilter withCwd(String value) {
        return new ThreadFilter(value, modelProvider, archived, sources, pageSize, cursor);
    }

    /** This filter restricted to one provider. */
    public ThreadFilter withModelProvider(String value) {
        return new ThreadFilter(cwd, value, archived, sources, pageSize, cursor);
    }

    /** This filter with another archive side. */
    public ThreadFilter withArchived(Archived value) {
        return new ThreadFilter(cwd, modelProvider, value, sources, pageSize, cursor);
    }

    /** This filter restricted to some sources. */
    public ThreadFilter withSources(Set<String> value) {
        return new ThreadFilter(cwd, modelProvider, archived, value, pageSize, cursor);
    }

    /** The page after the one that returned {@code nextCursor}. */
    public ThreadFilter withCursor(String nextCursor) {
        return new ThreadFilter(cwd, modelProvider, archived, sources, pageSize, nextCursor);
    }
}
