package org.kinora.demux.ogg;

import java.util.ArrayList;
import java.util.List;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.demux.Demuxer;
import org.kinora.demux.io.InputBuffer;

/**
 * Ogg demuxer (RFC 3533; Vorbis I appendix A; Theora I appendix A). A push parser: pages are
 * parsed only once they are complete in the input buffer, so bytes may arrive in chunks of any
 * size.
 *
 * <ul>
 * <li>Pages whose CRC does not match are skipped and counted ({@link #badPages()}); parsing
 * resyncs on the next capture pattern, and so it does after garbage between pages.</li>
 * <li>Logical streams: Theora and Vorbis become tracks (id = serial number, headers in
 * {@link TrackInfo#codecHeaders()}, data packets only from {@link #poll}); Skeleton and unknown
 * codecs are skipped. {@link #TRACKS_CHANGED} comes once every stream that began on the chain's
 * BOS pages has its headers. A BOS page after that starts a chained stream: its tracks come with
 * another {@link #TRACKS_CHANGED}, its timestamps continue after the previous chain's end.</li>
 * <li>With the input length known, the duration comes from the granule positions of the last
 * pages (read through a {@link #SEEK} to the tail before the first {@link #TRACKS_CHANGED}; parsing
 * then goes on with the bytes fed before the probe, kept meanwhile, and the next {@link #SEEK}
 * asks for the bytes after them, if any), and
 * {@link #seekTo} bisects on byte offsets ({@link OggSeeker}). A chained file's duration is the
 * sum of its links', each link's end found by bisection on serial numbers
 * ({@link OggChainDuration}: a few reads per link); a chained file cannot seek.</li>
 * </ul>
 */
public final class OggDemuxer implements Demuxer {
    /** Largest packet accepted (a bound on memory, far above any real Theora or Vorbis packet). */
    static final int MAX_PACKET_SIZE = 32 << 20;
    /** Logical streams kept per link of a chain. */
    static final int MAX_STREAMS = 64;
    /** Data packets held back while waiting for some stream's headers before giving up on it. */
    private static final int MAX_PENDING_BEFORE_TRACKS = 2048;
    /** Most bytes after the headers kept across the duration probe (see {@link #resumeParsingAt}). */
    private static final int MAX_HELD_INPUT = 1 << 20;

    private final InputBuffer in = new InputBuffer();
    private long inputLength = -1;

    // ---- page just parsed
    final OggPage page = new OggPage();

    // ---- streams of the current chain
    private final List<OggStream> streams = new ArrayList<>();
    private boolean inBosPhase = true;
    private boolean tracksAnnounced;
    private boolean tracksChangedPending;
    private List<TrackInfo> tracks = new ArrayList<>();
    private boolean sawAnyPage;
    private double chainStartSeconds;
    private double presentationEndSeconds;
    private long dataStart = -1;

    // ---- output queue
    private OggPacketEntry[] queue = new OggPacketEntry[64];
    private int queueHead;
    private int queueSize;
    private final List<OggPacketEntry> pool = new ArrayList<>();
    private OggPacketEntry delivered;
    private final Packet packet = new Packet();

    // ---- per page scratch: the packets completed on the current page
    private OggPacketEntry[] pagePackets = new OggPacketEntry[256];

    private int badPages;
    private long skippedBytes;
    private boolean seekPending;
    private long seekPosition;
    private final OggSeeker seeker = new OggSeeker(this);
    private double durationSeconds = Double.NaN;
    /**
     * The bytes fed after the headers when the duration probe left for the tail, from file offset
     * {@link #heldAt}: parsing resumes with them instead of asking for them again.
     */
    private byte[] heldInput;
    private long heldAt = -1;
    /** After a seek: drop each stream's first partial packet; Theora packets until a keyframe. */
    private boolean dropUntilKeyframe;
    private boolean chained;

    @Override
    public void setInputLength(long length) {
        inputLength = length;
    }

    long inputLength() {
        return inputLength;
    }

    @Override
    public void feed(byte[] data, int offset, int length) {
        in.feed(data, offset, length);
    }

    @Override
    public void endOfInput() {
        in.endOfInput();
    }

    /** Pages dropped because their checksum did not match. */
    public int badPages() {
        return badPages;
    }

    /** Bytes skipped while looking for a capture pattern. */
    public long skippedBytes() {
        return skippedBytes;
    }

    @Override
    public int poll() {
        if (delivered != null) {
            pool.add(delivered);
            delivered = null;
        }
        while (true) {
            if (seekPending) {
                seekPending = false;
                return SEEK;
            }
            if (seeker.active()) {
                int r = seeker.step();
                if (r != -1) {
                    return r;
                }
                continue;
            }
            if (tracksChangedPending) {
                tracksChangedPending = false;
                return TRACKS_CHANGED;
            }
            if (tracksAnnounced && queueSize > 0) {
                return deliver();
            }
            if (!nextPage()) {
                if (!in.ended()) {
                    return NEED_MORE_DATA;
                }
                if (!tracksAnnounced) {
                    announceTracks();
                    continue;
                }
                if (queueSize > 0) {
                    continue;
                }
                return END;
            }
            processPage();
        }
    }

    private int deliver() {
        OggPacketEntry e = queue[queueHead];
        queue[queueHead] = null;
        queueHead = (queueHead + 1) & (queue.length - 1);
        queueSize--;
        delivered = e;
        packet.set(e.serial, e.data, 0, e.length);
        packet.pts = e.pts;
        packet.dts = e.pts;
        packet.duration = e.duration;
        packet.keyframe = e.keyframe;
        packet.trimStart = e.trimStart;
        packet.trimEnd = e.trimEnd;
        return PACKET;
    }

    // ---------------------------------------------------------------- page layer (RFC 3533 6)

    /**
     * Parses the next complete page into {@link #page}, resyncing past garbage and bad pages.
     * False when the buffer holds no complete page (more input needed, or the end).
     */
    boolean nextPage() {
        while (true) {
            int avail = in.available();
            if (avail < 27) {
                return false;
            }
            byte[] buf = in.array();
            int p = in.offset();
            if (buf[p] != 'O' || buf[p + 1] != 'g' || buf[p + 2] != 'g' || buf[p + 3] != 'S' || buf[p + 4] != 0
                    || (buf[p + 5] & 0xF8) != 0) {
                if (!resync()) {
                    return false;
                }
                continue;
            }
            int segments = buf[p + 26] & 0xFF;
            if (avail < 27 + segments) {
                return false;
            }
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) {
                bodyLength += buf[p + 27 + i] & 0xFF;
            }
            int pageLength = 27 + segments + bodyLength;
            if (avail < pageLength) {
                return false;
            }
            int stored = OggCodec.s32le(buf, p + 22);
            if (OggCrc.ofPage(buf, p, pageLength) != stored) {
                badPages++;
                in.consume(1);
                continue;
            }
            // the page keeps pointing into the buffer's array: nothing is fed while it is processed
            page.set(buf, p, segments, bodyLength, in.position());
            in.consume(pageLength);
            return true;
        }
    }

    /** Skips to the next "OggS" in the buffer; false when none is there yet (3 bytes kept). */
    private boolean resync() {
        byte[] buf = in.array();
        int from = in.offset();
        int end = from + in.available();
        int p = from + 1;
        int last = end - 4;
        while (p <= last) {
            if (buf[p] == 'O' && buf[p + 1] == 'g' && buf[p + 2] == 'g' && buf[p + 3] == 'S') {
                skippedBytes += p - from;
                in.consume(p - from);
                return true;
            }
            p++;
        }
        int keep = Math.min(3, end - from);
        int drop = end - from - keep;
        skippedBytes += drop;
        in.consume(drop);
        return false;
    }

    /** File offset of the next byte the page layer will read. */
    long readPosition() {
        return in.endPosition();
    }

    /** Asks the caller to continue at {@code position}; the buffer is dropped. */
    void requestSeek(long position) {
        seekPending = true;
        seekPosition = position;
        in.reset(position);
    }

    boolean inputEnded() {
        return in.ended();
    }

    /** File offset of the byte after the last one parsed into a page. */
    long parsePosition() {
        return in.position();
    }

    // ---------------------------------------------------------------- streams and packets

    private OggStream stream(int serial) {
        for (int i = 0, n = streams.size(); i < n; i++) {
            OggStream s = streams.get(i);
            if (s.serial == serial) {
                return s;
            }
        }
        return null;
    }

    private void processPage() {
        sawAnyPage = true;
        OggStream s = stream(page.serial);
        if (page.bos()) {
            if (!inBosPhase || s != null) {
                startNewChain();
                s = null;
            }
            if (streams.size() >= MAX_STREAMS) {
                return; // more logical streams than any real file has: ignore the rest
            }
            s = new OggStream(page.serial, identify());
            streams.add(s);
        } else {
            inBosPhase = false;
            if (s == null) {
                return;
            }
        }
        if (s.disabled) {
            return;
        }
        if (s.lastSequence >= 0 && page.sequence != ((s.lastSequence + 1) & 0xFFFFFFFFL)) {
            // a page was lost: the packet that spanned it is incomplete, and the timeline restarts
            recycle(s.partial);
            s.partial = null;
            s.codec.resetTime();
        }
        s.lastSequence = page.sequence;
        int count = splitPackets(s);
        if (s.track == null) {
            count = takeHeaders(s, count);
        }
        if (s.track != null) {
            s.codec.timestampPage(pagePackets, 0, count, page.granule, page.eos());
        }
        if (count > 0) {
            for (int i = 0; i < count; i++) {
                OggPacketEntry e = pagePackets[i];
                pagePackets[i] = null;
                if (dropUntilKeyframe && s.codec.hasKeyframes()) {
                    if (!e.keyframe) {
                        recycle(e);
                        continue;
                    }
                    dropUntilKeyframe = false;
                }
                if (e.pts != Packet.NO_TIMESTAMP) {
                    e.pts += s.ptsOffset;
                    double end = (double) (e.pts + e.duration - e.trimEnd) / s.codec.timescale();
                    if (end > presentationEndSeconds) {
                        presentationEndSeconds = end;
                    }
                }
                enqueue(e);
            }
        }
        if (page.eos()) {
            s.eos = true;
            recycle(s.partial);
            s.partial = null;
        }
        if (!tracksAnnounced && !inBosPhase && (allHeadersDone() || queueSize > MAX_PENDING_BEFORE_TRACKS)) {
            announceTracks();
        }
    }

    private OggCodec identify() {
        // the BOS page holds exactly the first packet (RFC 3533 4; Vorbis I A.2; Theora I A.2)
        int len = Math.min(page.bodyLength, 64);
        byte[] head = new byte[len];
        System.arraycopy(page.data, page.bodyOffset, head, 0, len);
        return OggCodec.identify(head, len);
    }

    /** Reassembles the page's segments; completed packets go to {@link #pagePackets}. */
    private int splitPackets(OggStream s) {
        int count = 0;
        int pos = page.bodyOffset;
        boolean skipping = false;
        if (page.continued()) {
            skipping = s.partial == null;
        } else if (s.partial != null) {
            recycle(s.partial);
            s.partial = null;
        }
        int run = 0;
        for (int i = 0; i < page.segments; i++) {
            int lace = page.data[page.segmentTableOffset + i] & 0xFF;
            run += lace;
            if (lace == 255) {
                continue;
            }
            if (skipping) {
                skipping = false;
            } else {
                OggPacketEntry e = s.partial != null ? s.partial : obtain(s.serial);
                s.partial = null;
                e.append(page.data, pos, run, MAX_PACKET_SIZE);
                if (count == pagePackets.length) {
                    throw new MalformedStreamException("more than 255 packets on a page");
                }
                pagePackets[count++] = e;
            }
            pos += run;
            run = 0;
        }
        if (run > 0 || (page.segments > 0 && (page.data[page.segmentTableOffset + page.segments - 1] & 0xFF) == 255)) {
            if (!skipping) {
                OggPacketEntry e = s.partial != null ? s.partial : obtain(s.serial);
                e.append(page.data, pos, run, MAX_PACKET_SIZE);
                s.partial = e;
            }
        }
        return count;
    }

    /** Moves header packets from the front of {@link #pagePackets} into the stream; returns the rest's count. */
    private int takeHeaders(OggStream s, int count) {
        int used = 0;
        while (used < count && !s.headersDone()) {
            OggPacketEntry e = pagePackets[used];
            int index = s.headers.size();
            try {
                s.codec.parseHeader(index, e.data, e.length);
            } catch (MalformedStreamException ex) {
                throw new MalformedStreamException("stream " + Long.toString(s.serial & 0xFFFFFFFFL) + ": " + ex.getMessage());
            }
            s.headers.add(e.copyBytes());
            recycle(e);
            pagePackets[used] = null;
            used++;
        }
        if (s.headersDone()) {
            s.track = s.codec.buildTrack(s.serial, s.headers, -1);
            // a chained link's timestamps continue after the previous link (rounded half up)
            double ticks = chainStartSeconds * s.codec.timescale() + 0.5;
            s.ptsOffset = ticks < 9.0e18 ? (long) ticks : 0;
        }
        for (int i = used; i < count; i++) {
            pagePackets[i - used] = pagePackets[i];
            pagePackets[i] = null;
        }
        int rest = count - used;
        if (rest > 0 && s.track == null) {
            for (int i = 0; i < rest; i++) {
                recycle(pagePackets[i]);
                pagePackets[i] = null;
            }
            return 0;
        }
        return rest;
    }

    private boolean allHeadersDone() {
        for (int i = 0, n = streams.size(); i < n; i++) {
            OggStream s = streams.get(i);
            if (!s.disabled && s.track == null) {
                return false;
            }
        }
        return true;
    }

    private void announceTracks() {
        List<TrackInfo> list = new ArrayList<>();
        for (int i = 0, n = streams.size(); i < n; i++) {
            OggStream s = streams.get(i);
            if (s.track != null) {
                list.add(s.track);
            } else {
                s.disabled = true;
            }
        }
        tracks = list;
        tracksAnnounced = true;
        if (dataStart < 0) {
            dataStart = parsePosition();
        }
        tracksChangedPending = true;
        if (!seeker.probedDuration() && inputLength > 0 && !list.isEmpty() && sawAnyPage) {
            int n = in.available();
            if (n > 0 && n <= MAX_HELD_INPUT && !in.skipping()) {
                heldInput = in.copy(0, n);
                heldAt = in.position();
            }
            seeker.startDurationProbe(parsePosition());
        }
    }

    private void startNewChain() {
        chained = true;
        for (int i = 0, n = streams.size(); i < n; i++) {
            recycle(streams.get(i).partial);
        }
        streams.clear();
        inBosPhase = true;
        tracksAnnounced = false;
        chainStartSeconds = presentationEndSeconds;
    }

    // ---------------------------------------------------------------- queue and pool

    private OggPacketEntry obtain(int serial) {
        OggPacketEntry e = pool.isEmpty() ? new OggPacketEntry() : pool.remove(pool.size() - 1);
        e.clear(serial);
        return e;
    }

    private void recycle(OggPacketEntry e) {
        if (e != null) {
            pool.add(e);
        }
    }

    private void enqueue(OggPacketEntry e) {
        if (queueSize == queue.length) {
            OggPacketEntry[] n = new OggPacketEntry[queue.length * 2];
            for (int i = 0; i < queueSize; i++) {
                n[i] = queue[(queueHead + i) & (queue.length - 1)];
            }
            queue = n;
            queueHead = 0;
        }
        queue[(queueHead + queueSize) & (queue.length - 1)] = e;
        queueSize++;
    }

    private void clearQueue() {
        while (queueSize > 0) {
            recycle(queue[queueHead]);
            queue[queueHead] = null;
            queueHead = (queueHead + 1) & (queue.length - 1);
            queueSize--;
        }
    }

    // ---------------------------------------------------------------- seeking support

    /** Streams of the current chain with a track, for the seeker. */
    List<OggStream> streams() {
        return streams;
    }

    long dataStart() {
        return dataStart;
    }

    void setDuration(double seconds, long[] ticksBySerialTrack) {
        durationSeconds = seconds;
        if (ticksBySerialTrack == null) {
            return;
        }
        List<TrackInfo> list = new ArrayList<>();
        for (int i = 0, n = streams.size(); i < n; i++) {
            OggStream s = streams.get(i);
            if (s.track != null) {
                long d = ticksBySerialTrack[i];
                if (d >= 0) {
                    s.track = s.codec.buildTrack(s.serial, s.headers, d);
                }
                list.add(s.track);
            }
        }
        tracks = list;
    }

    /** The file holds more than one link: no duration and no seeking. */
    void setChained() {
        chained = true;
    }

    /** Called by the seeker once positioned: parsing restarts at a page boundary. */
    void restartParsingAt(long position) {
        heldInput = null;
        clearQueue();
        for (int i = 0, n = streams.size(); i < n; i++) {
            OggStream s = streams.get(i);
            recycle(s.partial);
            s.partial = null;
            s.lastSequence = -1;
            if (s.codec != null) {
                if (position <= dataStart) {
                    s.codec.resetToStart();
                } else {
                    s.codec.resetTime();
                }
            }
        }
        dropUntilKeyframe = true;
        requestSeek(position);
    }

    /**
     * Called by the seeker after the duration probe: parsing goes on where it stopped, with the
     * bytes that had been fed after that point when the probe began (a request fewer, and those
     * bytes are not read twice); the caller goes on from the byte after them.
     */
    void resumeParsingAt(long position) {
        byte[] held = heldInput;
        heldInput = null;
        if (held == null || position != heldAt) {
            requestSeek(position);
            return;
        }
        // held bytes that run to the end of the file leave nothing to ask for (a request from the
        // file's length would be refused, by a blob: URL as a network error)
        boolean toTheEnd = inputLength > 0 && position + held.length >= inputLength;
        if (!toTheEnd) {
            requestSeek(position + held.length);
        }
        in.reset(position);
        in.feed(held, 0, held.length);
        if (toTheEnd) {
            in.endOfInput();
        }
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
        return tracks;
    }

    @Override
    public double durationSeconds() {
        return durationSeconds;
    }

    @Override
    public boolean canSeek() {
        return inputLength > 0 && tracksAnnounced && dataStart >= 0 && !tracks.isEmpty() && !chained
                && streams.size() > 0 && seeker.probedDuration() && !seeker.probingDuration();
    }

    @Override
    public void seekTo(double seconds) {
        if (!canSeek()) {
            throw new IllegalStateException("seeking needs the input length and the track list");
        }
        if (delivered != null) {
            pool.add(delivered);
            delivered = null;
        }
        clearQueue();
        seeker.startSeek(Math.max(0, seconds));
    }
}
