/** Wire and internal protocol types of jcodex: Responses items, thread events and ops, policies, exec JSONL. */
package dev.jcodex.protocol;
