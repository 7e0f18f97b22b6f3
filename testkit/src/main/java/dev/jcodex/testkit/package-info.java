/**
 * Test support shared by every jcodex module: a scripted mock of the Responses and Chat Completions APIs on the
 * JDK {@code HttpServer} ({@link dev.jcodex.testkit.MockResponsesServer}, scripted with
 * {@link dev.jcodex.testkit.MockResponse}), request capture ({@link dev.jcodex.testkit.CapturedRequest}) and a
 * temporary CODEX_HOME ({@link dev.jcodex.testkit.TempCodexHome}). Loopback only; use with {@code <scope>test}.
 */
package dev.jcodex.testkit;
