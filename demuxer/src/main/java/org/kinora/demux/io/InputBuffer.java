package org.kinora.demux.io;

import org.kinora.core.MalformedStreamException;

/**
 * The push-input layer every demuxer parses from: the bytes fed so far and not yet consumed,
 * with the file offset of each. A parser peeks at bytes relative to the read position, consumes
 * what it has parsed and, for data it does not want (an {@code mdat} it will reach by seeking, a
 * Matroska element it ignores), skips past bytes that have not even arrived yet: they are
 * dropped as they are fed.
 *
 * <p>The buffer only ever grows to hold bytes that were fed; a parser that waits for a
 * structure of a size read from the stream checks that size against its own limit first
 * ({@link #require}).
 */
public final class InputBuffer {
    private byte[] data = new byte[1 << 16];
    /** Unconsumed bytes are {@code data[start .. end)}. */
    private int start;
    private int end;
    /** File offset of {@code data[start]}. */
    private long position;
    /** Bytes still to drop from future {@link #feed}s. */
    private long pendingSkip;
    private boolean ended;

    /** Appends the next bytes of the file (the parser's {@code feed}). */
    public void feed(byte[] src, int offset, int length) {
        if (offset < 0 || length < 0 || offset > src.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + src.length);
        }
        if (pendingSkip > 0) {
            int drop = (int) Math.min(pendingSkip, length);
            pendingSkip -= drop;
            position += drop;
            offset += drop;
            length -= drop;
        }
        if (length == 0) {
            return;
        }
        if (end + length > data.length) {
            int live = end - start;
            if (live + length > data.length) {
                byte[] n = new byte[Math.max(live + length, data.length * 2)];
                System.arraycopy(data, start, n, 0, live);
                data = n;
            } else {
                System.arraycopy(data, start, data, 0, live);
            }
            start = 0;
            end = live;
        }
        System.arraycopy(src, offset, data, end, length);
        end += length;
    }

    /** No bytes follow those fed. */
    public void endOfInput() {
        ended = true;
    }

    public boolean ended() {
        return ended;
    }

    /** True when every byte of the file has been fed and consumed (or skipped). */
    public boolean exhausted() {
        return ended && start == end;
    }

    /** Drops everything: the next byte fed is the file's byte {@code filePosition} (after a seek request). */
    public void reset(long filePosition) {
        start = 0;
        end = 0;
        position = filePosition;
        pendingSkip = 0;
        ended = false;
    }

    /** Unconsumed bytes available now. */
    public int available() {
        return end - start;
    }

    /**
     * True when {@code n} bytes are available; false when more input is needed.
     *
     * @throws MalformedStreamException when {@code n} exceeds {@code limit} (a size read from the
     *     stream that the parser will not buffer), or the input ended first
     */
    public boolean require(long n, int limit, String what) {
        if (n < 0 || n > limit) {
            throw new MalformedStreamException(what + " of " + n + " bytes exceeds the limit of " + limit);
        }
        if (end - start >= n) {
            return true;
        }
        if (ended) {
            throw new org.kinora.core.TruncatedStreamException(what + " cut short by the end of the file");
        }
        return false;
    }

    /** File offset of the next unconsumed byte (past any skip under way). */
    public long position() {
        return position + pendingSkip;
    }

    /** File offset of the next byte to feed. */
    public long endPosition() {
        return position + (end - start);
    }

    /** The array holding the bytes: byte {@code i} ahead of the read position is {@code array()[offset() + i]}. */
    public byte[] array() {
        return data;
    }

    public int offset() {
        return start;
    }

    /** Consumes {@code n} available bytes. */
    public void consume(int n) {
        if (n < 0 || n > end - start) {
            throw new IllegalArgumentException("consume " + n + " of " + (end - start));
        }
        start += n;
        position += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /**
     * Skips {@code n} bytes, available or not: bytes not fed yet are dropped on arrival.
     * {@link #skipping()} tells whether the skip is still under way.
     */
    public void skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("skip " + n);
        }
        int now = (int) Math.min(n, end - start);
        consume(now);
        pendingSkip += n - now;
    }

    /** True while a {@link #skip} waits for bytes to drop. */
    public boolean skipping() {
        return pendingSkip > 0;
    }

    public int u8(int i) {
        return data[start + i] & 0xFF;
    }

    public int u16be(int i) {
        int p = start + i;
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }

    public int u24be(int i) {
        int p = start + i;
        return (data[p] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF);
    }

    public int s32be(int i) {
        int p = start + i;
        return (data[p] & 0xFF) << 24 | (data[p + 1] & 0xFF) << 16 | (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
    }

    public long u32be(int i) {
        return s32be(i) & 0xFFFFFFFFL;
    }

    public long s64be(int i) {
        return (u32be(i) << 32) | u32be(i + 4);
    }

    public int s32le(int i) {
        int p = start + i;
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | (data[p + 3] & 0xFF) << 24;
    }

    /** A copy of {@code n} available bytes from {@code i} ahead of the read position. */
    public byte[] copy(int i, int n) {
        byte[] b = new byte[n];
        System.arraycopy(data, start + i, b, 0, n);
        return b;
    }
}
