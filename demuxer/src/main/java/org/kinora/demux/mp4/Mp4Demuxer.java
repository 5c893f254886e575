package org.kinora.demux.mp4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.core.TruncatedStreamException;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.demux.Demuxer;
import org.kinora.demux.io.InputBuffer;

/**
 * MP4 / QuickTime (ISO/IEC 14496-12, ISO base media file format) push demuxer.
 *
 * <p>Top-level boxes are walked in any order. A {@code moov} is buffered whole and parsed into
 * sample tables; an {@code mdat} met before the {@code moov} is passed with a {@link #SEEK} (or
 * skipped when small), and once the {@code moov} is read the samples are read in file order,
 * with a {@link #SEEK} back when they lie behind. Fragmented files ({@code mvex}): each
 * {@code moof} is buffered and parsed, then its samples are read from the {@code mdat} that
 * follows. See the package notes for timestamps and seeking.
 */
public final class Mp4Demuxer implements Demuxer {
    /** Largest moov buffered. */
    static final int MAX_MOOV = 64 << 20;
    /** Largest moof buffered. */
    static final int MAX_MOOF = 16 << 20;
    /** Largest sample delivered. */
    static final int MAX_SAMPLE = 64 << 20;
    /** Largest sidx, mfra or other small box parsed. */
    static final int MAX_INDEX_BOX = 4 << 20;
    /** Gaps larger than this (beyond the bytes already fed) are crossed with a SEEK rather than read and dropped. */
    static final int SEEK_THRESHOLD = 4096;

    private static final int CONTINUE = -1;
    private static final int TOP = 0;
    private static final int TABLE = 1;
    private static final int FRAGMENT = 2;
    private static final int DONE = 3;
    private static final int MFRO = 4;
    private static final int MFRA = 5;

    private final InputBuffer in = new InputBuffer();
    private long inputLength = -1;
    private int state = TOP;
    private boolean seekPending;
    private long seekPosition;
    private boolean tracksChangedPending;

    private MoovParser moov;
    private List<Mp4Track> tracks = new ArrayList<>();
    private List<TrackInfo> trackInfos = new ArrayList<>();
    private long afterMoov = -1;
    private final SampleQueue table = new SampleQueue();
    private final SampleQueue fragment = new SampleQueue();
    private final FragmentParser fragmentParser = new FragmentParser();
    private long mdatEnd = -1;
    private int[] minSample = new int[0];

    private final FragmentIndex index = new FragmentIndex();
    private boolean mfraTried;
    private double mfraTarget;
    /** While scanning moofs for a seek: the target in seconds, else NaN. */
    private double scanTarget = Double.NaN;

    /** Largest presentation end (seconds) of a packet delivered: the duration of a fragmented file without mehd or sidx once read to the end. */
    private double maxEndSeconds;
    private final Packet packet = new Packet();
    private byte[] packetData = new byte[1 << 16];

    @Override
    public void setInputLength(long length) {
        inputLength = length;
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
        while (true) {
            if (seekPending) {
                seekPending = false;
                return SEEK;
            }
            if (tracksChangedPending) {
                tracksChangedPending = false;
                return TRACKS_CHANGED;
            }
            int r;
            switch (state) {
                case TOP:
                    r = top();
                    break;
                case TABLE:
                    r = readQueue(table);
                    break;
                case FRAGMENT:
                    r = readQueue(fragment);
                    break;
                case MFRO:
                case MFRA:
                    r = randomAccess();
                    break;
                default:
                    return END;
            }
            if (r != CONTINUE) {
                return r;
            }
        }
    }

    // ---------------------------------------------------------------- top-level boxes (4.2)

    private int top() {
        if (in.skipping()) {
            return in.ended() ? finish() : NEED_MORE_DATA;
        }
        int avail = in.available();
        if (avail < 8) {
            if (in.ended()) {
                return finish();
            }
            return NEED_MORE_DATA;
        }
        long boxStart = in.position();
        long size = in.u32be(0);
        int type = in.s32be(4);
        int header = 8;
        if (size == 1) {
            if (avail < 16) {
                if (in.ended()) {
                    throw new TruncatedStreamException("box header cut short");
                }
                return NEED_MORE_DATA;
            }
            size = in.s64be(8);
            header = 16;
        } else if (size == 0) {
            size = inputLength > 0 ? inputLength - boxStart : -1;
        }
        if (size != -1 && size < header) {
            throw new MalformedStreamException("box " + Boxes.name(type) + " of " + size + " bytes");
        }
        if (type == Boxes.MOOV && moov == null) {
            if (!in.require(size, MAX_MOOV, "moov")) {
                return NEED_MORE_DATA;
            }
            parseMoov(boxStart, (int) size, header);
            return CONTINUE;
        }
        if (type == Boxes.MOOF && moov != null && moov.fragmented) {
            if (!in.require(size, MAX_MOOF, "moof")) {
                return NEED_MORE_DATA;
            }
            return moof(boxStart, (int) size, header);
        }
        if (type == Boxes.SIDX && size <= MAX_INDEX_BOX) {
            if (!in.require(size, MAX_INDEX_BOX, "sidx")) {
                return NEED_MORE_DATA;
            }
            index.readSidx(new ByteReader(in.array(), in.offset() + header, (int) size - header), boxStart + size, tracks);
            in.consume((int) size);
            return CONTINUE;
        }
        if (type == Boxes.MDAT && moov != null && !fragment.done() && Double.isNaN(scanTarget)) {
            mdatEnd = size == -1 ? -1 : boxStart + size;
            in.consume(header);
            state = FRAGMENT;
            return CONTINUE;
        }
        if (type == Boxes.MDAT && moov == null && size == -1) {
            throw new UnsupportedFeatureException("the mp4 file's mdat runs to the end and no moov came before it");
        }
        if (size == -1) {
            return finish();
        }
        return skipTo(boxStart + size);
    }

    /** Moves to {@code target}: reads and drops small gaps, asks for a SEEK over large ones. */
    private int skipTo(long target) {
        long pos = in.position();
        if (target == pos) {
            return CONTINUE;
        }
        if (target < pos || target - pos > in.available() + (long) SEEK_THRESHOLD) {
            if (inputLength >= 0 && target >= inputLength) {
                // the box runs to (or past) the end of the file: nothing follows it
                return finish();
            }
            requestSeek(target);
            return CONTINUE;
        }
        in.skip(target - pos);
        return CONTINUE;
    }

    private void requestSeek(long position) {
        if (position < 0 || (inputLength >= 0 && position > inputLength)) {
            throw new MalformedStreamException("offset " + position + " outside the file");
        }
        in.reset(position);
        seekPending = true;
        seekPosition = position;
    }

    private int finish() {
        if (!Double.isNaN(scanTarget)) {
            endScan();
            return CONTINUE;
        }
        if (moov == null) {
            throw new MalformedStreamException("no moov box in the mp4 file");
        }
        index.markComplete();
        state = DONE;
        return END;
    }

    private void parseMoov(long boxStart, int size, int header) {
        MoovParser p = new MoovParser();
        p.parse(new ByteReader(in.array(), in.offset() + header, size - header), in.offset() + size);
        moov = p;
        tracks = p.tracks();
        afterMoov = boxStart + size;
        List<TrackInfo> infos = new ArrayList<>();
        for (Mp4Track t : tracks) {
            infos.add(t.info);
        }
        trackInfos = infos;
        minSample = new int[tracks.size()];
        in.consume(size);
        buildTable();
        tracksChangedPending = true;
        if (table.count > 0) {
            state = TABLE;
        }
    }

    /**
     * Every track's samples in the order FFmpeg's mov demuxer reads them: of the tracks' next
     * samples, the one first in the file unless the decode times are more than a second apart,
     * then the earliest. Well-interleaved files are read straight through; others cost SEEKs, but
     * the tracks stay within a second of each other.
     */
    private void buildTable() {
        table.clear();
        int[] cursor = new int[tracks.size()];
        long total = 0;
        for (Mp4Track t : tracks) {
            total += t.sampleCount;
        }
        for (long n = 0; n < total; n++) {
            int best = -1;
            double bestDts = 0;
            long bestPos = 0;
            for (int k = 0; k < tracks.size(); k++) {
                Mp4Track t = tracks.get(k);
                int i = cursor[k];
                if (i >= t.sampleCount) {
                    continue;
                }
                double dts = (double) (t.dts[i] + t.editShift - t.dtsShift) * 1e6 / t.timescale;
                long pos = t.offset[i];
                double diff = Math.abs(dts - bestDts);
                if (best < 0 || diff <= 1e6 && pos < bestPos || diff > 1e6 && dts < bestDts) {
                    best = k;
                    bestDts = dts;
                    bestPos = pos;
                }
            }
            Mp4Track t = tracks.get(best);
            int i = cursor[best]++;
            // negative composition offsets move dts down by the largest of them (FFmpeg's dts_shift)
            long dts = t.dts[i] + t.editShift;
            table.add(t.offset[i], t.size[i], best, i, dts - t.dtsShift, dts + t.cts[i], t.duration[i], t.isSync(i),
                    Integer.MAX_VALUE);
        }
    }

    private int moof(long boxStart, int size, int header) {
        ByteReader r = new ByteReader(in.array(), in.offset() + header, size - header);
        long[] dtsBefore = new long[tracks.size()];
        for (int k = 0; k < tracks.size(); k++) {
            dtsBefore[k] = tracks.get(k).fragmentDts;
        }
        fragment.clear();
        fragmentParser.parse(r, in.offset() + size, boxStart, tracks, fragment);
        fragment.sortByOffset();
        in.consume(size);
        double time = index.add(boxStart, dtsBefore, fragment, tracks);
        if (!Double.isNaN(scanTarget)) {
            fragment.clear();
            if (!Double.isNaN(time) && time > scanTarget) {
                endScan();
            }
        }
        return CONTINUE;
    }

    // ---------------------------------------------------------------- samples

    private int readQueue(SampleQueue q) {
        while (!q.done()) {
            int i = q.cursor;
            int k = q.track[i];
            if (q.sample[i] >= 0 && q.sample[i] < minSample[k]) {
                q.cursor++;
                continue;
            }
            long off = q.offset[i];
            long pos = in.position();
            if (off != pos) {
                if (off < pos || off - pos > in.available() + (long) SEEK_THRESHOLD) {
                    requestSeek(off);
                    return CONTINUE;
                }
                in.skip(off - pos);
                if (in.skipping()) {
                    if (in.ended()) {
                        throw new TruncatedStreamException("sample at " + off + " past the end of the file");
                    }
                    return NEED_MORE_DATA;
                }
            }
            int size = q.size[i];
            if (!in.require(size, MAX_SAMPLE, "sample")) {
                return NEED_MORE_DATA;
            }
            if (packetData.length < size) {
                packetData = new byte[Math.max(size, packetData.length * 2)];
            }
            System.arraycopy(in.array(), in.offset(), packetData, 0, size);
            in.consume(size);
            q.cursor++;
            Mp4Track t = tracks.get(k);
            packet.set(t.id, packetData, 0, size);
            packet.dts = q.dts[i];
            packet.pts = q.pts[i];
            packet.duration = q.duration[i] & 0xFFFFFFFFL;
            packet.keyframe = q.key[i];
            double end = (double) (packet.pts + packet.duration) / t.timescale;
            if (end > maxEndSeconds) {
                maxEndSeconds = end;
            }
            if (t.type == TrackType.AUDIO && packet.pts < 0) {
                // samples before the edit's start: AAC priming (ISO/IEC 14496-12 8.6.6)
                packet.trimStart = (int) Math.min(packet.duration, -packet.pts);
            }
            return PACKET;
        }
        if (q == table) {
            if (moov.fragmented) {
                state = TOP;
                return skipTo(afterMoov);
            }
            state = DONE;
            return END;
        }
        state = TOP;
        long pos = in.position();
        if (mdatEnd < 0) {
            return finish();
        }
        if (pos > mdatEnd) {
            requestSeek(mdatEnd);
            return CONTINUE;
        }
        return skipTo(mdatEnd);
    }

    // ---------------------------------------------------------------- seeking

    @Override
    public boolean canSeek() {
        if (moov == null || state == DONE && inputLength < 0) {
            return false;
        }
        return table.count > 0 || moov.fragmented && index.firstMoof() >= 0;
    }

    @Override
    public void seekTo(double seconds) {
        if (!canSeek()) {
            throw new IllegalStateException("not seekable yet");
        }
        seekPending = false;
        if (table.count > 0) {
            seekTable(Math.max(0, seconds));
            return;
        }
        fragment.clear();
        scanTarget = Double.NaN;
        long known = index.positionFor(seconds, tracks);
        if (known >= 0) {
            state = TOP;
            requestSeek(known);
            return;
        }
        if (!mfraTried && inputLength >= 16 && !fragmentParser.trafWithoutTfdt) {
            // 8.8.11: the movie fragment random access box at the end, found through its mfro
            mfraTried = true;
            mfraTarget = seconds;
            state = MFRO;
            requestSeek(inputLength - 16);
            return;
        }
        startScan(seconds);
    }

    /** Scans the moofs after the last one indexed until one starts after the target. */
    private void startScan(double seconds) {
        scanTarget = seconds;
        state = TOP;
        index.restoreLast(tracks);
        requestSeek(index.lastMoof());
    }

    /** Reads mfro, then mfra, then seeks through its tfra; without them, scans. */
    private int randomAccess() {
        if (!in.ended() && in.available() < 16) {
            return NEED_MORE_DATA;
        }
        if (state == MFRO) {
            long size = in.available() >= 16 && in.s32be(4) == Boxes.MFRO ? in.u32be(12) : -1;
            if (size < 16 || size > MAX_INDEX_BOX || size > inputLength) {
                startScan(mfraTarget);
                return CONTINUE;
            }
            state = MFRA;
            requestSeek(inputLength - size);
            return CONTINUE;
        }
        if (in.available() < 8 || in.s32be(4) != Boxes.MFRA) {
            startScan(mfraTarget);
            return CONTINUE;
        }
        long size = in.u32be(0);
        if (!in.require(size, MAX_INDEX_BOX, "mfra")) {
            return NEED_MORE_DATA;
        }
        index.readMfra(new ByteReader(in.array(), in.offset() + 8, (int) size - 8), tracks);
        long pos = index.positionFor(mfraTarget, tracks);
        if (pos < 0) {
            startScan(mfraTarget);
            return CONTINUE;
        }
        state = TOP;
        fragment.clear();
        requestSeek(pos);
        return CONTINUE;
    }

    private void endScan() {
        double t = scanTarget;
        scanTarget = Double.NaN;
        index.markComplete();
        long pos = index.positionFor(t, tracks);
        if (pos < 0) {
            pos = index.firstMoof();
        }
        fragment.clear();
        state = TOP;
        requestSeek(pos);
    }

    /** Sample tables: the ref track's sync sample at or before the target, the others' at or before it. */
    private void seekTable(double seconds) {
        int ref = -1;
        for (int k = 0; k < tracks.size(); k++) {
            Mp4Track t = tracks.get(k);
            if (t.sampleCount > 0 && (ref < 0 || t.type == TrackType.VIDEO && tracks.get(ref).type != TrackType.VIDEO)) {
                ref = k;
            }
        }
        Mp4Track r = tracks.get(ref);
        int chosen = syncAtOrBefore(r, seconds);
        double refTime = chosen < 0 ? 0 : (double) (r.dts[chosen] + r.cts[chosen] + r.editShift) / r.timescale;
        for (int k = 0; k < tracks.size(); k++) {
            Mp4Track t = tracks.get(k);
            int s = k == ref ? chosen : syncAtOrBefore(t, Math.min(seconds, refTime));
            if (t.type == TrackType.AUDIO && k != ref) {
                // one packet of pre-roll: an MDCT codec needs the previous frame for its overlap
                s--;
            }
            minSample[k] = Math.max(0, s);
        }
        table.cursor = 0;
        state = TABLE;
    }

    private static int syncAtOrBefore(Mp4Track t, double seconds) {
        double ticks = seconds * t.timescale;
        int best = -1;
        for (int i = 0; i < t.sampleCount; i++) {
            if (!t.isSync(i)) {
                continue;
            }
            long pts = t.dts[i] + t.cts[i] + t.editShift;
            if (pts <= ticks + 1e-6 || best < 0 && i == 0) {
                best = i;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- state

    @Override
    public Packet packet() {
        return packet;
    }

    @Override
    public long seekPosition() {
        return seekPosition;
    }

    @Override
    public List<TrackInfo> tracks() {
        return Collections.unmodifiableList(trackInfos);
    }

    @Override
    public double durationSeconds() {
        if (moov == null) {
            return Double.NaN;
        }
        if (moov.movieDuration > 0) {
            return (double) moov.movieDuration / moov.movieTimescale;
        }
        if (moov.fragmentDuration > 0) {
            return (double) moov.fragmentDuration / moov.movieTimescale;
        }
        double d = index.duration();
        if (Double.isNaN(d) && state == DONE && maxEndSeconds > 0) {
            return maxEndSeconds;
        }
        return d;
    }
}
