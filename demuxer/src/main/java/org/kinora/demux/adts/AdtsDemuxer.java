package org.kinora.demux.adts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.demux.Demuxer;
import org.kinora.demux.io.InputBuffer;

/**
 * Raw AAC in ADTS frames (ISO/IEC 14496-3 1.A.2): one audio track whose codec configuration is
 * the two-byte AudioSpecificConfig the first header stands for; one {@link Packet} per frame
 * holding its raw_data_block(s) without header and CRCs, pts counting samples (1024 per block,
 * timescale = sampling frequency). Bytes that are not a frame are skipped until the next
 * syncword. Seeking is not supported.
 */
public final class AdtsDemuxer implements Demuxer {
    /** Bytes skipped looking for a syncword before the input is declared not ADTS. */
    private static final int MAX_RESYNC = 64 * 1024;

    private final InputBuffer in = new InputBuffer();
    private boolean announced;
    private final AdtsHeader header = new AdtsHeader();
    private final List<TrackInfo> tracks = new ArrayList<>();
    private final Packet packet = new Packet();
    private byte[] out = new byte[8192];
    private long samples;
    private int skipped;
    private boolean pending;

    /** True when the file starts with an ADTS frame header (followed by another, when in view). */
    public static boolean sniff(byte[] head, int length) {
        return AdtsHeader.sniff(head, length);
    }

    @Override
    public void setInputLength(long length) {
    }

    @Override
    public void feed(byte[] data, int offset, int length) {
        in.feed(data, offset, length);
    }

    @Override
    public void endOfInput() {
        in.endOfInput();
    }

    @Override
    public int poll() {
        if (pending) {
            pending = false;
            return PACKET;
        }
        while (true) {
            if (in.available() < 7) {
                return in.ended() ? END : NEED_MORE_DATA;
            }
            if (!header.parse(in.array(), in.offset())) {
                in.consume(1);
                if (++skipped > MAX_RESYNC && !announced) {
                    throw new MalformedStreamException("no ADTS frame in the first " + MAX_RESYNC + " bytes");
                }
                continue;
            }
            if (in.available() < header.frameLength) {
                if (in.ended()) {
                    return END; // a truncated last frame is dropped
                }
                return NEED_MORE_DATA;
            }
            skipped = 0;
            if (!announced) {
                announce();
                return TRACKS_CHANGED;
            }
            emit();
            return PACKET;
        }
    }

    private void announce() {
        int rate = AdtsHeader.FREQUENCIES[header.samplingFrequencyIndex];
        int channels = header.channelConfiguration == 7 ? 8 : header.channelConfiguration;
        // AudioSpecificConfig (1.6.2.1): objectType = profile_ObjectType + 1, then the index and
        // channel configuration, then a GASpecificConfig of three zero flags
        int asc = (header.profileObjectType + 1) << 11 | header.samplingFrequencyIndex << 7
                | header.channelConfiguration << 3;
        tracks.add(new TrackInfo.Builder(1, TrackType.AUDIO, TrackInfo.AAC).timescale(rate)
                .audio(rate, channels).codecConfig(new byte[] {(byte) (asc >> 8), (byte) asc}).build());
        announced = true;
    }

    /** Copies the frame's raw_data_block(s) into the packet (1.A.2.2.2: CRCs removed). */
    private void emit() {
        int h = header.headerLength();
        int frame = header.frameLength;
        int blocks = header.rawDataBlocks;
        byte[] buf = in.array();
        int start = in.offset();
        if (out.length < frame) {
            out = new byte[frame];
        }
        int n;
        if (header.protectionAbsent || blocks == 1) {
            n = frame - h;
            System.arraycopy(buf, start + h, out, 0, n);
        } else {
            // adts_header_error_check: raw_data_block_position[1 .. blocks - 1], then crc_check;
            // each block is followed by its own 16-bit CRC
            int positionsEnd = 7 + 2 * (blocks - 1) + 2;
            n = 0;
            int blockStart = positionsEnd;
            for (int i = 0; i < blocks; i++) {
                int next = i + 1 < blocks
                        ? ((buf[start + 7 + 2 * i] & 0xFF) << 8 | (buf[start + 8 + 2 * i] & 0xFF)) : frame;
                int blockEnd = i + 1 < blocks ? next - 2 : frame - 2;
                if (blockEnd < blockStart || blockEnd > frame) {
                    throw new MalformedStreamException("ADTS raw_data_block_position out of the frame");
                }
                System.arraycopy(buf, start + blockStart, out, n, blockEnd - blockStart);
                n += blockEnd - blockStart;
                blockStart = next;
            }
        }
        packet.set(1, out, 0, n);
        packet.pts = samples;
        packet.dts = samples;
        packet.duration = 1024L * blocks;
        packet.keyframe = true;
        samples += 1024L * blocks;
        in.consume(frame);
    }

    @Override
    public Packet packet() {
        return packet;
    }

    @Override
    public long seekPosition() {
        return 0;
    }

    @Override
    public List<TrackInfo> tracks() {
        return Collections.unmodifiableList(tracks);
    }

    @Override
    public double durationSeconds() {
        return Double.NaN;
    }

    @Override
    public boolean canSeek() {
        return false;
    }

    @Override
    public void seekTo(double seconds) {
        throw new UnsupportedFeatureException("ADTS streams cannot seek");
    }
}
