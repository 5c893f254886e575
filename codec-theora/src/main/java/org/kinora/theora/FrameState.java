package org.kinora.theora;

/** Per-frame decoding state: what the packet says about every block. Allocated once per stream. */
final class FrameState {
    final FrameLayout layout;
    /** FTYPE == 0. */
    boolean intra;
    /** QIS and NQIS (Theora I 7.1). */
    final int[] qis = new int[3];
    int nqis;
    /** BCODED per block. */
    final byte[] coded;
    /** Coding mode of each block (that of its macro block). */
    final byte[] mode;
    /** MVECTS per block, in half (luma or unsubsampled axis) or quarter (subsampled chroma axis) pixels. */
    final byte[] mvx;
    final byte[] mvy;
    /** QIIS per block. */
    final byte[] qii;
    /**
     * The DCT tokens of the frame, one list per token index (Theora I 7.7.3 decodes them a token
     * index at a time) one after the other, each with one entry per block at that index in coded
     * block order: {@link TokenDecoder#END} or a coefficient after a run of zeros.
     * {@link TokenDecoder} writes them and reconstruction replays them a block at a time. The
     * array grows to the largest frame's token count; nothing is allocated once it has.
     */
    int[] tokens;
    /** Where each token index's list starts in {@link #tokens}. */
    final int[] tokenStart = new int[64];
    /**
     * Entries of luma blocks at the head of each token index's list (coded order puts the luma
     * blocks first): a builder of the chroma planes alone starts each list after them.
     */
    final int[] tokenLumaCount = new int[64];
    /** Per token index while a frame is reconstructed: the next entry in {@link #tokens}. */
    final int[] tokenNext = new int[64];
    /** Planes (bit p for plane p) whose DC prediction is still to be undone, by the builder of the plane. */
    int dcPending;
    /** Quantized DC coefficient of each coded block, by position in the coded list; the predicted one after 7.8. */
    final int[] dc;
    /** Position in the coded list of each coded block. */
    final int[] codedIndex;
    /** Position in the coded list of each super block's first coded block; one more at the end. */
    final int[] sbCodedStart;
    /** Coded blocks in coded order, and how many of them are luma. */
    final int[] codedList;
    int codedCount;
    int codedLumaCount;
    /** Entries used in {@link #tokens}. */
    int tokenCount;

    /** First entry of a hand-over (see {@link #export}): a frame to reconstruct. */
    static final int HAND_OVER_FRAME = 1;
    /** First entry of a hand-over: a dropped frame, the previous picture again. */
    static final int HAND_OVER_REPEAT = 2;
    /** Entries before the per-block section: 11 values, the 64 token list starts, their 64 luma counts. */
    private static final int HEADER = 11 + 2 * 64;

    FrameState(FrameLayout layout) {
        this.layout = layout;
        int n = layout.nbs;
        coded = new byte[n];
        mode = new byte[n];
        mvx = new byte[n];
        mvy = new byte[n];
        qii = new byte[n];
        dc = new int[n];
        tokens = new int[4 * n];
        codedList = new int[n];
        codedIndex = new int[n];
        sbCodedStart = new int[layout.nsbs + 1];
    }

    /** Entries {@link #export} writes for the frame parsed last. */
    int exportLength() {
        return HEADER + layout.nbs + 2 * codedCount + layout.nsbs + 1 + tokenCount;
    }

    /**
     * Writes everything reconstruction needs of the frame parsed last (after DC prediction) into
     * {@code out}, or into a larger array that replaces it, and returns the array; the first
     * {@link #exportLength()} entries are used. {@link #importFrom} in a state of the same layout
     * reads it back: the two halves of the decoder can then run apart (in two workers).
     */
    int[] export(int[] out) {
        int nbs = layout.nbs;
        int len = exportLength();
        if (out == null || out.length < len) {
            out = new int[len + (len >> 3)];
        }
        out[0] = HAND_OVER_FRAME;
        out[1] = intra ? 1 : 0;
        out[2] = nqis;
        out[3] = qis[0];
        out[4] = qis[1];
        out[5] = qis[2];
        out[6] = codedCount;
        out[7] = nbs;
        out[8] = tokenCount;
        out[9] = codedLumaCount;
        out[10] = dcPending;
        System.arraycopy(tokenStart, 0, out, 11, 64);
        System.arraycopy(tokenLumaCount, 0, out, 11 + 64, 64);
        int k = HEADER;
        for (int f = 0; f < nbs; f++) {
            out[k++] = (mvx[f] & 0xFF) | (mvy[f] & 0xFF) << 8 | (mode[f] & 0xF) << 16 | (qii[f] & 0xF) << 20
                    | (coded[f] & 0xFF) << 24;
        }
        System.arraycopy(codedList, 0, out, k, codedCount);
        k += codedCount;
        System.arraycopy(dc, 0, out, k, codedCount);
        k += codedCount;
        System.arraycopy(sbCodedStart, 0, out, k, layout.nsbs + 1);
        k += layout.nsbs + 1;
        System.arraycopy(tokens, 0, out, k, tokenCount);
        return out;
    }

    /**
     * Reads a frame written by {@link #export} (by a state of the same layout). Checks the counts
     * against the layout, so that a hand-over of another stream fails here and not in the middle
     * of a reconstruction.
     */
    void importFrom(int[] in, int length) {
        int nbs = layout.nbs;
        if (length < HEADER + nbs || in[0] != HAND_OVER_FRAME || in[7] != nbs || in[6] < 0 || in[6] > nbs
                || in[8] < 0 || in[8] > 64 * nbs || length != HEADER + nbs + 2 * in[6] + layout.nsbs + 1 + in[8]) {
            throw new IllegalArgumentException("not a Theora frame of this stream's size");
        }
        intra = in[1] != 0;
        nqis = in[2];
        qis[0] = in[3];
        qis[1] = in[4];
        qis[2] = in[5];
        codedCount = in[6];
        tokenCount = in[8];
        codedLumaCount = in[9];
        dcPending = in[10] & 7;
        System.arraycopy(in, 11, tokenStart, 0, 64);
        System.arraycopy(in, 11 + 64, tokenLumaCount, 0, 64);
        int k = HEADER;
        for (int f = 0; f < nbs; f++) {
            int v = in[k++];
            mvx[f] = (byte) v;
            mvy[f] = (byte) (v >> 8);
            mode[f] = (byte) ((v >> 16) & 0xF);
            qii[f] = (byte) ((v >> 20) & 0xF);
            coded[f] = (byte) (v >>> 24);
        }
        System.arraycopy(in, k, codedList, 0, codedCount);
        for (int i = 0; i < codedCount; i++) {
            int f = codedList[i];
            if (f < 0 || f >= nbs) {
                throw new IllegalArgumentException("not a Theora frame of this stream's size");
            }
            codedIndex[f] = i;
        }
        k += codedCount;
        System.arraycopy(in, k, dc, 0, codedCount);
        k += codedCount;
        System.arraycopy(in, k, sbCodedStart, 0, layout.nsbs + 1);
        k += layout.nsbs + 1;
        if (tokens.length < tokenCount) {
            tokens = new int[tokenCount];
        }
        System.arraycopy(in, k, tokens, 0, tokenCount);
    }
}
