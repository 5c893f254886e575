package org.kinora.demux.flv;

import java.util.ArrayDeque;
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
 * FLV files and live FLV streams (FLV 10.1 Annex E, Enhanced RTMP v2): header, tags with 24+8-bit
 * timestamps, PreviousTagSize checked and used to find the tags again after damaged bytes, the
 * {@code onMetaData} script tag, and the audio and video bodies {@link FlvTags} reads.
 *
 * <p>Tracks: video is track {@value #VIDEO_TRACK}, audio track {@value #AUDIO_TRACK}, both in
 * milliseconds. The header's flags say which to expect; the track list is announced once every
 * expected track has its configuration, or after {@value #PROBE_TAGS} tags or
 * {@value #PROBE_MS} ms of stream, whichever comes first (packets read meanwhile are kept and
 * delivered after). A track that appears or changes later (a new sequence header mid-stream, a new
 * resolution) is announced again with {@link #TRACKS_CHANGED} before its next packet.
 *
 * <p>Seeking needs the input length: through the metadata's {@code keyframes} index when there is
 * one, otherwise by bisection over the tags' timestamps followed by a short forward scan for the
 * last video keyframe (the last audio tag for audio-only files) at or before the target.
 */
public final class FlvDemuxer implements Demuxer {
    public static final int VIDEO_TRACK = 1;
    public static final int AUDIO_TRACK = 2;

    static final int PROBE_TAGS = 200;
    static final int PROBE_MS = 2000;
    private static final int TAG_HEADER = 11;
    private static final int MAX_DATA_OFFSET = 1 << 16;
    /** Bytes of packets kept while probing, at most. */
    private static final int MAX_PROBE_BYTES = 16 << 20;
    /** Below this span, bisection stops and the keyframe is found by scanning forward. */
    private static final long SCAN_WINDOW = 256 << 10;

    private enum State { HEADER, TAGS, BISECT, SCAN, DONE }

    private final InputBuffer in = new InputBuffer();
    private long inputLength = -1;

    private State state = State.HEADER;
    private boolean expectAudio;
    private boolean expectVideo;
    private long firstTagOffset = -1;
    /** True while positioned on a tag boundary; false after a seek into the middle of the file. */
    private boolean synced;

    private final FlvTags tags = new FlvTags();
    private FlvMetadata metadata;
    private final List<TrackInfo> tracks = new ArrayList<>();
    private boolean probing = true;
    private int probeTags;
    private long probeFirstTs = -1;
    private int probeBytes;
    private final ArrayDeque<Packet> queued = new ArrayDeque<>();
    private boolean tracksPending;

    private final Packet packet = new Packet();
    private byte[] out = new byte[0];

    private long seekRequest = -1;
    private long seekTargetMs;
    private long lo;
    private long hi;
    private long window;
    private long scanBest;

    private int resyncs;

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

    /** Number of times the parser lost the tag boundaries and found them again. */
    public int resyncs() {
        return resyncs;
    }

    /** Packets skipped because they could not be read or their codec is not supported. */
    public int skippedPackets() {
        return tags.skippedPackets;
    }

    /**
     * True while HEVC frames arrive without a configuration record and without in-band VPS, SPS and
     * PPS (a relay that joined the stream late): video starts at the next keyframe that carries them.
     */
    public boolean awaitingVideoParameterSets() {
        return tags.awaitingParameterSets;
    }

    @Override
    public int poll() {
        while (true) {
            if (seekRequest >= 0) {
                return SEEK;
            }
            if (tracksPending) {
                tracksPending = false;
                return TRACKS_CHANGED;
            }
            if (!probing && !queued.isEmpty()) {
                Packet q = queued.poll();
                probeBytes -= q.length;
                packet.set(q.trackId, q.data, q.offset, q.length);
                copyTimes(q, packet);
                return PACKET;
            }
            int r;
            switch (state) {
                case HEADER:
                    r = header();
                    break;
                case TAGS:
                    r = tag();
                    break;
                case BISECT:
                    r = bisect();
                    break;
                case SCAN:
                    r = scan();
                    break;
                default:
                    if (probing) {
                        endProbe();
                        continue;
                    }
                    return END;
            }
            if (r >= 0) {
                return r;
            }
        }
    }

    private static void copyTimes(Packet from, Packet to) {
        to.pts = from.pts;
        to.dts = from.dts;
        to.keyframe = from.keyframe;
    }

    /** File header (E.2) and PreviousTagSize0. Returns a result, or -1 to continue. */
    private int header() {
        if (in.available() < 9) {
            return needMore();
        }
        if (in.u8(0) != 'F' || in.u8(1) != 'L' || in.u8(2) != 'V') {
            throw new MalformedStreamException("not an FLV file: no FLV signature");
        }
        if (in.u8(3) != 1) {
            throw new UnsupportedFeatureException("FLV version " + in.u8(3));
        }
        expectAudio = (in.u8(4) & 4) != 0;
        expectVideo = (in.u8(4) & 1) != 0;
        long dataOffset = in.u32be(5);
        if (dataOffset < 9 || dataOffset > MAX_DATA_OFFSET) {
            throw new MalformedStreamException("FLV header DataOffset " + dataOffset);
        }
        if (in.available() < dataOffset + 4) {
            return needMore();
        }
        in.consume((int) dataOffset + 4); // PreviousTagSize0 is ignored: it is 0 by definition
        firstTagOffset = in.position();
        state = State.TAGS;
        synced = true;
        return -1;
    }

    private int needMore() {
        if (in.ended()) {
            if (state == State.HEADER) {
                throw new MalformedStreamException("FLV file ends inside its header");
            }
            state = State.DONE;
            return -1;
        }
        return NEED_MORE_DATA;
    }

    /** A plausible tag header {@code i} bytes ahead: a known type, no encryption, stream id 0. */
    private boolean plausibleHeader(int i) {
        int t = in.u8(i);
        if ((t & 0xE0) != 0) {
            return false; // reserved bits, or the Filter bit: encrypted tags are not supported
        }
        t &= 0x1F;
        return (t == 8 || t == 9 || t == 18) && in.u24be(i + 8) == 0;
    }

    /**
     * Checks that a tag starts {@code i} bytes ahead: a plausible header whose PreviousTagSize
     * trailer matches, or whose end is the end of the file. Returns 1 yes, 0 no, -1 more data needed.
     */
    private int tagAt(int i) {
        int avail = in.available() - i;
        if (avail < TAG_HEADER) {
            return in.ended() ? 0 : -1;
        }
        if (!plausibleHeader(i)) {
            return 0;
        }
        int size = in.u24be(i + 1);
        long need = (long) TAG_HEADER + size + 4;
        if (avail < need) {
            if (in.ended()) {
                return avail == need - 4 ? 1 : 0; // the last tag without its trailer
            }
            return -1;
        }
        return in.u32be(i + TAG_HEADER + size) == TAG_HEADER + size ? 1 : 0;
    }

    private long timestamp(int i) {
        return in.u24be(i + 4) | ((long) in.u8(i + 7) << 24);
    }

    /** Reads one tag at the read position. Returns a result, or -1 to continue. */
    private int tag() {
        if (!synced) {
            int r = resync();
            if (r != 1) {
                return r == 0 ? -1 : needMore();
            }
        }
        int avail = in.available();
        if (avail < TAG_HEADER) {
            return needMore();
        }
        if (!plausibleHeader(0)) {
            lostSync();
            return -1;
        }
        int size = in.u24be(1);
        long total = (long) TAG_HEADER + size + 4;
        if (avail < total) {
            if (!in.ended()) {
                return NEED_MORE_DATA;
            }
            if (avail < total - 4) {
                state = State.DONE; // the file ends inside its last tag
                return -1;
            }
        } else if (in.u32be(TAG_HEADER + size) != TAG_HEADER + size) {
            // a wrong trailer is tolerated when the next tag starts where it should
            int next = tagAt((int) total);
            if (next < 0) {
                return NEED_MORE_DATA;
            }
            if (next == 0 && !(in.ended() && avail == total)) {
                lostSync();
                return -1;
            }
        }
        int type = in.u8(0) & 0x1F;
        long ts = timestamp(0);
        byte[] b = in.array();
        int body = in.offset() + TAG_HEADER;
        int kind;
        if (type == 18) {
            if (metadata == null) {
                try {
                    metadata = FlvMetadata.parse(b, body, size);
                } catch (MalformedStreamException e) {
                    metadata = null; // a broken script tag costs the metadata, not the stream
                }
            }
            kind = FlvTags.NONE;
        } else if (type == 9) {
            kind = tags.video(b, body, size, ts);
        } else {
            kind = tags.audio(b, body, size, ts);
        }
        int trackId = type == 9 ? VIDEO_TRACK : AUDIO_TRACK;
        int result = deliver(kind, trackId, ts);
        in.consume((int) Math.min(avail, total));
        return result;
    }

    private void lostSync() {
        resyncs++;
        in.consume(1);
        synced = false;
    }

    /** Finds the next tag boundary at or after the read position. Returns 1 found, 0 end of input, -1 more data needed. */
    private int resync() {
        while (true) {
            if (in.available() < TAG_HEADER) {
                if (in.ended()) {
                    state = State.DONE;
                    return 0;
                }
                return -1;
            }
            int r = tagAt(0);
            if (r < 0) {
                return -1;
            }
            if (r == 1) {
                synced = true;
                return 1;
            }
            in.consume(1);
        }
    }

    private int deliver(int kind, int trackId, long ts) {
        if (tags.videoChanged || tags.audioChanged) {
            rebuildTracks();
        }
        if (probing) {
            probeTags++;
            if (probeFirstTs < 0) {
                probeFirstTs = ts;
            }
            if (kind == FlvTags.FRAME) {
                Packet q = new Packet();
                byte[] own = new byte[tags.frameLength];
                System.arraycopy(in.array(), tags.frameOffset, own, 0, tags.frameLength);
                q.set(trackId, own, 0, own.length);
                fillTimes(q, ts);
                queued.add(q);
                probeBytes += own.length;
            }
            if (probeComplete(ts)) {
                endProbe();
            }
            return -1;
        }
        if (kind != FlvTags.FRAME) {
            return -1;
        }
        if (out.length < tags.frameLength) {
            out = new byte[Math.max(tags.frameLength, out.length * 2)];
        }
        System.arraycopy(in.array(), tags.frameOffset, out, 0, tags.frameLength);
        packet.set(trackId, out, 0, tags.frameLength);
        fillTimes(packet, ts);
        return PACKET;
    }

    private void fillTimes(Packet p, long ts) {
        p.dts = ts;
        p.pts = tags.pts;
        p.keyframe = tags.keyframe;
    }

    private boolean probeComplete(long ts) {
        boolean videoReady = !expectVideo || (tags.videoCodec != null && (!tags.videoSupported || tags.videoConfig != null));
        boolean audioReady = !expectAudio || tags.audioCodec != null;
        boolean anyTrack = tags.videoCodec != null || tags.audioCodec != null;
        if (videoReady && audioReady && anyTrack) {
            return true;
        }
        return probeTags >= PROBE_TAGS || ts - probeFirstTs >= PROBE_MS || probeBytes >= MAX_PROBE_BYTES;
    }

    private void endProbe() {
        probing = false;
        rebuildTracks();
    }

    private void rebuildTracks() {
        tags.videoChanged = false;
        tags.audioChanged = false;
        tracks.clear();
        if (tags.videoCodec != null && (tags.videoConfig != null || !tags.videoSupported)) {
            TrackInfo.Builder v = new TrackInfo.Builder(VIDEO_TRACK, TrackType.VIDEO, tags.videoCodec).timescale(1000)
                    .codecConfig(tags.videoConfig).size(tags.width, tags.height);
            if (metadata != null && metadata.frameRate > 0) {
                v.frameRate((int) Math.round(metadata.frameRate * 1000), 1000);
            }
            if (metadata != null && !Double.isNaN(metadata.duration)) {
                v.duration((long) (metadata.duration * 1000));
            }
            tracks.add(v.build());
        }
        if (tags.audioCodec != null) {
            TrackInfo.Builder a = new TrackInfo.Builder(AUDIO_TRACK, TrackType.AUDIO, tags.audioCodec).timescale(1000)
                    .codecConfig(tags.audioConfig).audio(tags.sampleRate, tags.channels);
            if (metadata != null && !Double.isNaN(metadata.duration)) {
                a.duration((long) (metadata.duration * 1000));
            }
            tracks.add(a.build());
        }
        if (!probing) {
            tracksPending = true;
        }
    }

    @Override
    public Packet packet() {
        return packet;
    }

    @Override
    public long seekPosition() {
        long p = seekRequest;
        seekRequest = -1;
        return p;
    }

    private int requestSeek(long position) {
        seekRequest = position;
        in.reset(position);
        return -1;
    }

    @Override
    public List<TrackInfo> tracks() {
        return Collections.unmodifiableList(tracks);
    }

    @Override
    public double durationSeconds() {
        return metadata == null ? Double.NaN : metadata.duration;
    }

    @Override
    public boolean canSeek() {
        return inputLength > 0 && firstTagOffset >= 0;
    }

    @Override
    public void seekTo(double seconds) {
        if (!canSeek()) {
            throw new UnsupportedFeatureException("this FLV stream cannot seek: its length is not known");
        }
        if (probing) {
            endProbe();
        }
        queued.clear();
        probeBytes = 0;
        long target = seconds <= 0 || Double.isNaN(seconds) ? 0 : (long) (seconds * 1000);
        seekTargetMs = target;
        if (target == 0) {
            seekToTag(firstTagOffset);
            return;
        }
        if (metadata != null && metadata.keyframeTimes != null) {
            // the index's times are decode times: scan from the entry before the last one at or
            // before the target, so that a keyframe presented after the target is not chosen
            long[] times = metadata.keyframeTimes;
            int i = times.length - 1;
            while (i > 0 && times[i] > target) {
                i--;
            }
            long pos = metadata.keyframePositions[Math.max(0, i - 1)];
            if (pos >= firstTagOffset && pos < inputLength) {
                lo = pos;
                hi = pos;
                window = SCAN_WINDOW;
                startScan();
                return;
            }
        }
        lo = firstTagOffset;
        hi = inputLength;
        window = SCAN_WINDOW;
        state = State.BISECT;
        requestSeek(lo + (hi - lo) / 2);
    }

    private void seekToTag(long pos) {
        state = State.TAGS;
        synced = true;
        requestSeek(pos);
    }

    /** One bisection step: reads the timestamp of the first tag at or after the middle. */
    private int bisect() {
        if (hi - lo <= window) {
            return startScan();
        }
        long mid = in.position();
        int r = resync();
        if (r < 0) {
            return NEED_MORE_DATA;
        }
        state = State.BISECT; // resync may have marked the input done
        long tagPos = in.position();
        if (r == 0 || tagPos >= hi) {
            hi = mid;
        } else if (timestamp(0) <= seekTargetMs) {
            lo = tagPos;
        } else {
            hi = mid;
        }
        if (hi - lo <= window) {
            return startScan();
        }
        return requestSeek(lo + (hi - lo) / 2);
    }

    private int startScan() {
        state = State.SCAN;
        synced = lo == firstTagOffset;
        scanBest = -1;
        return requestSeek(lo);
    }

    /**
     * Walks the tags from {@link #lo}, remembering the last random-access tag at or before the
     * target; once past the target, continues demuxing from there. When none lies in the window the
     * window doubles backwards.
     */
    private int scan() {
        boolean audioOnly = tags.videoCodec == null || !tags.videoSupported;
        while (true) {
            if (in.skipping()) {
                return in.ended() ? finishScan() : NEED_MORE_DATA;
            }
            if (!synced) {
                int r = resync();
                if (r < 0) {
                    return NEED_MORE_DATA;
                }
                state = State.SCAN;
                if (r == 0) {
                    return finishScan();
                }
            }
            int avail = in.available();
            if (avail < TAG_HEADER + 8) {
                if (!in.ended()) {
                    return NEED_MORE_DATA;
                }
                if (avail < TAG_HEADER + 1) {
                    return finishScan();
                }
            }
            if (!plausibleHeader(0)) {
                in.consume(1);
                synced = false;
                continue;
            }
            int size = in.u24be(1);
            long total = (long) TAG_HEADER + size + 4;
            long ts = timestamp(0);
            int type = in.u8(0) & 0x1F;
            long tagPos = in.position();
            if (ts > seekTargetMs && tagPos >= lo) {
                return finishScan();
            }
            boolean randomAccess;
            if (audioOnly) {
                randomAccess = type == 8;
            } else {
                randomAccess = type == 9 && size > 0 && isVideoKeyframe(in.u8(TAG_HEADER));
            }
            if (randomAccess && !audioOnly) {
                // a keyframe counts when it is presented at or before the target
                int cts = in.available() >= TAG_HEADER + Math.min(size, 8)
                        ? FlvTags.compositionTime(in.array(), in.offset() + TAG_HEADER, Math.min(size, 8)) : 0;
                randomAccess = ts + cts <= seekTargetMs;
            }
            if (randomAccess) {
                scanBest = tagPos;
            }
            in.skip(total); // the tag's bytes are not kept, whether they arrived or not
        }
    }

    private static boolean isVideoKeyframe(int b0) {
        int frameType = (b0 & 0x80) != 0 ? (b0 >> 4) & 7 : b0 >> 4;
        return frameType == 1;
    }

    private int finishScan() {
        if (scanBest >= 0 || lo <= firstTagOffset) {
            seekToTag(scanBest >= 0 ? scanBest : firstTagOffset);
            return -1;
        }
        // no random-access point between lo and the target: look further back
        window *= 2;
        hi = lo;
        lo = Math.max(firstTagOffset, lo - window);
        return startScan();
    }
}
