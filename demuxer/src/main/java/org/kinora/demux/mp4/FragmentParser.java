package org.kinora.demux.mp4;

import java.util.List;
import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.TrackType;

/** Parses a buffered {@code moof} (ISO/IEC 14496-12 8.8.4 to 8.8.12) into the samples it describes. */
final class FragmentParser {
    /** Samples accepted in one fragment. */
    static final int MAX_FRAGMENT_SAMPLES = 1 << 20;

    private final int[] bounds = new int[1];
    /** A traf without tfdt was met: its decode times depend on the fragments before it. */
    boolean trafWithoutTfdt;

    /**
     * Adds the samples of the moof {@code r[.. end)}, which starts at file offset {@code moofStart},
     * to {@code q}. Tracks' running decode times advance.
     */
    void parse(ByteReader r, int end, long moofStart, List<Mp4Track> tracks, SampleQueue q) {
        int first = q.count;
        long previousTrafDataEnd = moofStart;
        boolean firstTraf = true;
        while (r.position() < end) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.TRAF) {
                previousTrafDataEnd = traf(r, boxEnd, moofStart, firstTraf ? moofStart : previousTrafDataEnd, tracks, q);
                firstTraf = false;
            }
            r.setPosition(boxEnd);
        }
        // negative composition offsets (trun version 1) move pts up by the largest of them, as
        // FFmpeg does; the queue held the raw offsets until now
        for (int i = first; i < q.count; i++) {
            q.pts[i] = q.dts[i] + q.pts[i] + tracks.get(q.track[i]).dtsShift;
        }
    }

    private long traf(ByteReader r, int end, long moofStart, long implicitBase, List<Mp4Track> tracks, SampleQueue q) {
        Mp4Track track = null;
        int trackIndex = -1;
        long base = implicitBase;
        int defaultDuration = 0;
        int defaultSize = 0;
        int defaultFlags = 0;
        long dataEnd = implicitBase;
        boolean firstTrun = true;
        boolean sawTfdt = false;
        while (r.position() < end) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.TFHD) {
                int flags = r.readS32BE() & 0xFFFFFF;
                int id = r.readS32BE();
                for (int i = 0; i < tracks.size(); i++) {
                    if (tracks.get(i).id == id) {
                        track = tracks.get(i);
                        trackIndex = i;
                    }
                }
                if (track == null) {
                    return dataEnd; // a track we do not know: its samples are skipped
                }
                defaultDuration = track.trexDuration;
                defaultSize = track.trexSize;
                defaultFlags = track.trexFlags;
                // 8.8.7.1: explicit base, else the moof (default-base-is-moof or the first traf), else after the previous traf's data
                if ((flags & 0x1) != 0) {
                    base = r.readS64BE();
                } else if ((flags & 0x20000) != 0) {
                    base = moofStart;
                }
                dataEnd = base;
                if ((flags & 0x2) != 0) {
                    r.skip(4);
                }
                if ((flags & 0x8) != 0) {
                    defaultDuration = r.readS32BE();
                }
                if ((flags & 0x10) != 0) {
                    defaultSize = r.readS32BE();
                }
                if ((flags & 0x20) != 0) {
                    defaultFlags = r.readS32BE();
                }
            } else if (type == Boxes.TFDT && track != null) {
                sawTfdt = true;
                int version = r.readU8();
                r.skip(3);
                track.fragmentDts = version == 1 ? r.readS64BE() : r.readU32BE();
            } else if (type == Boxes.TRUN && track != null) {
                dataEnd = trun(r, boxEnd, track, trackIndex, firstTrun ? base : dataEnd, base, defaultDuration, defaultSize,
                        defaultFlags, q);
                firstTrun = false;
            }
            r.setPosition(boxEnd);
        }
        if (track != null && !sawTfdt) {
            trafWithoutTfdt = true;
        }
        return dataEnd;
    }

    /** 8.8.8: returns the offset after the run's data. */
    private long trun(ByteReader r, int end, Mp4Track track, int trackIndex, long position, long base, int defaultDuration,
            int defaultSize, int defaultFlags, SampleQueue q) {
        int version = r.readU8();
        int flags = r.readU24BE();
        int n = r.readS32BE();
        int perSample = Integer.bitCount(flags & 0xF00) * 4;
        int fixed = ((flags & 0x1) != 0 ? 4 : 0) + ((flags & 0x4) != 0 ? 4 : 0);
        if (n < 0 || n > MAX_FRAGMENT_SAMPLES || (perSample > 0 && n > (end - r.position() - fixed) / perSample)) {
            throw new MalformedStreamException("trun sample_count " + (n & 0xFFFFFFFFL) + " larger than its box");
        }
        long pos = position;
        if ((flags & 0x1) != 0) {
            pos = base + r.readS32BE();
        }
        int firstFlags = (flags & 0x4) != 0 ? r.readS32BE() : defaultFlags;
        boolean hasFirstFlags = (flags & 0x4) != 0;
        for (int i = 0; i < n; i++) {
            int duration = (flags & 0x100) != 0 ? r.readS32BE() : defaultDuration;
            int size = (flags & 0x200) != 0 ? r.readS32BE() : defaultSize;
            int sampleFlags = (flags & 0x400) != 0 ? r.readS32BE() : i == 0 && hasFirstFlags ? firstFlags : defaultFlags;
            if (i == 0 && hasFirstFlags) {
                sampleFlags = firstFlags;
            }
            long cts = 0;
            if ((flags & 0x800) != 0) {
                int v = r.readS32BE();
                cts = version == 0 ? v & 0xFFFFFFFFL : v;
            }
            if (size < 0) {
                throw new MalformedStreamException("trun sample size " + (size & 0xFFFFFFFFL));
            }
            // 8.8.3.1 sample_is_non_sync_sample, sample_depends_on
            boolean key = track.type == TrackType.AUDIO
                    || ((sampleFlags & 0x10000) == 0 && ((sampleFlags >> 24) & 3) != 1);
            long dts = track.fragmentDts + track.editShift;
            if (cts < -track.dtsShift) {
                track.dtsShift = -cts;
            }
            q.add(pos, size, trackIndex, -1, dts, cts, duration, key, MAX_FRAGMENT_SAMPLES);
            track.fragmentDts += duration & 0xFFFFFFFFL;
            pos += size;
        }
        return pos;
    }
}
