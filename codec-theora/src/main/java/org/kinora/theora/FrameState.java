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
    /** Per token index while a frame is reconstructed: the next entry in {@link #tokens}. */
    final int[] tokenNext = new int[64];
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
}
