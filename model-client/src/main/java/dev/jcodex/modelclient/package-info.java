/**
 * The model client: the OpenAI Responses API over HTTP + SSE and Chat Completions on {@code java.net.http},
 * model providers and credentials ({@code auth.json}, API keys, ChatGPT device-code login and token refresh),
 * transport retries, rate-limit headers and the bundled model catalog.
 *
 * <p>Entry points: {@link dev.jcodex.modelclient.ModelClient}, {@link dev.jcodex.modelclient.ProviderResolver},
 * {@link dev.jcodex.modelclient.ModelCatalog}, {@link dev.jcodex.modelclient.LoginCommands}.
 */
package dev.jcodex.modelclient;
