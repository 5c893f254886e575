package org.kinora.demux.ogg;

import java.util.List;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/**
 * Vorbis in Ogg (Vorbis I spec, appendix A): granule positions count PCM samples; each audio
 * packet's sample count follows from its own and its predecessor's block size, which the packet's
 * mode number gives once the setup header's mode list is known.
 */
final class VorbisOggCodec extends OggCodec {
    private int channels;
    private int sampleRate;
    private int blocksize0;
    private int blocksize1;
    /** Block flag of each mode (Vorbis I 4.2.4, last part of the setup header). */
    private boolean[] modeBlockFlag;
    private int modeBits;

    /** Block size of the previous audio packet, 0 before the first (it yields no samples). */
    private int previousBlocksize;
    /** Sample position at which the next packet's output starts, or NO_TIMESTAMP. */
    private long nextPts = Packet.NO_TIMESTAMP;
    /** True before the first page with audio packets (the first-page rule applies there). */
    private boolean atStreamStart = true;
    /** Granule position of this stream's previous page (header pages included). */
    private long lastGranule;
    /** The block size FFmpeg's duration parser assumes for the packet before the next one. */
    private int ffmpegPreviousBlocksize;

    @Override
    void parseHeader(int index, byte[] d, int length) {
        int type = index == 0 ? 1 : index == 1 ? 3 : 5;
        if (length < 7 || d[0] != type || !isVorbisMagic(d)) {
            throw new MalformedStreamException("Vorbis header " + index + " has the wrong type or signature");
        }
        if (index == 0) {
            parseIdentification(d, length);
        } else if (index == 2) {
            parseModes(d, length);
        }
    }

    // Vorbis I 4.2.2
    private void parseIdentification(byte[] d, int length) {
        if (length < 30) {
            throw new MalformedStreamException("Vorbis identification header is " + length + " bytes");
        }
        if (s32le(d, 7) != 0) {
            throw new MalformedStreamException("Vorbis version " + s32le(d, 7) + " is not 0");
        }
        channels = d[11] & 0xFF;
        sampleRate = s32le(d, 12);
        int bs = d[28] & 0xFF;
        int e0 = bs & 15;
        int e1 = bs >> 4;
        if (channels == 0 || sampleRate <= 0 || e0 < 6 || e0 > 13 || e1 < 6 || e1 > 13 || e0 > e1 || (d[29] & 1) == 0) {
            throw new MalformedStreamException("bad Vorbis identification header");
        }
        blocksize0 = 1 << e0;
        blocksize1 = 1 << e1;
    }

    /**
     * Finds the mode list at the end of the setup header without parsing what comes before it:
     * the last set bit is the framing flag; before it lie {@code count} modes of 41 bits
     * (blockflag 1, windowtype 16, transformtype 16, mapping 8; the two types must be 0), and
     * before those the 6-bit mode count minus one. The longest consistent reading wins.
     */
    private void parseModes(byte[] d, int length) {
        int framing = -1;
        for (int bit = length * 8 - 1; bit >= 56; bit--) {
            if (bit(d, bit) != 0) {
                framing = bit;
                break;
            }
        }
        if (framing < 0) {
            throw new MalformedStreamException("Vorbis setup header has no framing bit");
        }
        int best = 0;
        for (int count = 1; count <= 64; count++) {
            int modeStart = framing - 41 * count;
            if (modeStart - 6 < 56) {
                break;
            }
            // the mode added by this count is the first one of the list
            if (bits(d, modeStart + 1, 16) != 0 || bits(d, modeStart + 17, 16) != 0 || bits(d, modeStart + 33, 8) > 63) {
                break;
            }
            if (bits(d, modeStart - 6, 6) + 1 == count) {
                best = count;
            }
        }
        if (best == 0) {
            throw new MalformedStreamException("Vorbis setup header: mode list not found");
        }
        modeBlockFlag = new boolean[best];
        int modeStart = framing - 41 * best;
        for (int i = 0; i < best; i++) {
            modeBlockFlag[i] = bit(d, modeStart + 41 * i) != 0;
        }
        modeBits = 0;
        while ((1 << modeBits) < best) {
            modeBits++;
        }
        ffmpegPreviousBlocksize = modeBlockFlag[0] ? blocksize1 : blocksize0;
    }

    private static int bit(byte[] d, int pos) {
        return (d[pos >> 3] >> (pos & 7)) & 1;
    }

    private static int bits(byte[] d, int pos, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v |= bit(d, pos + i) << i;
        }
        return v;
    }

    @Override
    TrackInfo buildTrack(int serial, List<byte[]> headers, long durationTicks) {
        TrackInfo.Builder b = new TrackInfo.Builder(serial, TrackType.AUDIO, TrackInfo.VORBIS)
                .timescale(sampleRate).audio(sampleRate, channels).duration(durationTicks);
        for (byte[] h : headers) {
            b.addCodecHeader(h);
        }
        return b.build();
    }

    @Override
    long timescale() {
        return sampleRate;
    }

    @Override
    long granuleToTicks(long granule) {
        return granule;
    }

    /** Block size of an audio packet, or 0 for a packet that decodes to nothing. */
    private int blocksizeOf(OggPacketEntry p) {
        if (p.length == 0 || (p.data[0] & 1) != 0) {
            return 0;
        }
        int mode = ((p.data[0] & 0xFF) >> 1) & ((1 << modeBits) - 1);
        if (mode >= modeBlockFlag.length) {
            return 0;
        }
        return modeBlockFlag[mode] ? blocksize1 : blocksize0;
    }

    /** FFmpeg's packet duration: a long block takes its predecessor's size from its own flag. */
    private int ffmpegDuration(OggPacketEntry p) {
        if (p.length == 0 || (p.data[0] & 1) != 0) {
            return 0;
        }
        int mode = ((p.data[0] & 0xFF) >> 1) & ((1 << modeBits) - 1);
        if (mode >= modeBlockFlag.length) {
            return 0;
        }
        int previous = ffmpegPreviousBlocksize;
        int current = blocksize0;
        if (modeBlockFlag[mode]) {
            current = blocksize1;
            int prevFlagBit = 1 + modeBits;
            previous = ((p.data[0] & 0xFF) >> prevFlagBit & 1) != 0 || (prevFlagBit >= 8 && p.length > 1
                    && (p.data[1] & 1 << (prevFlagBit - 8)) != 0) ? blocksize1 : blocksize0;
        }
        ffmpegPreviousBlocksize = current;
        return (previous + current) >> 2;
    }

    @Override
    void timestampPage(OggPacketEntry[] packets, int first, int count, long granule, boolean eos) {
        if (count == 0) {
            if (granule >= 0) {
                lastGranule = granule;
            }
            return;
        }
        if (atStreamStart && !eos) {
            ffmpegPreviousBlocksize = blocksize0;
        }
        long total = 0;
        long ffmpegTotal = 0;
        for (int i = 0; i < count; i++) {
            OggPacketEntry p = packets[first + i];
            int bs = blocksizeOf(p);
            int samples = 0;
            if (bs != 0) {
                samples = previousBlocksize == 0 ? 0 : (previousBlocksize + bs) >> 2;
                previousBlocksize = bs;
            }
            p.duration = samples;
            p.keyframe = true;
            total += samples;
            ffmpegTotal += ffmpegDuration(p);
        }
        if (nextPts == Packet.NO_TIMESTAMP) {
            long start;
            if (atStreamStart && eos) {
                start = lastGranule;
            } else if (granule < 0) {
                return;
            } else {
                start = granule - total;
                if (atStreamStart && start < 0) {
                    // Vorbis I A.2: the first page ends before the decodable samples do; the
                    // surplus at the start is discarded.
                    long drop = -start;
                    for (int i = 0; i < count && drop > 0; i++) {
                        OggPacketEntry p = packets[first + i];
                        int t = (int) Math.min(drop, p.duration);
                        p.trimStart = t;
                        drop -= t;
                    }
                }
            }
            nextPts = start;
        }
        atStreamStart = false;
        for (int i = 0; i < count; i++) {
            OggPacketEntry p = packets[first + i];
            p.pts = nextPts;
            nextPts += p.duration;
        }
        if (granule >= 0) {
            if (eos) {
                // Vorbis I A.2: the last page's granule position ends the stream inside its last
                // packet. Computed as FFmpeg does, so that the sample count equals its output:
                // from the previous page's granule and FFmpeg's packet durations, applied only
                // when it fits in the last packet.
                long excess = lastGranule >= 0 ? lastGranule + ffmpegTotal - granule : nextPts - granule;
                OggPacketEntry last = packets[first + count - 1];
                if (excess > 0 && excess <= last.duration - last.trimStart) {
                    last.trimEnd = (int) excess;
                }
            }
            nextPts = granule;
            lastGranule = granule;
        }
    }

    @Override
    void resetTime() {
        nextPts = Packet.NO_TIMESTAMP;
        previousBlocksize = 0;
        lastGranule = -1;
        // after a seek or a lost page the next page is not the stream's first (resetToStart says when it is)
        atStreamStart = false;
    }

    @Override
    void resetToStart() {
        resetTime();
        lastGranule = 0;
        atStreamStart = true;
        ffmpegPreviousBlocksize = modeBlockFlag[0] ? blocksize1 : blocksize0;
    }
}
