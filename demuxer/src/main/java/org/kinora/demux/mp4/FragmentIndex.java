package org.kinora.demux.mp4;

import java.util.List;
import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.TrackType;

/**
 * Where the fragments of a fragmented file start and at which time: from a {@code sidx}
 * (ISO/IEC 14496-12 8.16.3) when the file has one, and from every {@code moof} parsed (while
 * playing or while scanning for a seek), with the tracks' decode times at that point so that
 * fragments without {@code tfdt} keep their timestamps after a seek.
 */
final class FragmentIndex {
    private static final int MAX_ENTRIES = 1 << 20;

    private long[] offset = new long[16];
    private double[] time = new double[16];
    private long[][] dts = new long[16][];
    private int count;
    private boolean complete;

    private long[] sidxOffset = new long[0];
    private double[] sidxTime = new double[0];
    private int sidxTrack = -1;
    private double sidxEnd = Double.NaN;

    /** Reference track: the first video track, else the first. */
    private static int reference(List<Mp4Track> tracks) {
        for (int k = 0; k < tracks.size(); k++) {
            if (tracks.get(k).type == TrackType.VIDEO) {
                return k;
            }
        }
        return tracks.isEmpty() ? -1 : 0;
    }

    /** Records a parsed moof; returns the presentation time (seconds) of its first reference-track sample when that is a sync sample, or NaN. */
    double add(long moofOffset, long[] dtsBefore, SampleQueue q, List<Mp4Track> tracks) {
        int ref = reference(tracks);
        double t = Double.NaN;
        // a seek can start here only when the fragment's first reference-track sample is a sync sample
        for (int i = 0; i < q.count; i++) {
            if (q.track[i] == ref) {
                if (q.key[i]) {
                    t = (double) q.pts[i] / tracks.get(ref).timescale;
                }
                break;
            }
        }
        if (Double.isNaN(t) || count > 0 && moofOffset <= offset[count - 1] || count >= MAX_ENTRIES) {
            return t;
        }
        if (count == offset.length) {
            offset = java.util.Arrays.copyOf(offset, count * 2);
            time = java.util.Arrays.copyOf(time, count * 2);
            dts = java.util.Arrays.copyOf(dts, count * 2);
        }
        offset[count] = moofOffset;
        time[count] = t;
        dts[count] = dtsBefore;
        count++;
        return t;
    }

    /** Every moof up to the end of the file has been seen. */
    void markComplete() {
        complete = true;
    }

    long firstMoof() {
        if (count > 0) {
            return offset[0];
        }
        return sidxOffset.length > 0 ? sidxOffset[0] : -1;
    }

    long lastMoof() {
        return count > 0 ? offset[count - 1] : firstMoof();
    }

    /**
     * The offset of the moof to read from for a seek to {@code seconds}, with the tracks' decode
     * times restored; -1 when the moofs known do not reach past the target yet.
     */
    long positionFor(double seconds, List<Mp4Track> tracks) {
        if (sidxOffset.length > 0) {
            int best = 0;
            for (int i = 0; i < sidxOffset.length; i++) {
                if (sidxTime[i] <= seconds) {
                    best = i;
                }
            }
            return sidxOffset[best];
        }
        if (count == 0 || !complete && time[count - 1] <= seconds) {
            return -1;
        }
        int best = 0;
        for (int i = 0; i < count; i++) {
            if (time[i] <= seconds) {
                best = i;
            }
        }
        restore(best, tracks);
        return offset[best];
    }

    /** Restores the decode times of the last moof indexed (before scanning from it). */
    void restoreLast(List<Mp4Track> tracks) {
        if (count > 0) {
            restore(count - 1, tracks);
        }
    }

    private void restore(int e, List<Mp4Track> tracks) {
        long[] d = dts[e];
        for (int k = 0; k < tracks.size() && k < d.length; k++) {
            tracks.get(k).fragmentDts = d[k];
        }
    }

    /** The duration a sidx covers, or NaN. */
    double duration() {
        return sidxEnd;
    }

    /** 8.8.10: the tfra of the reference track in an mfra, used like a sidx (moof offsets and sync sample times). */
    void readMfra(ByteReader r, List<Mp4Track> tracks) {
        int ref = reference(tracks);
        if (ref < 0 || sidxOffset.length > 0) {
            return;
        }
        int[] bounds = new int[1];
        int end = r.limit();
        while (r.position() < end) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.TFRA) {
                int version = r.readU8();
                r.skip(3);
                int trackId = r.readS32BE();
                int lengths = r.readS32BE();
                int n = r.readS32BE();
                int entrySize = (version == 1 ? 16 : 8) + ((lengths >> 4) & 3) + ((lengths >> 2) & 3) + (lengths & 3) + 3;
                if (n < 0 || n > (boxEnd - r.position()) / entrySize) {
                    throw new MalformedStreamException("tfra entry count " + (n & 0xFFFFFFFFL) + " larger than its box");
                }
                if (trackId == tracks.get(ref).id && n > 0) {
                    long[] offs = new long[n];
                    double[] times = new double[n];
                    for (int i = 0; i < n; i++) {
                        long time = version == 1 ? r.readS64BE() : r.readU32BE();
                        long moof = version == 1 ? r.readS64BE() : r.readU32BE();
                        r.skip(entrySize - (version == 1 ? 16 : 8));
                        if (moof < 0 || i > 0 && moof <= offs[i - 1]) {
                            throw new MalformedStreamException("tfra moof offsets out of order");
                        }
                        offs[i] = moof;
                        times[i] = (double) time / tracks.get(ref).timescale;
                    }
                    sidxOffset = offs;
                    sidxTime = times;
                    sidxTrack = ref;
                    return;
                }
            }
            r.setPosition(boxEnd);
        }
    }

    /** 8.16.3: a segment index; the one of the reference track (or the first) is kept. */
    void readSidx(ByteReader r, long anchor, List<Mp4Track> tracks) {
        int version = r.readU8();
        r.skip(3);
        int referenceId = r.readS32BE();
        long timescale = r.readU32BE();
        long ept = version == 0 ? r.readU32BE() : r.readS64BE();
        long firstOffset = version == 0 ? r.readU32BE() : r.readS64BE();
        r.skip(2);
        int n = r.readU16BE();
        if (timescale == 0 || n * 12 > r.bytesLeft() || ept < 0 || firstOffset < 0) {
            throw new MalformedStreamException("sidx with timescale " + timescale + " and " + n + " references");
        }
        int ref = reference(tracks);
        int trackIndex = -1;
        for (int k = 0; k < tracks.size(); k++) {
            if (tracks.get(k).id == referenceId) {
                trackIndex = k;
            }
        }
        boolean append = sidxOffset.length > 0 && trackIndex == sidxTrack;
        if (sidxOffset.length > 0 && !append && (trackIndex != ref || sidxTrack == ref)) {
            return;
        }
        long[] offs = new long[n];
        double[] times = new double[n];
        long pos = anchor + firstOffset;
        long t = ept;
        for (int i = 0; i < n; i++) {
            int sizeWord = r.readS32BE();
            long duration = r.readU32BE();
            r.skip(4);
            if (sizeWord < 0) {
                return; // a reference to another sidx: hierarchical indexes are not followed
            }
            offs[i] = pos;
            times[i] = (double) t / timescale;
            pos += sizeWord;
            t += duration;
        }
        if (append) {
            // one sidx per segment (DASH): the index grows when the new one starts after the last
            if (n == 0 || offs[0] <= sidxOffset[sidxOffset.length - 1] || sidxOffset.length + n > MAX_ENTRIES) {
                return;
            }
            long[] o = java.util.Arrays.copyOf(sidxOffset, sidxOffset.length + n);
            double[] t2 = java.util.Arrays.copyOf(sidxTime, sidxTime.length + n);
            System.arraycopy(offs, 0, o, sidxOffset.length, n);
            System.arraycopy(times, 0, t2, sidxTime.length, n);
            offs = o;
            times = t2;
        }
        sidxOffset = offs;
        sidxTime = times;
        sidxTrack = trackIndex;
        sidxEnd = (double) t / timescale;
    }
}
