package org.kinora.vorbis;

import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;

/** Residue types 0, 1 and 2 (Vorbis I chapter 8): the fine spectral structure under the floor. */
final class Residue {
    final int type;
    private final int begin;
    private final int end;
    private final int partitionSize;
    private final int classifications;
    private final Codebook classbook;
    /** books[classification][pass], null where unused. */
    private final Codebook[][] books;
    /** Classification of each partition of each channel; sized on first use. */
    private int[][] classes = new int[0][];
    private float[] interleaved = new float[0];
    private final float[][] interleavedVectors = new float[1][];
    private final boolean[] decodeAll = new boolean[1];

    // Vorbis I 8.6.1
    Residue(int type, LsbBitReader r, Codebook[] codebooks) {
        this.type = type;
        begin = r.readBits(24);
        end = r.readBits(24);
        partitionSize = r.readBits(24) + 1;
        classifications = r.readBits(6) + 1;
        int classbookNumber = r.readBits(8);
        if (classbookNumber >= codebooks.length) {
            throw new MalformedStreamException("residue classbook " + classbookNumber + " of " + codebooks.length);
        }
        classbook = codebooks[classbookNumber];
        int[] cascade = new int[classifications];
        for (int i = 0; i < classifications; i++) {
            int low = r.readBits(3);
            int high = r.readFlag() ? r.readBits(5) : 0;
            cascade[i] = high << 3 | low;
        }
        books = new Codebook[classifications][8];
        for (int i = 0; i < classifications; i++) {
            for (int j = 0; j < 8; j++) {
                if ((cascade[i] & (1 << j)) != 0) {
                    int b = r.readBits(8);
                    if (b >= codebooks.length || !codebooks[b].hasVectors()) {
                        throw new MalformedStreamException("residue codebook " + b + " is not a vector book");
                    }
                    books[i][j] = codebooks[b];
                }
            }
        }
        if (r.endOfPacket()) {
            throw new MalformedStreamException("Vorbis setup header ends inside a residue");
        }
        if (begin > end) {
            throw new MalformedStreamException("residue begins after its end");
        }
    }

    /**
     * Decodes this residue into {@code vectors[0 .. ch)} of {@code n} values each (n = blocksize / 2),
     * which the caller has zeroed; channels with {@code doNotDecode} stay zero.
     */
    void decode(LsbBitReader r, float[][] vectors, boolean[] doNotDecode, int ch, int n) {
        if (type == 2) {
            boolean any = false;
            for (int j = 0; j < ch; j++) {
                any |= !doNotDecode[j];
            }
            if (!any) {
                return;
            }
            int total = n * ch;
            if (interleaved.length < total) {
                interleaved = new float[total];
            }
            float[] v = interleaved;
            for (int i = 0; i < total; i++) {
                v[i] = 0;
            }
            interleavedVectors[0] = v;
            decodeFormat(r, interleavedVectors, decodeAll, 1, total, 1);
            // Vorbis I 8.6.2: the vector interleaves the channels
            if (ch == 2) {
                float[] a = vectors[0];
                float[] b = vectors[1];
                for (int i = 0, k = 0; i < n; i++, k += 2) {
                    a[i] = v[k];
                    b[i] = v[k + 1];
                }
            } else {
                for (int j = 0; j < ch; j++) {
                    float[] out = vectors[j];
                    for (int i = 0, k = j; i < n; i++, k += ch) {
                        out[i] = v[k];
                    }
                }
            }
            return;
        }
        decodeFormat(r, vectors, doNotDecode, ch, n, type);
    }

    // Vorbis I 8.6.2
    private void decodeFormat(LsbBitReader r, float[][] vectors, boolean[] doNotDecode, int ch, int actualSize, int format) {
        int limitBegin = Math.min(begin, actualSize);
        int limitEnd = Math.min(end, actualSize);
        int classwordsPerCodeword = classbook.dimensions;
        int nToRead = limitEnd - limitBegin;
        int partitionsToRead = nToRead / partitionSize;
        if (partitionsToRead == 0) {
            return;
        }
        int need = partitionsToRead + classwordsPerCodeword;
        if (classes.length < ch || classes[0].length < need) {
            classes = new int[Math.max(ch, classes.length)][need];
        }
        for (int pass = 0; pass < 8; pass++) {
            int partitionCount = 0;
            while (partitionCount < partitionsToRead) {
                if (pass == 0) {
                    for (int j = 0; j < ch; j++) {
                        if (doNotDecode[j]) {
                            continue;
                        }
                        int temp = classbook.decodeScalar(r);
                        if (temp < 0) {
                            return;
                        }
                        int[] cl = classes[j];
                        for (int i = classwordsPerCodeword - 1; i >= 0; i--) {
                            cl[i + partitionCount] = temp % classifications;
                            temp /= classifications;
                        }
                    }
                }
                for (int i = 0; i < classwordsPerCodeword && partitionCount < partitionsToRead; i++) {
                    for (int j = 0; j < ch; j++) {
                        if (doNotDecode[j]) {
                            continue;
                        }
                        Codebook book = books[classes[j][partitionCount]][pass];
                        if (book != null) {
                            int offset = limitBegin + partitionCount * partitionSize;
                            boolean ok = format == 0
                                    ? partition0(r, book, vectors[j], offset)
                                    : partition1(r, book, vectors[j], offset);
                            if (!ok) {
                                return;
                            }
                        }
                    }
                    partitionCount++;
                }
            }
        }
    }

    /** Format 0: the vectors' values are interleaved with a step of partition_size / dimensions. */
    private boolean partition0(LsbBitReader r, Codebook book, float[] v, int offset) {
        int dim = book.dimensions;
        int step = partitionSize / dim;
        float[] vq = book.vectors;
        for (int j = 0; j < step; j++) {
            int e = book.decodeScalar(r);
            if (e < 0) {
                return false;
            }
            int base = e * dim;
            for (int k = 0; k < dim; k++) {
                v[offset + j + k * step] += vq[base + k];
            }
        }
        return true;
    }

    /** Formats 1 and 2: the vectors' values follow each other. */
    private boolean partition1(LsbBitReader r, Codebook book, float[] v, int offset) {
        int dim = book.dimensions;
        float[] vq = book.vectors;
        int i = 0;
        while (i < partitionSize) {
            int e = book.decodeScalar(r);
            if (e < 0) {
                return false;
            }
            int base = e * dim;
            int k = 0;
            int o = offset + i;
            int n = Math.min(dim, partitionSize - i);
            for (; k < n; k++) {
                v[o + k] += vq[base + k];
            }
            i += dim;
        }
        return true;
    }
}
