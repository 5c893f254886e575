package org.kinora.demux;

import java.util.List;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;

/**
 * A resumable, non-blocking container parser. The caller pushes bytes as they arrive and pulls
 * results; the parser never blocks and never assumes the whole file is in memory.
 *
 * <p>Protocol: {@link #feed} bytes that follow the previous ones in the file (starting at offset 0,
 * or at the offset of the last {@link #SEEK} request), then call {@link #poll} until it returns
 * {@link #NEED_MORE_DATA}. On {@link #SEEK} the caller drops what it has not fed yet and feeds
 * from {@link #seekPosition()} on. At the end of the file call {@link #endOfInput()} and poll
 * until {@link #END}.
 *
 * <p>Errors are {@link org.kinora.core.MediaException}s thrown from {@link #poll}.
 */
public interface Demuxer {
    /** Every byte fed so far is consumed; feed more (or signal end of input). */
    int NEED_MORE_DATA = 0;
    /** {@link #packet()} holds the next packet. */
    int PACKET = 1;
    /** Continue feeding from byte {@link #seekPosition()} of the file. */
    int SEEK = 2;
    /** The track list is known or has changed (a chained Ogg stream): see {@link #tracks()}. */
    int TRACKS_CHANGED = 3;
    /** No more packets. */
    int END = 4;

    /** Tells the parser the file's total size when known (enables duration and seeking); -1 otherwise. */
    void setInputLength(long length);

    /** Appends the next bytes of the file. The parser copies what it keeps. */
    void feed(byte[] data, int offset, int length);

    /** The file has no more bytes after those fed. */
    void endOfInput();

    /** Advances the parser: one of the result constants. */
    int poll();

    /** The packet after {@link #PACKET}; valid until the next call to {@link #poll}. */
    Packet packet();

    /** The byte offset after {@link #SEEK}. */
    long seekPosition();

    /** The tracks known so far (complete once the first {@link #TRACKS_CHANGED} was returned). */
    List<TrackInfo> tracks();

    /** Duration of the whole presentation in seconds, or NaN when not (yet) known. */
    double durationSeconds();

    /** True when {@link #seekTo} can be used (the format supports it and the input length is known). */
    boolean canSeek();

    /**
     * Asks for packets from the random-access point at or before {@code seconds}. Following polls
     * return {@link #SEEK} requests until the parser is positioned, then packets from there on.
     */
    void seekTo(double seconds);
}
