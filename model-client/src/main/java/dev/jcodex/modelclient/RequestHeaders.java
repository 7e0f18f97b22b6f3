package dev.jcodex.modelclient;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers of one model request (spec §3.4), in a stable order. */
final class RequestHeaders {
    private RequestHeaders() {}

    static Map<String, String> build(ResolvedProvider provider, Credentials credentials, RequestContext ctx) {
        Map<String, String> h = new LinkedHashMap<>();
        credentials.bearerToken().ifPresent(token -> h.put("authorization", "Bearer " + token));
        if (credentials instanceof Credentials.ChatGpt chat && chat.accountId() != null) {
            h.put("ChatGPT-Account-ID", chat.accountId());
        }
        h.put("accept", "text/event-stream");
        h.put("content-type", "application/json");
        h.put("originator", UserAgent.headerSafe(ctx.userAgent().originator()));
        h.put("user-agent", ctx.userAgent().header());
        h.put("session-id", ctx.threadId());
        h.put("thread-id", ctx.threadId());
        h.put("x-client-request-id", ctx.threadId());
        h.put("x-codex-window-id", ctx.windowId());
        if (ctx.turnMetadataJson() != null) {
            h.put("x-codex-turn-metadata", ctx.turnMetadataJson());
        }
        if (!ctx.betaFeatures().isEmpty()) {
            h.put("x-codex-beta-features", String.join(",", ctx.betaFeatures()));
        }
        if (ctx.turnState() != null) {
            h.put("x-codex-turn-state", ctx.turnState());
        }
        if (provider.info().isOpenAi()) {
            h.put("version", ctx.userAgent().version());
        }
        h.putAll(provider.staticHeaders());
        h.putAll(ctx.extraHeaders());
        return h;
    }
}
