package org.kinora.theora;

import org.kinora.core.MalformedStreamException;

/** The setup header (Theora I 6.4): loop filter limits, quantization parameters and the 80 Huffman tables. */
final class SetupHeader {
    /** LFLIMS: loop filter limit per qi (6.4.1). */
    final int[] loopFilterLimits = new int[64];
    /** ACSCALE and DCSCALE (6.4.2). */
    final int[] acScale = new int[64];
    final int[] dcScale = new int[64];
    /** BMS: base matrices, NBMS x 64. */
    int[][] baseMatrices;
    /** NQRS[qti][pli], QRSIZES[qti][pli][qri], QRBMIS[qti][pli][qri]. */
    final int[][] quantRangeCount = new int[2][3];
    final int[][][] quantRangeSizes = new int[2][3][64];
    final int[][][] quantRangeMatrices = new int[2][3][65];
    /** The 80 token Huffman tables (their look-up tables made on first use); null when not read. */
    final HuffmanTable[] huffman = new HuffmanTable[80];

    static SetupHeader parse(byte[] data) {
        return parse(data, true);
    }

    /**
     * The header; without {@code huffman} its Huffman tables, the part only a frame's parser needs,
     * are not read (a builder of handed-over frames reconstructs from the other parts).
     */
    static SetupHeader parse(byte[] data, boolean huffman) {
        TheoraInfo.checkCommonHeader(data, 0x82);
        PacketBits b = new PacketBits();
        b.reset(data, 7, data.length - 7);
        SetupHeader s = new SetupHeader();
        s.readLoopFilterLimits(b);
        s.readQuantParameters(b);
        for (int hti = 0; huffman && hti < 80; hti++) {
            s.huffman[hti] = HuffmanTable.read(b);
        }
        if (b.overrun()) {
            throw new MalformedStreamException("Theora setup header is truncated");
        }
        return s;
    }

    // Theora I 6.4.1
    private void readLoopFilterLimits(PacketBits b) {
        int nbits = b.read(3);
        for (int qi = 0; qi < 64; qi++) {
            loopFilterLimits[qi] = b.read(nbits);
        }
    }

    // Theora I 6.4.2
    private void readQuantParameters(PacketBits b) {
        int nbits = b.read(4) + 1;
        for (int qi = 0; qi < 64; qi++) {
            acScale[qi] = b.read(nbits);
        }
        nbits = b.read(4) + 1;
        for (int qi = 0; qi < 64; qi++) {
            dcScale[qi] = b.read(nbits);
        }
        int nbms = b.read(9) + 1;
        baseMatrices = new int[nbms][64];
        for (int bmi = 0; bmi < nbms; bmi++) {
            for (int ci = 0; ci < 64; ci++) {
                baseMatrices[bmi][ci] = b.read(8);
            }
        }
        int bmiBits = ilog(nbms - 1);
        for (int qti = 0; qti < 2; qti++) {
            for (int pli = 0; pli < 3; pli++) {
                int newqr = qti > 0 || pli > 0 ? b.read1() : 1;
                if (newqr == 0) {
                    int rpqr = qti > 0 ? b.read1() : 0;
                    int qtj;
                    int plj;
                    if (rpqr == 1) {
                        qtj = qti - 1;
                        plj = pli;
                    } else {
                        qtj = (3 * qti + pli - 1) / 3;
                        plj = (pli + 2) % 3;
                    }
                    quantRangeCount[qti][pli] = quantRangeCount[qtj][plj];
                    System.arraycopy(quantRangeSizes[qtj][plj], 0, quantRangeSizes[qti][pli], 0, 64);
                    System.arraycopy(quantRangeMatrices[qtj][plj], 0, quantRangeMatrices[qti][pli], 0, 65);
                } else {
                    int qri = 0;
                    int qi = 0;
                    quantRangeMatrices[qti][pli][0] = checkMatrix(b.read(bmiBits), nbms);
                    while (qi < 63) {
                        int size = b.read(ilog(62 - qi)) + 1;
                        quantRangeSizes[qti][pli][qri] = size;
                        qi += size;
                        qri++;
                        quantRangeMatrices[qti][pli][qri] = checkMatrix(b.read(bmiBits), nbms);
                    }
                    if (qi > 63) {
                        throw new MalformedStreamException("Theora quant ranges cover qi up to " + qi);
                    }
                    quantRangeCount[qti][pli] = qri;
                }
            }
        }
    }

    private static int checkMatrix(int bmi, int nbms) {
        return MalformedStreamException.checkRange("Theora base matrix index", bmi, 0, nbms - 1);
    }

    /** Number of bits needed to hold v (Theora I 5.2.5 ilog); 0 for v <= 0. */
    static int ilog(int v) {
        return v <= 0 ? 0 : 32 - Integer.numberOfLeadingZeros(v);
    }

    /**
     * Computes QMAT (Theora I 6.4.3) for one quantization type, plane and qi, in natural order.
     */
    void computeMatrix(int qti, int pli, int qi, int[] qmat) {
        int[] sizes = quantRangeSizes[qti][pli];
        int[] matrices = quantRangeMatrices[qti][pli];
        int n = quantRangeCount[qti][pli];
        int qri = 0;
        int qiStart = 0;
        while (qri < n - 1 && qi > qiStart + sizes[qri]) {
            qiStart += sizes[qri];
            qri++;
        }
        int size = sizes[qri];
        int qiEnd = qiStart + size;
        int[] bmi = baseMatrices[matrices[qri]];
        int[] bmj = baseMatrices[matrices[qri + 1]];
        for (int ci = 0; ci < 64; ci++) {
            int bm = (2 * (qiEnd - qi) * bmi[ci] + 2 * (qi - qiStart) * bmj[ci] + size) / (2 * size);
            int qmin = ci == 0 ? (qti == 0 ? 16 : 32) : (qti == 0 ? 8 : 16);
            int qscale = ci == 0 ? dcScale[qi] : acScale[qi];
            int q = (qscale * bm / 100) * 4;
            qmat[ci] = Math.max(qmin, Math.min(q, 4096));
        }
    }
}
