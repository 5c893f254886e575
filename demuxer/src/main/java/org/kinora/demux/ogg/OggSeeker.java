package org.kinora.demux.ogg;

import java.util.List;
import org.kinora.demux.Demuxer;

/**
 * The two jobs of the Ogg demuxer that read other parts of the file through SEEK requests:
 * finding the duration from the granule positions of the last pages (of each link of a chained
 * file, with {@link OggChainDuration}), and seeking by bisection
 * on byte offsets to the page before a target time (for Theora then to the page before the
 * keyframe that the found granule position names).
 */
final class OggSeeker {
    private static final int IDLE = 0;
    private static final int DURATION = 1;
    private static final int BISECT = 2;
    private static final int CHAIN = 3;
    /** Bytes read from the end for the duration: a little over two maximal pages. */
    static final long TAIL = 2L * (27 + 255 + 255 * 255);

    private final OggDemuxer d;
    private final OggChainDuration chain;
    private int mode = IDLE;
    private boolean durationProbed;
    private boolean chained;

    private long resumeAt;
    private long[] lastGranule;

    private OggStream primary;
    private long targetTicks;
    /** Phase 2 of a Theora seek: find the last page whose frames all precede this keyframe. */
    private long keyframeTarget = -1;
    private long lo;
    private long hi;
    private long mid;
    private long bestOffset;
    private long bestGranule;
    /** The best page so far is its stream's last (EOS) page. */
    private boolean bestEos;
    private boolean probing;

    OggSeeker(OggDemuxer d) {
        this.d = d;
        this.chain = new OggChainDuration(d);
    }

    boolean active() {
        return mode != IDLE;
    }

    boolean probingDuration() {
        return mode == DURATION || mode == CHAIN;
    }

    boolean probedDuration() {
        return durationProbed;
    }

    void startDurationProbe(long resume) {
        durationProbed = true;
        resumeAt = resume;
        lastGranule = new long[d.streams().size()];
        java.util.Arrays.fill(lastGranule, -1);
        long start = Math.max(resume, d.inputLength() - TAIL);
        mode = DURATION;
        d.requestSeek(start);
    }

    void startSeek(double seconds) {
        List<OggStream> streams = d.streams();
        primary = null;
        for (OggStream s : streams) {
            if (s.track != null && s.codec.hasKeyframes()) {
                primary = s;
                break;
            }
        }
        if (primary == null) {
            for (OggStream s : streams) {
                if (s.track != null) {
                    primary = s;
                    break;
                }
            }
        }
        if (primary == null) {
            return;
        }
        targetTicks = (long) Math.min(seconds * primary.codec.timescale(), 9.0e18);
        keyframeTarget = -1;
        beginBisection(d.inputLength());
    }

    private void beginBisection(long high) {
        mode = BISECT;
        lo = d.dataStart();
        hi = high;
        bestOffset = d.dataStart();
        bestGranule = -1;
        bestEos = false;
        probeNext();
    }

    private void probeNext() {
        if (lo >= hi) {
            finishBisection();
            return;
        }
        mid = lo + (hi - lo) / 2;
        probing = true;
        d.requestSeek(mid);
    }

    /** One step; a demuxer result, or -1 when the caller should loop. */
    int step() {
        if (mode == DURATION) {
            return stepDuration();
        }
        if (mode == CHAIN) {
            int r = chain.step();
            if (r != -2) {
                return r;
            }
            d.setDuration(chain.seconds(), null);
            mode = IDLE;
            d.resumeParsingAt(resumeAt);
            return -1;
        }
        return stepBisect();
    }

    private int stepDuration() {
        List<OggStream> streams = d.streams();
        while (d.nextPage()) {
            OggPage page = d.page;
            if (page.granule < 0) {
                continue;
            }
            boolean known = false;
            for (int i = 0; i < streams.size() && i < lastGranule.length; i++) {
                if (streams.get(i).serial == page.serial) {
                    lastGranule[i] = page.granule;
                    known = true;
                }
            }
            if (!known || page.bos()) {
                // a stream of a later link of a chain: neither the duration nor seeking can be
                // had from the first link's granule positions
                chained = true;
            }
        }
        if (!d.inputEnded() && d.readPosition() < d.inputLength()) {
            return Demuxer.NEED_MORE_DATA;
        }
        long[] ticks = new long[streams.size()];
        double seconds = Double.NaN;
        for (int i = 0; i < streams.size(); i++) {
            ticks[i] = -1;
            OggStream s = streams.get(i);
            if (s.track == null || i >= lastGranule.length || lastGranule[i] < 0) {
                continue;
            }
            long t = s.codec.granuleToEndTicks(lastGranule[i]);
            if (t < 0) {
                continue;
            }
            ticks[i] = t;
            double sec = (double) t / s.codec.timescale();
            if (Double.isNaN(seconds) || sec > seconds) {
                seconds = sec;
            }
        }
        if (chained) {
            // a chain (no seeking): its duration is the sum of its links', found link by link
            d.setChained();
            mode = CHAIN;
            chain.start(streams, d.dataStart());
            return -1;
        }
        d.setDuration(seconds, ticks);
        mode = IDLE;
        d.resumeParsingAt(resumeAt);
        return -1;
    }

    private int stepBisect() {
        while (d.nextPage()) {
            OggPage page = d.page;
            if (page.fileOffset >= hi) {
                hi = mid;
                probeNext();
                return -1;
            }
            if (page.serial != primary.serial || page.granule < 0) {
                continue;
            }
            if (before(page.granule)) {
                bestOffset = page.fileOffset;
                bestGranule = page.granule;
                bestEos = page.eos();
                lo = page.fileOffset + page.length;
            } else {
                hi = mid;
            }
            probeNext();
            return -1;
        }
        if (!d.inputEnded() && d.readPosition() < d.inputLength()) {
            return Demuxer.NEED_MORE_DATA;
        }
        hi = mid;
        probeNext();
        return -1;
    }

    private boolean before(long granule) {
        if (keyframeTarget >= 0) {
            return primary.codec.granuleToFrame(granule) < keyframeTarget;
        }
        long t = primary.codec.granuleToTicks(granule);
        return t >= 0 && t <= targetTicks;
    }

    private void finishBisection() {
        if (keyframeTarget < 0 && primary.codec.hasKeyframes() && bestGranule >= 0) {
            long kf = primary.codec.granuleToKeyframe(bestGranule);
            if (kf <= 0) {
                bestOffset = d.dataStart();
            } else {
                keyframeTarget = kf;
                long high = bestOffset + 1;
                beginBisection(high);
                return;
            }
        }
        if (keyframeTarget < 0 && !primary.codec.hasKeyframes() && bestEos && bestOffset > d.dataStart()) {
            // Vorbis I A.2: the last page's granule position may end inside its last packet, so
            // the times of its packets follow only from the page before: start there
            long t = primary.codec.granuleToTicks(bestGranule);
            if (t > 0) {
                targetTicks = t - 1;
                beginBisection(bestOffset);
                return;
            }
        }
        mode = IDLE;
        d.restartParsingAt(bestOffset);
    }
}
