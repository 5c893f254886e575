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
    /** NCOEFFS of each coded block, by position in the coded list. */
    final byte[] ncoeffs;
    /**
     * Quantized coefficients, 64 per coded block in natural order, by position in the coded list
     * (so that token decoding writes them in address order); all zero between frames.
     */
    final short[] coeffs;
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
        ncoeffs = new byte[n];
        coeffs = new short[n * 64];
        codedList = new int[n];
        codedIndex = new int[n];
        sbCodedStart = new int[layout.nsbs + 1];
    }
}
