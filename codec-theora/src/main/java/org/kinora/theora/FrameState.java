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
    /** NCOEFFS per block. */
    final byte[] ncoeffs;
    /** Quantized coefficients of every block, 64 per block in natural order; zero outside coded blocks. */
    final short[] coeffs;
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
    }
}
