package org.kinora.demux.ogg;

import java.util.List;
import org.kinora.core.TrackInfo;

/**
 * What the Ogg layer needs to know about the codec carried by one logical stream: its header
 * packets, the meaning of its granule positions and each data packet's timestamps.
 */
abstract class OggCodec {
    /** Number of header packets before the first data packet. */
    int headerCount() {
        return 3;
    }

    /** Checks and reads header packet {@code index} (0-based). */
    abstract void parseHeader(int index, byte[] d, int length);

    /** The track once every header was read. */
    abstract TrackInfo buildTrack(int serial, List<byte[]> headers, long durationTicks);

    /** Track timescale (ticks per second). */
    abstract long timescale();

    /**
     * Presentation time in ticks at which the content a granule position refers to ends (Vorbis:
     * samples decoded so far) or of the frame it names (Theora); -1 when not a valid position.
     */
    abstract long granuleToTicks(long granule);

    /**
     * Sets the timestamps of the {@code count} packets that complete on one page. {@code granule}
     * is the page's granule position (-1 when none), {@code eos} whether it is the stream's last page.
     */
    abstract void timestampPage(OggPacketEntry[] packets, int first, int count, long granule, boolean eos);

    /** Forgets the running timestamp (after a seek or a lost page). */
    abstract void resetTime();

    /** True when only some packets are random-access points (after a seek, parsing waits for one). */
    boolean hasKeyframes() {
        return false;
    }

    /** Presentation time in ticks at which the content up to {@code granule} ends; -1 when not valid. */
    long granuleToEndTicks(long granule) {
        return granuleToTicks(granule);
    }

    /** For codecs with keyframes: the frame number a granule position names; -1 otherwise. */
    long granuleToFrame(long granule) {
        return -1;
    }

    /** For codecs with keyframes: the frame number of the keyframe a granule position refers to; -1 otherwise. */
    long granuleToKeyframe(long granule) {
        return -1;
    }

    /** Back to the state after the headers (a seek to the first data page). */
    void resetToStart() {
        resetTime();
    }

    /** The codec that a stream's first packet announces, or null when it is not one we decode. */
    static OggCodec identify(byte[] d, int length) {
        if (length >= 7 && d[0] == 1 && isVorbisMagic(d)) {
            return new VorbisOggCodec();
        }
        if (length >= 7 && (d[0] & 0xFF) == 0x80 && d[1] == 't' && d[2] == 'h' && d[3] == 'e' && d[4] == 'o'
                && d[5] == 'r' && d[6] == 'a') {
            return new TheoraOggCodec();
        }
        return null;
    }

    static boolean isVorbisMagic(byte[] d) {
        return d[1] == 'v' && d[2] == 'o' && d[3] == 'r' && d[4] == 'b' && d[5] == 'i' && d[6] == 's';
    }

    static int u16le(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8;
    }

    static int s32le(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF) << 16 | (d[i + 3] & 0xFF) << 24;
    }

    static int u16be(byte[] d, int i) {
        return (d[i] & 0xFF) << 8 | (d[i + 1] & 0xFF);
    }

    static int u24be(byte[] d, int i) {
        return (d[i] & 0xFF) << 16 | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF);
    }

    static int s32be(byte[] d, int i) {
        return (d[i] & 0xFF) << 24 | (d[i + 1] & 0xFF) << 16 | (d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF);
    }
}
