package org.kinora.hevc;

import org.kinora.hevc.params.Sps;

/**
 * One decoded picture: its sample planes (kept as 16-bit samples for every bit depth, so Main 10
 * is the same code) and the block metadata that prediction, QP derivation and the loop filters
 * consult, at a granularity of 4x4 luma samples.
 */
final class Frame {
    Sps sps;
    Pps pps;
    int width;
    int height;
    final short[][] planes = new short[3][];
    final int[] planeWidth = new int[3];
    final int[] planeHeight = new int[3];
    /**
     * At 8 bits, a copy of the luma plane as bytes (sample & 0xFF), made row by row as the loop
     * filters finish them, for motion compensation to read half the memory; null at other depths.
     */
    byte[] luma8;

    int poc;
    boolean outputNeeded;
    boolean keyframe;
    long pts;

    // decoded picture buffer state (8.3.2, C.5.2)
    static final int UNUSED = 0;
    static final int SHORT_TERM = 1;
    static final int LONG_TERM = 2;
    /** Reference marking: {@link #UNUSED}, {@link #SHORT_TERM} or {@link #LONG_TERM}. */
    int refState;
    /** PicLatencyCount (C.5.2.3). */
    int latencyCount;
    /** In the decoded picture buffer (needed for reference or output). */
    boolean inDpb;
    /** Waiting in the output queue or handed out by receive(): its planes must stay untouched. */
    boolean held;
    /** Made by 8.3.3 (generation of an unavailable reference picture), or concealed. */
    boolean generated;

    // metadata, one entry per 4x4 luma block: index (y >> 2) * w4 + (x >> 2)
    int w4;
    int h4;
    /** IntraPredModeY (DC for PCM); used by the MPM derivation. */
    byte[] intraMode;
    /** CtDepth, for the split_cu_flag context. */
    byte[] ctDepth;
    /** QpY of the coding unit. */
    byte[] qpY;
    /** 1 where deblocking and SAO must leave samples alone (PCM with pcm_loop_filter_disabled, transquant bypass). */
    byte[] noFilter;
    /** Deblocking boundary strength of the vertical edge at the left of each 4x4 block. */
    byte[] bsVer;
    /** Deblocking boundary strength of the horizontal edge at the top of each 4x4 block. */
    byte[] bsHor;
    /** 1 for intra coded blocks (constrained intra prediction, collocated motion, deblocking). */
    byte[] intra;
    /** cu_skip_flag, for the context of the next one (9.3.4.2.2). */
    byte[] skip;
    /** 1 where the luma transform block holds non-zero coefficients (8.7.2.4). */
    byte[] codedLuma;
    /** MvL0 and MvL1 packed as {@code (mvx & 0xFFFF) | (mvy << 16)} (8.5.3.2). */
    int[] mv0;
    int[] mv1;
    /** RefIdxL0 and RefIdxL1; -1 where PredFlagLX is 0. */
    byte[] refIdx0;
    byte[] refIdx1;
    /** z-scan order address of each 4x4 block (6.5.2, at 4x4 granularity). */
    int[] zOrder;
    private int[] zOrderKey;
    private int zOrderLog2Ctb;

    // per CTB (raster address)
    /** SliceAddrRs of the slice that holds the CTB, or -1 when not decoded yet. */
    int[] ctbSliceAddr;
    /** Index into {@link #sliceHeaders} of the slice segment that holds the CTB. */
    int[] ctbSliceIdx;
    /** SAO parameters per CTB and component: type (0 none, 1 band, 2 edge), band position or EO class, 4 offsets. */
    byte[] saoType;
    byte[] saoClass;
    short[] saoOffset;

    SliceHeader[] sliceHeaders = new SliceHeader[8];
    int sliceCount;

    /** Zeros that {@link #clear} copies from; only ever replaced by a longer array of zeros. */
    private static byte[] zeros = new byte[0];

    /**
     * Sets {@code a} to zeros with one {@code System.arraycopy}: in the Wasm GC build that is one
     * bulk copy, where {@code Arrays.fill} is a loop of single stores (3.6% of the decoding time of
     * a 1080p inter stream went there); on HotSpot both are intrinsics.
     */
    static void clear(byte[] a) {
        byte[] z = zeros;
        if (z.length < a.length) {
            z = new byte[a.length];
            zeros = z;
        }
        System.arraycopy(z, 0, a, 0, a.length);
    }

    /** Makes the planes and metadata fit {@code sps} (reallocating only when the size changes). */
    void allocate(Sps sps, Pps pps) {
        boolean same = this.sps != null && this.sps.width == sps.width && this.sps.height == sps.height
                && this.sps.log2CtbSize == sps.log2CtbSize;
        this.sps = sps;
        this.width = sps.width;
        this.height = sps.height;
        planeWidth[0] = width;
        planeHeight[0] = height;
        planeWidth[1] = planeWidth[2] = width / sps.subWidthC;
        planeHeight[1] = planeHeight[2] = height / sps.subHeightC;
        if (!same) {
            for (int c = 0; c < 3; c++) {
                planes[c] = new short[planeWidth[c] * planeHeight[c]];
            }
            w4 = (width + 3) >> 2;
            h4 = (height + 3) >> 2;
            int n4 = w4 * h4;
            intraMode = new byte[n4];
            ctDepth = new byte[n4];
            qpY = new byte[n4];
            noFilter = new byte[n4];
            bsVer = new byte[n4];
            bsHor = new byte[n4];
            intra = new byte[n4];
            skip = new byte[n4];
            codedLuma = new byte[n4];
            mv0 = new int[n4];
            mv1 = new int[n4];
            refIdx0 = new byte[n4];
            refIdx1 = new byte[n4];
            zOrder = new int[n4];
            zOrderKey = null;
            int nCtb = sps.picSizeInCtbs;
            ctbSliceAddr = new int[nCtb];
            ctbSliceIdx = new int[nCtb];
            saoType = new byte[nCtb * 3];
            saoClass = new byte[nCtb * 3];
            saoOffset = new short[nCtb * 12];
            this.pps = null;
        } else {
            clear(bsVer);
            clear(bsHor);
            clear(noFilter);
            clear(codedLuma);
            clear(saoType);
        }
        int n = width * height;
        luma8 = sps.bitDepthY != 8 ? null : luma8 != null && luma8.length == n ? luma8 : new byte[n];
        java.util.Arrays.fill(ctbSliceAddr, -1);
        if (this.pps != pps) {
            // the z-scan order depends only on the CTB size and the tile layout
            if (zOrderKey == null || zOrderLog2Ctb != sps.log2CtbSize || !java.util.Arrays.equals(zOrderKey, pps.ctbAddrRsToTs)) {
                computeZOrder(sps, pps);
                zOrderKey = pps.ctbAddrRsToTs.clone();
                zOrderLog2Ctb = sps.log2CtbSize;
            }
            this.pps = pps;
        }
        sliceCount = 0;
        generated = false;
    }

    /** Bytes of sample memory one picture of {@code sps} takes (with {@link #luma8} at 8 bits). */
    static long bytes(Sps sps) {
        long luma = (long) sps.width * sps.height;
        return 2 * (luma + 2 * (luma / (sps.subWidthC * sps.subHeightC))) + (sps.bitDepthY == 8 ? luma : 0);
    }

    /** Copies luma rows {@code y0} to {@code y1 - 1} (final samples) into {@link #luma8}, if there is one. */
    void narrowLuma(int y0, int y1) {
        byte[] b = luma8;
        if (b == null) {
            return;
        }
        short[] s = planes[0];
        for (int i = y0 * width, end = (y1 < height ? y1 : height) * width; i < end; i++) {
            b[i] = (byte) s[i];
        }
    }

    /**
     * Fills the picture with mid-grey and no motion (8.3.3.2, generation of an unavailable
     * reference picture): every block is intra, so it gives no collocated motion vectors.
     */
    void fillGrey() {
        for (int c = 0; c < 3; c++) {
            int depth = c == 0 ? sps.bitDepthY : sps.bitDepthC;
            java.util.Arrays.fill(planes[c], (short) (1 << (depth - 1)));
        }
        narrowLuma(0, height);
        java.util.Arrays.fill(intra, (byte) 1);
        java.util.Arrays.fill(refIdx0, (byte) -1);
        java.util.Arrays.fill(refIdx1, (byte) -1);
        java.util.Arrays.fill(ctbSliceIdx, 0);
        generated = true;
    }

    /** Copies the samples of {@code src} (same size) and marks every block intra: a concealed picture has no motion. */
    void copySamples(Frame src) {
        for (int c = 0; c < 3; c++) {
            System.arraycopy(src.planes[c], 0, planes[c], 0, planes[c].length);
        }
        narrowLuma(0, height);
        java.util.Arrays.fill(intra, (byte) 1);
        java.util.Arrays.fill(refIdx0, (byte) -1);
        java.util.Arrays.fill(refIdx1, (byte) -1);
        java.util.Arrays.fill(ctbSliceIdx, 0);
        generated = true;
    }

    /** MinTbAddrZs (6.5.2, equation 6-10) at 4x4 granularity. */
    private void computeZOrder(Sps sps, Pps pps) {
        int shift = sps.log2CtbSize - 2;
        for (int y = 0; y < h4; y++) {
            for (int x = 0; x < w4; x++) {
                int tbX = (x << 2) >> sps.log2CtbSize;
                int tbY = (y << 2) >> sps.log2CtbSize;
                int ctbAddrRs = sps.picWidthInCtbs * tbY + tbX;
                int v = pps.ctbAddrRsToTs[ctbAddrRs] << (shift * 2);
                for (int i = 0; i < shift; i++) {
                    int m = 1 << i;
                    v += ((m & x) != 0 ? m * m : 0) + ((m & y) != 0 ? 2 * m * m : 0);
                }
                zOrder[y * w4 + x] = v;
            }
        }
    }

    int addSlice(SliceHeader h) {
        if (sliceCount == sliceHeaders.length) {
            sliceHeaders = java.util.Arrays.copyOf(sliceHeaders, sliceCount * 2);
        }
        sliceHeaders[sliceCount] = h;
        return sliceCount++;
    }
}
