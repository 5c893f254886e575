package org.kinora.demux.hevc;

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
import org.kinora.hevc.params.HevcConfigRecord;
import org.kinora.hevc.params.Sps;

/**
 * Raw H.265 Annex B byte streams: splits the bytes into access units (H.265 7.4.2.4.4), one
 * {@link Packet} per access unit holding its NAL units with their start codes.
 *
 * <p>Raw streams carry no timestamps: packet {@code pts} counts access units, in the time base of
 * the first SPS's VUI timing (vui_time_scale, vui_num_units_in_tick per picture) or, without it,
 * in a 25 Hz time base (pts = access unit index). The single video track reports the cropped
 * picture size of the first SPS. Seeking is not supported.
 */
public final class AnnexBDemuxer implements Demuxer {
    /** Frame rate assumed when the SPS has no VUI timing: the time base is then one tick per access unit. */
    public static final int DEFAULT_FPS = 25;
    /** An access unit larger than this is treated as malformed input. */
    private static final int MAX_ACCESS_UNIT = 64 << 20;

    private final InputBuffer in = new InputBuffer();
    /** The current access unit starts at the read position of {@link #in}; these count from there. */
    private byte[] buf;
    private int base;
    private int len;
    /** Where the search for the next start code continues. */
    private int scanPos;
    private boolean sawVcl;
    private boolean keyframe;
    private boolean done;
    /** Start of an SPS NAL unit whose end is not known yet, or -1. */
    private int spsStart = -1;
    private int width;
    private int height;
    private boolean tracksAnnounced;
    private boolean packetPending;
    private final List<TrackInfo> tracks = new ArrayList<>();
    private final Packet packet = new Packet();
    private byte[] out = new byte[0];
    private long index;
    /** The time base: VUI timing when the SPS has it, otherwise 25 fps with one tick per access unit. */
    private int timescale = DEFAULT_FPS;
    private int ticksPerFrame = 1;

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
        if (packetPending) {
            if (!tracksAnnounced) {
                announce();
                return TRACKS_CHANGED;
            }
            packetPending = false;
            return PACKET;
        }
        if (done) {
            return END;
        }
        buf = in.array();
        base = in.offset();
        len = in.available();
        boolean ended = in.ended();
        if (len > MAX_ACCESS_UNIT + (1 << 20)) {
            throw new MalformedStreamException("HEVC access unit larger than " + MAX_ACCESS_UNIT + " bytes");
        }
        while (true) {
            int sc = findStartCode(scanPos);
            if (sc < 0) {
                if (!ended) {
                    scanPos = Math.max(scanPos, len - 2);
                    return NEED_MORE_DATA;
                }
                finishSps(len);
                done = true;
                if (sawVcl || len > 0) {
                    emit(len);
                    return poll();
                }
                return END;
            }
            int nal = sc + 3;
            if (len - nal < 3 && !ended) {
                scanPos = sc;
                return NEED_MORE_DATA;
            }
            finishSps(sc);
            int type = nal < len ? (buf[base + nal] >> 1) & 0x3F : -1;
            boolean vcl = type >= 0 && type < 32;
            boolean firstSlice = vcl && nal + 2 < len && (buf[base + nal + 2] & 0x80) != 0;
            // 7.4.2.4.4: these NAL units, after a VCL unit, start the next access unit
            boolean startsAu = firstSlice || (type >= 32 && type <= 35) || type == 39
                    || (type >= 41 && type <= 44) || (type >= 48 && type <= 55);
            scanPos = nal;
            if (sawVcl && startsAu) {
                int cut = sc;
                while (cut > 0 && buf[base + cut - 1] == 0) {
                    cut--;
                }
                emit(cut);
                in.consume(cut);
                scanPos = nal - cut;
                noteNal(type, vcl, nal - cut);
                return poll();
            }
            noteNal(type, vcl, nal);
            if (sc > MAX_ACCESS_UNIT) {
                throw new MalformedStreamException("HEVC access unit larger than " + MAX_ACCESS_UNIT + " bytes");
            }
        }
    }

    private void noteNal(int type, boolean vcl, int nal) {
        if (vcl) {
            sawVcl = true;
            if (type >= 16 && type <= 23) {
                keyframe = true;
            }
        }
        if (type == 33 && width == 0) {
            spsStart = nal;
        }
    }

    private void finishSps(int end) {
        if (spsStart >= 0) {
            Sps sps = HevcConfigRecord.readSps(buf, base + spsStart, end - spsStart);
            if (sps != null) {
                width = sps.croppedWidth();
                height = sps.croppedHeight();
                if (sps.timeScale > 0 && sps.numUnitsInTick > 0) { // E.2.1 vui_timing_info
                    timescale = sps.timeScale;
                    ticksPerFrame = sps.numUnitsInTick;
                }
            }
            spsStart = -1;
        }
    }

    /** Index of the next 0x000001 at or after {@code from}, or -1. */
    private int findStartCode(int from) {
        byte[] b = buf;
        int o = base;
        for (int i = from; i + 2 < len; i++) {
            if (b[o + i + 2] > 1) {
                i += 2;
            } else if (b[o + i] == 0 && b[o + i + 1] == 0 && b[o + i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    private void emit(int end) {
        int n = end;
        if (out.length < n) {
            out = new byte[Math.max(n, out.length * 2)];
        }
        System.arraycopy(buf, base, out, 0, n);
        packet.set(1, out, 0, n);
        packet.pts = index * ticksPerFrame;
        packet.dts = packet.pts;
        packet.duration = ticksPerFrame;
        packet.keyframe = keyframe;
        index++;
        sawVcl = false;
        keyframe = false;
        packetPending = true;
    }

    private void announce() {
        tracks.clear();
        tracks.add(new TrackInfo.Builder(1, TrackType.VIDEO, TrackInfo.HEVC).timescale(timescale)
                .size(width, height).frameRate(timescale, ticksPerFrame).build());
        tracksAnnounced = true;
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
        throw new UnsupportedFeatureException("raw HEVC streams cannot seek");
    }
}
