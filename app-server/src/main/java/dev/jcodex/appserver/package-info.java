/**
 * The app-server (spec §13): a JSON-RPC v2 server that front ends reach through {@code app-server-client}. It
 * drives the core's {@link dev.jcodex.core.ThreadManager} and turns each thread's core events into v2
 * notifications and approval server requests. Entry points: {@link dev.jcodex.appserver.AppServer} (any
 * transport) and {@link dev.jcodex.appserver.InProcessAppServer} (in-memory, for {@code codex exec} and the TUI).
 */
package dev.jcodex.appserver;
