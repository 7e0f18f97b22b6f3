/**
 * The only door front ends use to reach an app-server: {@link dev.jcodex.appserver.client.AppServerClient} sends
 * typed v2 requests and streams notifications and server requests as
 * {@link dev.jcodex.appserver.client.ServerEvent}s over an {@link dev.jcodex.appserver.client.AppServerTransport}
 * (in-process, stdio or WebSocket).
 */
package dev.jcodex.appserver.client;
