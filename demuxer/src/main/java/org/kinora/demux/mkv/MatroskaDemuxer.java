package org.kinora.demux.mkv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.core.TruncatedStreamException;
import org.kinora.demux.Demuxer;
import org.kinora.demux.io.InputBuffer;

/**
 * Matroska and WebM (RFC 9559) push demuxer. Level-1 elements that describe the Segment (Info,
 * Tracks, SeekHead, Cues) are buffered whole and parsed; Clusters are walked element by element,
 * so Segments and Clusters of unknown size (live WebM) work: an unknown-size Cluster ends at the
 * next level-1 ID. See the package notes for timestamps and seeking.
 */
public final class MatroskaDemuxer implements Demuxer {
    static final int MAX_HEADER_ELEMENT = 16 << 20;
    static final int MAX_BLOCK = 64 << 20;
    static final int SEEK_THRESHOLD = 4096;

    private static final int CONTINUE = -1;
    private static final int EBML_HEADER = 0;
    private static final int SEGMENT = 1;
    private static final int LEVEL1 = 2;
    private static final int CLUSTER = 3;
    private static final int DONE = 4;
    private static final int BISECT = 5;
    /** Bisection without Cues stops when the interval is this small; a scan does the rest. */
    static final int BISECT_GRANULARITY = 4096;

    private final InputBuffer in = new InputBuffer();
    private long inputLength = -1;
    private int state = EBML_HEADER;
    private boolean seekPending;
    private long seekPosition;
    private boolean tracksChangedPending;

    // element header just peeked
    private int hdrId;
    private long hdrSize;
    private int hdrLength;

    private long segmentStart = -1;
    private long segmentEnd = -1;
    private long timestampScale = 1_000_000;
    private double durationTicks = Double.NaN;
    private long cuesPosition = -1;
    private List<long[]> cues;
    private List<MatroskaTrack> tracks = new ArrayList<>();
    private List<TrackInfo> trackInfos = new ArrayList<>();
    private boolean tracksKnown;

    private long clusterStart;
    private long clusterEnd;
    private long clusterTimestamp;
    private boolean clusterIndexed;

    private final BlockReader block = new BlockReader();
    private byte[] blockData = new byte[1 << 16];
    private int frameIndex;
    private int frameCount;
    private MatroskaTrack frameTrack;
    private long blockPts;
    private long blockDuration;
    private boolean blockKey;

    // seeking
    private final ClusterIndex index = new ClusterIndex();
    private double pendingSeek = Double.NaN;
    private boolean fetchingCues;
    private boolean cuesFetched;
    private double scanTarget = Double.NaN;
    private double bisectTarget = Double.NaN;
    private long bisectLo;
    private long bisectHi;
    private long bisectMid;
    private long bisectBest;
    /** Where the running scan started (its Clusters are indexed from there on). */
    private long scanFrom = -1;
    /** Read on from the Segment's start without a jump: the first Cluster indexed is the file's first. */
    private boolean linearFromStart;

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
            if (frameIndex < frameCount) {
                return deliverFrame();
            }
            int r;
            switch (state) {
                case EBML_HEADER:
                    r = ebmlHeader();
                    break;
                case SEGMENT:
                    r = segment();
                    break;
                case LEVEL1:
                    r = level1();
                    break;
                case CLUSTER:
                    r = cluster();
                    break;
                case BISECT:
                    r = bisect();
                    break;
                default:
                    return END;
            }
            if (r != CONTINUE) {
                return r;
            }
        }
    }

    /** Peeks an element header at the read position into hdrId/hdrSize/hdrLength; false when more bytes are needed. */
    private boolean peekHeader() {
        int avail = in.available();
        if (avail < 1) {
            return false;
        }
        int idLength = Ebml.vintLength(in.u8(0));
        if (idLength == 0 || idLength > 4) {
            throw new MalformedStreamException("EBML ID with first byte " + in.u8(0) + " at " + in.position());
        }
        if (avail < idLength + 1) {
            return false;
        }
        int sizeLength = Ebml.vintLength(in.u8(idLength));
        if (sizeLength == 0) {
            throw new MalformedStreamException("EBML size with first byte 0 at " + in.position());
        }
        if (avail < idLength + sizeLength) {
            return false;
        }
        ByteReader r = new ByteReader(in.array(), in.offset(), idLength + sizeLength);
        hdrId = Ebml.readId(r);
        hdrSize = Ebml.readSize(r);
        hdrLength = idLength + sizeLength;
        return true;
    }

    private int needMore() {
        if (in.ended()) {
            if (in.available() == 0 && !in.skipping()) {
                return finish();
            }
            if (in.skipping()) {
                return finish();
            }
            throw new TruncatedStreamException("Matroska element cut short at " + in.position());
        }
        return NEED_MORE_DATA;
    }

    private int finish() {
        if (!Double.isNaN(scanTarget)) {
            endScan();
            return CONTINUE;
        }
        if (state == EBML_HEADER || state == SEGMENT) {
            throw new MalformedStreamException("no Matroska Segment");
        }
        if (!tracksKnown) {
            throw new MalformedStreamException("no Tracks element in the Matroska file");
        }
        index.markComplete();
        state = DONE;
        return END;
    }

    /** Buffers the element whose header was peeked; false when more bytes are needed. */
    private boolean bufferElement(int limit, String what) {
        if (hdrSize < 0) {
            throw new MalformedStreamException(what + " of unknown size");
        }
        return in.require(hdrLength + hdrSize, limit, what);
    }

    private ByteReader body() {
        return new ByteReader(in.array(), in.offset() + hdrLength, (int) hdrSize);
    }

    private int ebmlHeader() {
        if (!peekHeader()) {
            return needMore();
        }
        if (hdrId != Ebml.EBML) {
            throw new MalformedStreamException("not an EBML file");
        }
        if (!bufferElement(4096, "EBML header")) {
            return needMore();
        }
        ByteReader r = body();
        HeaderParser.ebmlHeader(r, r.limit());
        in.consume(hdrLength + (int) hdrSize);
        state = SEGMENT;
        return CONTINUE;
    }

    private int segment() {
        if (!peekHeader()) {
            return needMore();
        }
        if (hdrId != Ebml.SEGMENT) {
            if (hdrSize < 0) {
                throw new MalformedStreamException("element of unknown size before the Segment");
            }
            return skipTo(in.position() + hdrLength + hdrSize);
        }
        in.consume(hdrLength);
        segmentStart = in.position();
        segmentEnd = hdrSize < 0 ? -1 : segmentStart + hdrSize;
        linearFromStart = true;
        state = LEVEL1;
        return CONTINUE;
    }

    private int level1() {
        if (in.skipping()) {
            return needMore();
        }
        long pos = in.position();
        if (segmentEnd >= 0 && pos >= segmentEnd) {
            return finish();
        }
        if (!peekHeader()) {
            return needMore();
        }
        switch (hdrId) {
            case Ebml.CLUSTER:
                if (fetchingCues) {
                    // the SeekHead pointed at something else: no Cues after all
                    fetchingCues = false;
                    cuesPosition = -1;
                    startScan(pendingSeek);
                    return CONTINUE;
                }
                clusterStart = pos;
                in.consume(hdrLength);
                clusterEnd = hdrSize < 0 ? -1 : in.position() + hdrSize;
                clusterTimestamp = -1;
                clusterIndexed = false;
                state = CLUSTER;
                return CONTINUE;
            case Ebml.INFO:
            case Ebml.TRACKS:
            case Ebml.SEEK_HEAD:
            case Ebml.CUES:
                if (!bufferElement(MAX_HEADER_ELEMENT, "level-1 element")) {
                    return needMore();
                }
                headerElement();
                in.consume(hdrLength + (int) hdrSize);
                if (cuesFetched) {
                    cuesFetched = false;
                    seekWithCues(pendingSeek);
                }
                return CONTINUE;
            case Ebml.EBML:
            case Ebml.SEGMENT:
                // a second Segment (chained live streams): not followed
                return finish();
            default:
                if (hdrSize < 0) {
                    throw new MalformedStreamException("level-1 element " + Integer.toHexString(hdrId) + " of unknown size");
                }
                return skipTo(pos + hdrLength + hdrSize);
        }
    }

    private void headerElement() {
        ByteReader r = body();
        switch (hdrId) {
            case Ebml.INFO:
                double[] info = HeaderParser.info(r, r.limit());
                if (info[0] > 1e9 || info[0] < 1) {
                    throw new MalformedStreamException("TimestampScale " + info[0]);
                }
                timestampScale = (long) info[0];
                durationTicks = info[1];
                break;
            case Ebml.TRACKS:
                if (!tracksKnown) {
                    tracks = HeaderParser.tracks(r, r.limit(), timestampScale);
                    List<TrackInfo> infos = new ArrayList<>();
                    for (MatroskaTrack t : tracks) {
                        infos.add(t.info);
                    }
                    trackInfos = infos;
                    tracksKnown = true;
                    tracksChangedPending = true;
                }
                break;
            case Ebml.SEEK_HEAD:
                long c = HeaderParser.cuesPosition(r, r.limit());
                if (c >= 0 && cuesPosition < 0) {
                    cuesPosition = c;
                }
                break;
            case Ebml.CUES:
                if (cues == null && tracksKnown) {
                    List<long[]> list = new ArrayList<>();
                    MatroskaTrack ref = reference();
                    if (ref != null) {
                        HeaderParser.cues(r, r.limit(), ref.number, list);
                    }
                    cues = list;
                }
                if (fetchingCues) {
                    fetchingCues = false;
                    cuesFetched = true;
                }
                break;
            default:
                break;
        }
    }

    private int skipTo(long target) {
        long pos = in.position();
        if (target == pos) {
            return CONTINUE;
        }
        if (target < pos || target - pos > in.available() + (long) SEEK_THRESHOLD) {
            if (inputLength >= 0 && target >= inputLength) {
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
        linearFromStart = position == segmentStart;
        seekPending = true;
        seekPosition = position;
        frameIndex = 0;
        frameCount = 0;
    }

    // ---------------------------------------------------------------- clusters and blocks

    private int cluster() {
        if (in.skipping()) {
            return needMore();
        }
        long pos = in.position();
        if (clusterEnd >= 0 && pos >= clusterEnd) {
            state = LEVEL1;
            return CONTINUE;
        }
        if (!peekHeader()) {
            if (in.ended() && in.available() == 0) {
                return finish();
            }
            return needMore();
        }
        if (clusterEnd < 0 && Ebml.isTopLevel(hdrId)) {
            state = LEVEL1; // an unknown-size Cluster ends where a level-1 element starts
            return CONTINUE;
        }
        if (hdrSize < 0) {
            throw new MalformedStreamException("Cluster child " + Integer.toHexString(hdrId) + " of unknown size");
        }
        switch (hdrId) {
            case Ebml.CLUSTER_TIMESTAMP:
                if (!bufferElement(16, "Cluster Timestamp")) {
                    return needMore();
                }
                clusterTimestamp = Ebml.readUInt(body(), (int) hdrSize);
                in.consume(hdrLength + (int) hdrSize);
                return CONTINUE;
            case Ebml.SIMPLE_BLOCK:
            case Ebml.BLOCK_GROUP:
                if (!bufferElement(MAX_BLOCK, "Block")) {
                    return needMore();
                }
                if (tracksKnown) {
                    readBlock();
                    if (seekPending) {
                        return CONTINUE; // a scan for a seek ended at this block
                    }
                }
                in.consume(hdrLength + (int) hdrSize);
                return CONTINUE;
            default:
                return skipTo(pos + hdrLength + hdrSize);
        }
    }

    private void readBlock() {
        int n = (int) hdrSize;
        if (blockData.length < n) {
            blockData = new byte[Math.max(n, blockData.length * 2)];
        }
        System.arraycopy(in.array(), in.offset() + hdrLength, blockData, 0, n);
        long duration = -1;
        boolean key;
        if (hdrId == Ebml.SIMPLE_BLOCK) {
            block.parse(blockData, 0, n);
            key = (block.flags & 0x80) != 0;
        } else {
            // BlockGroup (10.1): Block, BlockDuration, ReferenceBlock
            ByteReader r = new ByteReader(blockData, 0, n);
            int blockOffset = -1;
            int blockSize = 0;
            boolean referenced = false;
            while (r.bytesLeft() > 0) {
                int id = Ebml.readId(r);
                int size = HeaderParser.size(r, r.limit());
                if (id == Ebml.BLOCK) {
                    blockOffset = r.position();
                    blockSize = size;
                } else if (id == Ebml.BLOCK_DURATION) {
                    duration = Ebml.readUInt(r, size);
                    continue;
                } else if (id == Ebml.REFERENCE_BLOCK) {
                    referenced = true;
                }
                r.skip(size);
            }
            if (blockOffset < 0) {
                throw new MalformedStreamException("BlockGroup without a Block");
            }
            block.parse(blockData, blockOffset, blockSize);
            key = !referenced;
        }
        MatroskaTrack t = track(block.track);
        if (t == null) {
            return; // a track not in Tracks: skipped
        }
        if (clusterTimestamp < 0) {
            throw new MalformedStreamException("Block before its Cluster's Timestamp");
        }
        long pts = clusterTimestamp + block.relativeTimestamp;
        // FFmpeg's rule for a block's duration: BlockDuration, else DefaultDuration of all its frames
        if (duration < 0) {
            duration = t.defaultDuration > 0 ? t.defaultDuration * block.frames / timestampScale : 0;
        }
        if (!clusterIndexed && t == reference()) {
            clusterIndexed = true;
            if (key) {
                double seconds = (double) pts * timestampScale / 1e9;
                index.add(clusterStart, seconds);
                if (linearFromStart) {
                    index.markFirstKnown();
                    linearFromStart = false;
                }
                if (!Double.isNaN(scanTarget) && seconds > scanTarget) {
                    endScan();
                    return;
                }
            }
        }
        if (!Double.isNaN(scanTarget)) {
            return;
        }
        frameTrack = t;
        blockPts = pts;
        blockDuration = duration;
        blockKey = key;
        frameIndex = 0;
        frameCount = block.frames;
    }

    private int deliverFrame() {
        int i = frameIndex++;
        MatroskaTrack t = frameTrack;
        int size = block.frameSize[i];
        byte[] strip = t.strippedHeader;
        int total = size + (strip == null ? 0 : strip.length);
        if (packetData.length < total) {
            packetData = new byte[Math.max(total, packetData.length * 2)];
        }
        int p = 0;
        if (strip != null) {
            System.arraycopy(strip, 0, packetData, 0, strip.length);
            p = strip.length;
        }
        System.arraycopy(blockData, block.frameOffset[i], packetData, p, size);
        packet.set(t.number, packetData, 0, total);
        int laces = block.frames;
        long start = blockDuration * i / laces;
        long end = blockDuration * (i + 1) / laces;
        boolean timed = i == 0 || blockDuration > 0;
        packet.pts = timed ? blockPts + start : Packet.NO_TIMESTAMP;
        // Matroska stores no decode times; for codecs without reordering they equal pts
        packet.dts = TrackInfo.HEVC.equals(t.info.codec()) ? Packet.NO_TIMESTAMP : packet.pts;
        packet.duration = end - start;
        packet.keyframe = blockKey;
        if (packet.pts != Packet.NO_TIMESTAMP) {
            double endSeconds = (double) (packet.pts + packet.duration) * timestampScale / 1e9;
            if (endSeconds > maxEndSeconds) {
                maxEndSeconds = endSeconds;
            }
        }
        return PACKET;
    }

    private MatroskaTrack track(int number) {
        for (int i = 0, n = tracks.size(); i < n; i++) {
            if (tracks.get(i).number == number) {
                return tracks.get(i);
            }
        }
        return null;
    }

    /** The track seeking is done for: the first video track, else the first. */
    private MatroskaTrack reference() {
        for (MatroskaTrack t : tracks) {
            if (t.type == TrackType.VIDEO) {
                return t;
            }
        }
        return tracks.isEmpty() ? null : tracks.get(0);
    }

    // ---------------------------------------------------------------- seeking

    /**
     * Known once the Tracks are: with the input length, every file can seek (Cues, the Clusters
     * indexed so far, else bisection from the Segment's start), so the answer given with the first
     * {@link #TRACKS_CHANGED} holds for the whole stream.
     */
    @Override
    public boolean canSeek() {
        return tracksKnown && inputLength > 0 && segmentStart >= 0;
    }

    @Override
    public void seekTo(double seconds) {
        if (!canSeek()) {
            throw new IllegalStateException("not seekable yet");
        }
        seconds = Math.max(0, seconds);
        scanTarget = Double.NaN;
        bisectTarget = Double.NaN;
        fetchingCues = false;
        frameIndex = 0;
        frameCount = 0;
        if (cues != null && !cues.isEmpty()) {
            seekWithCues(seconds);
        } else if (cues == null && cuesPosition >= 0) {
            pendingSeek = seconds;
            fetchingCues = true;
            state = LEVEL1;
            requestSeek(segmentStart + cuesPosition);
        } else {
            startScan(seconds);
        }
    }

    /** RFC 9559 20: the last cue point of the reference track at or before the target. */
    private void seekWithCues(double seconds) {
        if (cues.isEmpty()) {
            startScan(seconds);
            return;
        }
        double ticks = seconds * 1e9 / timestampScale;
        long[] best = cues.get(0);
        for (long[] c : cues) {
            if (c[0] <= ticks + 1e-6) {
                best = c;
            }
        }
        state = LEVEL1;
        requestSeek(segmentStart + best[1]);
    }

    /** Without Cues: from the clusters indexed so far, or scanning forward from the last of them. */
    private void startScan(double seconds) {
        long known = index.positionFor(seconds);
        state = LEVEL1;
        if (known >= 0) {
            requestSeek(known);
            return;
        }
        long end = segmentEnd >= 0 ? Math.min(segmentEnd, inputLength) : inputLength;
        if (index.firstTime() > seconds) {
            // before every indexed Cluster
            bisectOrScan(seconds, segmentStart, index.first());
        } else {
            bisectOrScan(seconds, index.last() >= 0 ? index.last() : segmentStart, end);
        }
    }

    /** Bisects [from, to) on Cluster timestamps, or scans from {@code from} when that is small. */
    private void bisectOrScan(double seconds, long from, long to) {
        state = LEVEL1;
        if (to - from > BISECT_GRANULARITY) {
            // bisect on Cluster timestamps, then scan
            bisectTarget = seconds;
            bisectLo = from;
            bisectHi = to;
            bisectBest = from;
            probeBisection();
            return;
        }
        scanTarget = seconds;
        scanFrom = from;
        requestSeek(from);
    }

    /** Next bisection probe, or the scan from the best cluster found once the interval is small. */
    private void probeBisection() {
        if (bisectHi - bisectLo <= BISECT_GRANULARITY) {
            double t = bisectTarget;
            bisectTarget = Double.NaN;
            scanTarget = t;
            scanFrom = bisectBest;
            state = LEVEL1;
            requestSeek(bisectBest);
            return;
        }
        bisectMid = bisectLo + (bisectHi - bisectLo) / 2;
        state = BISECT;
        requestSeek(bisectMid);
    }

    /**
     * Looks for a Cluster from the probe position: its ID, a size, and a Timestamp element as the
     * first child (RFC 9559 5.1.3.1 puts it first), then moves the bisection bounds.
     */
    private int bisect() {
        while (true) {
            long pos = in.position();
            if (pos >= bisectHi) {
                bisectHi = bisectMid;
                probeBisection();
                return CONTINUE;
            }
            int avail = in.available();
            if (avail < 24) {
                if (in.ended()) {
                    bisectHi = bisectMid;
                    probeBisection();
                    return CONTINUE;
                }
                return NEED_MORE_DATA;
            }
            if (in.u8(0) == 0x1F && in.u8(1) == 0x43 && in.u8(2) == 0xB6 && in.u8(3) == 0x75) {
                int sizeLength = Ebml.vintLength(in.u8(4));
                if (sizeLength > 0 && in.u8(4 + sizeLength) == Ebml.CLUSTER_TIMESTAMP) {
                    int tsSizeLength = Ebml.vintLength(in.u8(5 + sizeLength));
                    if (tsSizeLength == 1) {
                        int n = in.u8(5 + sizeLength) & 0x7F;
                        if (n >= 1 && n <= 8 && 6 + sizeLength + n <= avail) {
                            long ts = Ebml.readUInt(new ByteReader(in.array(), in.offset() + 6 + sizeLength, n), n);
                            double seconds = (double) ts * timestampScale / 1e9;
                            if (seconds <= bisectTarget) {
                                bisectBest = pos;
                                bisectLo = pos;
                            } else {
                                bisectHi = bisectMid;
                            }
                            probeBisection();
                            return CONTINUE;
                        }
                    }
                }
            }
            in.consume(1);
        }
    }

    private void endScan() {
        double t = scanTarget;
        scanTarget = Double.NaN;
        index.markComplete();
        long pos = index.positionFor(t);
        if (pos < 0 && scanFrom > segmentStart) {
            // a Cluster's Timestamp is its earliest block, not its first keyframe (B pictures
            // come after their reference): the keyframe is in a Cluster before the scanned ones
            bisectOrScan(t, segmentStart, scanFrom);
            return;
        }
        if (pos < 0) {
            pos = index.first() >= 0 ? index.first() : segmentStart;
        }
        state = LEVEL1;
        requestSeek(pos);
    }

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
        if (!Double.isNaN(durationTicks) && durationTicks > 0) {
            return durationTicks * timestampScale / 1e9;
        }
        // live files carry no Duration: once read to the end, the end of the last packet
        return state == DONE && maxEndSeconds > 0 ? maxEndSeconds : Double.NaN;
    }
}
