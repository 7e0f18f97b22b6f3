package dev.jcodex.process;

import java.io.ByteArrayOutputStream;

/**
 * A byte buffer with a cap: either keeps the first {@code max} bytes, or keeps the first half and the most recent
 * half (dropping the middle, like the reference's unified exec {@code HeadTailBuffer}). Not thread-safe.
 */
final class ByteRing {

    private final OutputCaps.Retention retention;
    private final int headBudget;
    private final int tailBudget;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private byte[] tail = new byte[0];
    private int tailStart;
    private int tailLength;
    private long omittedBytes;

    ByteRing(int maxBytes, OutputCaps.Retention retention) {
        this.retention = retention;
        if (retention == OutputCaps.Retention.HEAD) {
            this.headBudget = maxBytes;
            this.tailBudget = 0;
        } else {
            this.headBudget = maxBytes / 2;
            this.tailBudget = maxBytes - headBudget;
        }
    }

    void append(byte[] chunk, int offset, int length) {
        int toHead = Math.min(headBudget - head.size(), length);
        if (toHead > 0) {
            head.write(chunk, offset, toHead);
        }
        int rest = length - toHead;
        if (rest == 0) {
            return;
        }
        if (retention == OutputCaps.Retention.HEAD || tailBudget == 0) {
            omittedBytes += rest;
            return;
        }
        appendTail(chunk, offset + toHead, rest);
    }

    private void appendTail(byte[] chunk, int offset, int length) {
        if (tail.length == 0) {
            tail = new byte[tailBudget];
        }
        if (length >= tailBudget) {
            omittedBytes += tailLength + (length - tailBudget);
            System.arraycopy(chunk, offset + length - tailBudget, tail, 0, tailBudget);
            tailStart = 0;
            tailLength = tailBudget;
            return;
        }
        for (int i = 0; i < length; i++) {
            if (tailLength == tailBudget) {
                tailStart = (tailStart + 1) % tailBudget;
                tailLength--;
                omittedBytes++;
            }
            tail[(tailStart + tailLength) % tailBudget] = chunk[offset + i];
            tailLength++;
        }
    }

    /** Retained bytes: head then tail. */
    byte[] toBytes() {
        byte[] out = new byte[head.size() + tailLength];
        byte[] headBytes = head.toByteArray();
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        for (int i = 0; i < tailLength; i++) {
            out[headBytes.length + i] = tail[(tailStart + i) % tailBudget];
        }
        return out;
    }

    /** Returns the retained bytes and empties the buffer (the omitted count resets too). */
    byte[] drain() {
        byte[] out = toBytes();
        head.reset();
        tailStart = 0;
        tailLength = 0;
        omittedBytes = 0;
        return out;
    }

    int retainedBytes() {
        return head.size() + tailLength;
    }

    long omittedBytes() {
        return omittedBytes;
    }
}
