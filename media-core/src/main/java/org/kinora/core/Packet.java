package org.kinora.core;

/**
 * One compressed unit of a track (a video frame or access unit, an audio packet) as the demuxer
 * delivers it. The bytes are {@code data[offset .. offset + length)}; a demuxer may reuse the
 * array once the consumer returns, so a consumer that keeps a packet copies it.
 *
 * <p>Timestamps count ticks of the track's {@link TrackInfo#timescale()};
 * {@link #NO_TIMESTAMP} means not known.
 */
public final class Packet {
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public int trackId;
    public byte[] data;
    public int offset;
    public int length;
    /** Presentation time of the packet's first sample or frame. */
    public long pts = NO_TIMESTAMP;
    /** Decode time (equal to pts for codecs without reordering). */
    public long dts = NO_TIMESTAMP;
    /** Duration in ticks, or 0 when not known. */
    public long duration;
    /** A random-access point: decoding can start here. */
    public boolean keyframe;
    /**
     * Codec-specific end trim: for Vorbis, the number of samples at the end of this packet that
     * are not part of the stream (end-of-stream granule rule); 0 otherwise.
     */
    public int trimEnd;
    /** For Vorbis: samples at the start of this packet to drop (the first-page rule); 0 otherwise. */
    public int trimStart;

    public Packet() {
    }

    public Packet(int trackId, byte[] data, int offset, int length) {
        set(trackId, data, offset, length);
    }

    /** Points this packet at new bytes and clears every other field. */
    public Packet set(int trackId, byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("packet range " + offset + "+" + length + " outside " + data.length);
        }
        this.trackId = trackId;
        this.data = data;
        this.offset = offset;
        this.length = length;
        this.pts = NO_TIMESTAMP;
        this.dts = NO_TIMESTAMP;
        this.duration = 0;
        this.keyframe = false;
        this.trimEnd = 0;
        this.trimStart = 0;
        return this;
    }

    /** A copy that owns its bytes. */
    public Packet copy() {
        byte[] own = new byte[length];
        System.arraycopy(data, offset, own, 0, length);
        Packet p = new Packet(trackId, own, 0, length);
        p.pts = pts;
        p.dts = dts;
        p.duration = duration;
        p.keyframe = keyframe;
        p.trimEnd = trimEnd;
        p.trimStart = trimStart;
        return p;
    }
}
