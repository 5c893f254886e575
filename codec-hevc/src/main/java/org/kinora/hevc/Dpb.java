package org.kinora.hevc;

import java.util.ArrayList;
import org.kinora.core.MalformedStreamException;
import org.kinora.hevc.params.ShortTermRps;
import org.kinora.hevc.params.Sps;

/**
 * The decoded picture buffer: picture order count (H.265 8.3.1), reference picture sets and
 * marking (8.3.2), generation of unavailable reference pictures (8.3.3), reference picture lists
 * (8.3.4) and output in the "bumping" order of C.5.2.
 *
 * <p>A frame is in one or more of: the DPB (needed for reference or for output), the output
 * queue, handed out by the last {@link #nextOutput()}. It goes back to the pool only when it is
 * in none of them, so a reference outlives its output and an output picture outlives its use
 * as a reference.
 */
final class Dpb {
    /** Upper bound on the sample memory of the pictures a stream can make the decoder keep. */
    static final long BYTE_BUDGET = 512L << 20;

    private final ArrayList<Frame> frames = new ArrayList<>();
    private final ArrayList<Frame> ready = new ArrayList<>();
    private final ArrayList<Frame> pool = new ArrayList<>();
    private Frame delivered;
    private int allocated;

    // 8.3.1 picture order count state
    private boolean firstPicture = true;
    private boolean afterEos;
    private int prevTid0PocLsb;
    private int prevTid0PocMsb;
    /** NoRaslOutputFlag of the last IRAP picture: its RASL pictures are skipped when set. */
    private boolean skipRasl;

    // 8.3.2 reference picture set of the current picture
    private final Frame[] stCurrBefore = new Frame[16];
    private final Frame[] stCurrAfter = new Frame[16];
    private final Frame[] ltCurr = new Frame[32];
    private int numStCurrBefore;
    private int numStCurrAfter;
    private int numLtCurr;
    private final Frame[] keep = new Frame[64];
    /** References of the current picture had to be generated (8.3.3): pictures were lost. */
    private boolean missingReferences;
    private final Frame[] temp = new Frame[32];
    private final boolean[] tempLt = new boolean[32];

    /**
     * Starts a picture from the header of its first slice segment: picture order count, reference
     * picture set, removal and bumping before decoding (C.5.2.2). Returns the frame to decode into,
     * or null when the picture is skipped (RASL pictures of a random access point that starts
     * decoding, pictures before the first random access point).
     */
    Frame startPicture(SliceHeader h, Sps sps, Pps pps, long pts) {
        boolean irap = Nal.isIrap(h.nalType);
        boolean noRaslOutput = irap && (Nal.isIdr(h.nalType) || h.nalType <= Nal.BLA_N_LP || firstPicture || afterEos);
        if (irap) {
            skipRasl = noRaslOutput;
        }
        if ((h.nalType == Nal.RASL_N || h.nalType == Nal.RASL_R) && skipRasl) {
            return null;
        }
        if (!irap && firstPicture) {
            return null; // decoding starts at a random access point
        }
        checkMemory(sps);
        missingReferences = false;
        // 8.3.1 picture order count
        int maxLsb = 1 << sps.log2MaxPocLsb;
        int msb;
        if (irap && noRaslOutput) {
            msb = 0;
        } else if (h.pocLsb < prevTid0PocLsb && prevTid0PocLsb - h.pocLsb >= maxLsb / 2) {
            msb = prevTid0PocMsb + maxLsb;
        } else if (h.pocLsb > prevTid0PocLsb && h.pocLsb - prevTid0PocLsb > maxLsb / 2) {
            msb = prevTid0PocMsb - maxLsb;
        } else {
            msb = prevTid0PocMsb;
        }
        int poc = msb + h.pocLsb;
        boolean radlOrRasl = h.nalType >= 6 && h.nalType <= Nal.RASL_R;
        if (h.temporalId == 0 && !radlOrRasl && !Nal.isSubLayerNonReference(h.nalType)) {
            prevTid0PocLsb = h.pocLsb;
            prevTid0PocMsb = msb;
        }
        if (irap && noRaslOutput) {
            for (Frame f : frames) {
                f.refState = Frame.UNUSED;
            }
        }
        referencePictureSet(h, sps, pps, poc);
        // C.5.2.2: an IRAP picture with NoRaslOutputFlag ends the previous coded video sequence
        if (irap && noRaslOutput && !firstPicture) {
            // NoOutputOfPriorPicsFlag is 1 for a CRA picture (after an end of sequence)
            if (h.noOutputOfPriorPics || h.nalType == Nal.CRA_NUT) {
                for (Frame f : frames) {
                    f.outputNeeded = false;
                }
            } else {
                while (bump()) {
                    // output every picture of the previous sequence
                }
            }
        }
        removeUnused();
        int highest = sps.maxSubLayers - 1;
        while (outputCount() > sps.maxNumReorder[highest] || latencyReached(sps)
                || frames.size() >= sps.maxDecPicBuffering[highest]) {
            if (!bump()) {
                break;
            }
        }
        if (frames.size() > sps.maxDecPicBuffering[highest] + 16) {
            throw new MalformedStreamException("decoded picture buffer overflow: references are never released");
        }
        firstPicture = false;
        afterEos = false;
        Frame f = obtain(sps, pps);
        f.poc = poc;
        f.outputNeeded = h.picOutput;
        f.keyframe = irap;
        f.pts = pts;
        f.refState = Frame.UNUSED;
        return f;
    }

    private void checkMemory(Sps sps) {
        int highest = sps.maxSubLayers - 1;
        int maxDpb = maxDpbSize(sps);
        if (sps.maxDecPicBuffering[highest] > maxDpb) {
            throw new MalformedStreamException("sps_max_dec_pic_buffering " + sps.maxDecPicBuffering[highest]
                    + " above MaxDpbSize " + maxDpb + " for the picture size");
        }
        if (Frame.bytes(sps) * (sps.maxDecPicBuffering[highest] + 2) > BYTE_BUDGET) {
            throw new MalformedStreamException("pictures of the stream need more memory than the decoder allows");
        }
    }

    /** MaxDpbSize (A.4.2) for the highest level's MaxLumaPs, since the level is not trusted. */
    static int maxDpbSize(Sps sps) {
        long ps = (long) sps.width * sps.height;
        long max = HevcDecoder.MAX_LUMA_PICTURE_SIZE;
        if (ps <= max >> 2) {
            return 16;
        } else if (ps <= max >> 1) {
            return 12;
        } else if (ps <= (3 * max) >> 2) {
            return 8;
        }
        return 6;
    }

    private Frame obtain(Sps sps, Pps pps) {
        Frame f;
        if (pool.isEmpty()) {
            if ((allocated + 1) * Frame.bytes(sps) > 2 * BYTE_BUDGET) {
                throw new MalformedStreamException("too many pictures held: receive() is not being called");
            }
            f = new Frame();
            allocated++;
        } else {
            f = pool.remove(pool.size() - 1);
        }
        f.allocate(sps, pps);
        f.inDpb = false;
        f.held = false;
        f.latencyCount = 0;
        return f;
    }

    /** 8.3.2: derives the five lists, marks the pictures and generates missing ones (8.3.3). */
    private void referencePictureSet(SliceHeader h, Sps sps, Pps pps, int poc) {
        numStCurrBefore = 0;
        numStCurrAfter = 0;
        numLtCurr = 0;
        int kept = 0;
        if (Nal.isIdr(h.nalType)) {
            for (Frame f : frames) {
                f.refState = Frame.UNUSED;
            }
            return;
        }
        int maxLsb = 1 << sps.log2MaxPocLsb;
        // long-term pictures first (8-5), from all reference pictures
        int nLt = h.pocLsbLt.length;
        for (int i = 0; i < nLt; i++) {
            int pocLt = h.pocLsbLt[i];
            boolean full = h.deltaPocMsbPresent[i];
            if (full) {
                pocLt += poc - h.deltaPocMsbCycleLt[i] * maxLsb - (poc & (maxLsb - 1));
            }
            Frame found = null;
            for (Frame f : frames) {
                if (f.refState != Frame.UNUSED && (full ? f.poc : f.poc & (maxLsb - 1)) == pocLt) {
                    found = f;
                    break;
                }
            }
            if (found == null && h.usedByCurrPicLt[i]) {
                found = generate(sps, pps, pocLt);
            }
            if (found != null) {
                if (h.usedByCurrPicLt[i]) {
                    ltCurr[numLtCurr++] = found;
                }
                keep[kept++] = found;
            }
        }
        int ltCount = kept;
        ShortTermRps st = h.shortTermRps;
        for (int i = 0; i < st.numDeltaPocs(); i++) {
            int p = poc + st.deltaPoc[i];
            Frame found = null;
            for (Frame f : frames) {
                if (f.refState == Frame.SHORT_TERM && f.poc == p) {
                    found = f;
                    break;
                }
            }
            if (found == null && st.used[i]) {
                found = generate(sps, pps, p);
            }
            if (found == null) {
                continue;
            }
            if (st.used[i]) {
                if (i < st.numNegative) {
                    stCurrBefore[numStCurrBefore++] = found;
                } else {
                    stCurrAfter[numStCurrAfter++] = found;
                }
            }
            keep[kept++] = found;
        }
        // marking: long-term set members become long-term, pictures in no set become unused
        for (Frame f : frames) {
            boolean inSet = false;
            boolean lt = false;
            for (int i = 0; i < kept; i++) {
                if (keep[i] == f) {
                    inSet = true;
                    lt |= i < ltCount;
                }
            }
            if (!inSet) {
                f.refState = Frame.UNUSED;
            } else if (lt) {
                f.refState = Frame.LONG_TERM;
            }
        }
    }

    /**
     * 8.3.3.2: a reference picture without motion in place of a missing one. The specification
     * fills it with mid-grey; when another reference picture of the same size exists its samples
     * are copied instead, which conceals a lost picture far better and changes nothing for a
     * conforming stream (whose generated pictures are never used for prediction).
     */
    private Frame generate(Sps sps, Pps pps, int poc) {
        missingReferences = true;
        Frame near = nearestReference(poc);
        Frame f = obtain(sps, pps);
        if (near != null && near.width == f.width && near.height == f.height && near.sps.bitDepthY == sps.bitDepthY
                && near.sps.bitDepthC == sps.bitDepthC) {
            f.copySamples(near);
        } else {
            f.fillGrey();
        }
        f.poc = poc;
        f.outputNeeded = false;
        f.refState = Frame.SHORT_TERM;
        f.inDpb = true;
        f.sliceCount = 0;
        frames.add(f);
        return f;
    }

    /** 8.3.4: RefPicList0 and RefPicList1 of a P or B slice, with the POCs and marking kept in the header. */
    void buildRefLists(SliceHeader h, Frame current) {
        if (h.sliceType == SliceHeader.I) {
            return;
        }
        int total = numStCurrBefore + numStCurrAfter + numLtCurr;
        if (total == 0) {
            throw new MalformedStreamException("P or B slice with an empty reference picture set");
        }
        h.noBackwardPred = true;
        for (int l = 0; l < (h.sliceType == SliceHeader.B ? 2 : 1); l++) {
            int active = l == 0 ? h.numRefIdxL0Active : h.numRefIdxL1Active;
            int n = Math.max(active, total);
            int r = 0;
            while (r < n) {
                Frame[] first = l == 0 ? stCurrBefore : stCurrAfter;
                int nFirst = l == 0 ? numStCurrBefore : numStCurrAfter;
                Frame[] second = l == 0 ? stCurrAfter : stCurrBefore;
                int nSecond = l == 0 ? numStCurrAfter : numStCurrBefore;
                for (int i = 0; i < nFirst && r < n; i++) {
                    tempLt[r] = false;
                    temp[r++] = first[i];
                }
                for (int i = 0; i < nSecond && r < n; i++) {
                    tempLt[r] = false;
                    temp[r++] = second[i];
                }
                for (int i = 0; i < numLtCurr && r < n; i++) {
                    tempLt[r] = true;
                    temp[r++] = ltCurr[i];
                }
            }
            int[] entry = l == 0 ? h.listEntryL0 : h.listEntryL1;
            for (int i = 0; i < active; i++) {
                int k = entry != null ? entry[i] : i;
                Frame f = temp[k];
                if (f.width != current.width || f.height != current.height || f.sps.bitDepthY != current.sps.bitDepthY
                        || f.sps.bitDepthC != current.sps.bitDepthC) {
                    throw new MalformedStreamException("reference picture has another size or bit depth");
                }
                h.refPicList[l][i] = f;
                h.refPoc[l][i] = f.poc;
                h.refIsLongTerm[l][i] = tempLt[k];
                if (f.poc > current.poc) {
                    h.noBackwardPred = false;
                }
            }
        }
    }

    /** C.5.2.3: the decoded picture enters the DPB as a short-term reference; pictures are output as the limits require. */
    void finishPicture(Frame f) {
        Sps sps = f.sps;
        if (f.outputNeeded) {
            for (Frame o : frames) {
                if (o.outputNeeded) {
                    o.latencyCount++;
                }
            }
        }
        f.latencyCount = 0;
        f.refState = Frame.SHORT_TERM;
        f.inDpb = true;
        frames.add(f);
        int highest = sps.maxSubLayers - 1;
        while (outputCount() > sps.maxNumReorder[highest] || latencyReached(sps)) {
            if (!bump()) {
                break;
            }
        }
    }

    /** A picture that could not be started or decoded at all goes back to the pool. */
    void discard(Frame f) {
        f.inDpb = false;
        f.held = false;
        release(f);
    }

    /** Whether the picture last started predicts from generated pictures (a conforming stream never does). */
    boolean missingReferences() {
        return missingReferences;
    }

    /** The reference picture closest in output order to {@code poc}, for concealment; null when there is none. */
    Frame nearestReference(int poc) {
        Frame best = null;
        for (Frame f : frames) {
            if (f.refState != Frame.UNUSED && (best == null || Math.abs(f.poc - poc) < Math.abs(best.poc - poc))) {
                best = f;
            }
        }
        return best;
    }

    /**
     * An end of sequence NAL unit: the next picture starts a new coded video sequence. Pictures
     * still waiting are output when it starts, unless it is a CRA picture, which discards them
     * (C.5.2.2).
     */
    void endOfSequence() {
        afterEos = true;
    }

    /** Outputs every picture still waiting. */
    void flush() {
        while (bump()) {
            // drain
        }
    }

    /** Forgets every picture (a seek): the next picture must be a random access point. */
    void reset() {
        releaseDelivered();
        for (Frame f : frames) {
            f.inDpb = false;
            f.held = false;
            pool.add(f);
        }
        for (Frame f : ready) {
            if (!f.inDpb) {
                f.held = false;
                pool.add(f);
            }
        }
        frames.clear();
        ready.clear();
        firstPicture = true;
        afterEos = false;
        prevTid0PocLsb = 0;
        prevTid0PocMsb = 0;
    }

    /** The next picture in output order, valid until the next call; null when none is ready. */
    Frame nextOutput() {
        releaseDelivered();
        if (ready.isEmpty()) {
            return null;
        }
        delivered = ready.remove(0);
        return delivered;
    }

    private void releaseDelivered() {
        if (delivered != null) {
            delivered.held = false;
            release(delivered);
            delivered = null;
        }
    }

    private void release(Frame f) {
        if (!f.inDpb && !f.held && !pool.contains(f)) {
            pool.add(f);
        }
    }

    private int outputCount() {
        int n = 0;
        for (Frame f : frames) {
            if (f.outputNeeded) {
                n++;
            }
        }
        return n;
    }

    private boolean latencyReached(Sps sps) {
        int highest = sps.maxSubLayers - 1;
        int plus1 = sps.maxLatencyIncrease[highest];
        if (plus1 == 0) {
            return false;
        }
        long maxLatency = (long) sps.maxNumReorder[highest] + plus1 - 1; // SpsMaxLatencyPictures
        for (Frame f : frames) {
            if (f.outputNeeded && f.latencyCount >= maxLatency) {
                return true;
            }
        }
        return false;
    }

    /** C.5.2.4 "bumping": outputs the picture with the smallest POC; false when none waits. */
    private boolean bump() {
        Frame best = null;
        for (Frame f : frames) {
            if (f.outputNeeded && (best == null || f.poc < best.poc)) {
                best = f;
            }
        }
        if (best == null) {
            return false;
        }
        best.outputNeeded = false;
        best.held = true;
        ready.add(best);
        if (best.refState == Frame.UNUSED) {
            frames.remove(best);
            best.inDpb = false;
        }
        return true;
    }

    /** Removes pictures needed neither for output nor for reference. */
    private void removeUnused() {
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            if (!f.outputNeeded && f.refState == Frame.UNUSED) {
                frames.remove(i);
                f.inDpb = false;
                release(f);
            }
        }
    }
}
