package dev.jcodex.process;

/** Which output stream a chunk came from. A pseudo-terminal reports everything as {@link #STDOUT}. */
public enum StreamKind { STDOUT, STDERR }
