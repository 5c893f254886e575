package org.kinora.vorbis;

import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;

/** Floor type 1 (Vorbis I chapter 7): a piecewise-linear envelope in the dB domain. */
final class Floor1 extends Floor {
    private static final int[] RANGES = {256, 128, 86, 64};

    private final Codebook[] books;
    private final int[] partitionClass;
    private final int[] classDimensions;
    private final int[] classSubclasses;
    private final int[] classMasterbook;
    private final int[][] subclassBooks;
    private final int multiplier;
    private final int values;
    final int[] xList;
    private final int[] lowNeighbor;
    private final int[] highNeighbor;
    /** Indices of {@link #xList} in increasing X order. */
    private final int[] sorted;

    // Vorbis I 7.2.2
    Floor1(LsbBitReader r, Codebook[] books) {
        this.books = books;
        int partitions = r.readBits(5);
        partitionClass = new int[partitions];
        int maximumClass = -1;
        for (int i = 0; i < partitions; i++) {
            partitionClass[i] = r.readBits(4);
            maximumClass = Math.max(maximumClass, partitionClass[i]);
        }
        classDimensions = new int[maximumClass + 1];
        classSubclasses = new int[maximumClass + 1];
        classMasterbook = new int[maximumClass + 1];
        subclassBooks = new int[maximumClass + 1][];
        for (int c = 0; c <= maximumClass; c++) {
            classDimensions[c] = r.readBits(3) + 1;
            classSubclasses[c] = r.readBits(2);
            if (classSubclasses[c] != 0) {
                classMasterbook[c] = checkBook(r.readBits(8));
            }
            int n = 1 << classSubclasses[c];
            subclassBooks[c] = new int[n];
            for (int j = 0; j < n; j++) {
                int b = r.readBits(8) - 1;
                subclassBooks[c][j] = b < 0 ? -1 : checkBook(b);
            }
        }
        multiplier = r.readBits(2) + 1;
        int rangeBits = r.readBits(4);
        int count = 2;
        for (int i = 0; i < partitions; i++) {
            count += classDimensions[partitionClass[i]];
        }
        if (count > 65) {
            throw new MalformedStreamException("floor 1 with " + count + " X values");
        }
        values = count;
        xList = new int[values];
        xList[0] = 0;
        xList[1] = 1 << rangeBits;
        int k = 2;
        for (int i = 0; i < partitions; i++) {
            for (int j = 0; j < classDimensions[partitionClass[i]]; j++) {
                xList[k++] = r.readBits(rangeBits);
            }
        }
        if (r.endOfPacket()) {
            throw new MalformedStreamException("Vorbis setup header ends inside a floor");
        }
        sorted = new int[values];
        for (int i = 0; i < values; i++) {
            sorted[i] = i;
        }
        for (int i = 1; i < values; i++) {
            for (int j = i; j > 0 && xList[sorted[j - 1]] > xList[sorted[j]]; j--) {
                int t = sorted[j];
                sorted[j] = sorted[j - 1];
                sorted[j - 1] = t;
            }
        }
        for (int i = 1; i < values; i++) {
            if (xList[sorted[i]] == xList[sorted[i - 1]]) {
                throw new MalformedStreamException("floor 1 X values repeat");
            }
        }
        lowNeighbor = new int[values];
        highNeighbor = new int[values];
        for (int i = 2; i < values; i++) {
            lowNeighbor[i] = Vorbis.lowNeighbor(xList, i);
            highNeighbor[i] = Vorbis.highNeighbor(xList, i);
            if (lowNeighbor[i] < 0 || highNeighbor[i] < 0) {
                throw new MalformedStreamException("floor 1 X value outside [0, 2^rangebits]");
            }
        }
    }

    private int checkBook(int b) {
        if (b >= books.length) {
            throw new MalformedStreamException("floor 1 codebook " + b + " of " + books.length);
        }
        return b;
    }

    // Vorbis I 7.2.3
    @Override
    boolean decode(LsbBitReader r, FloorData data) {
        if (!r.readFlag()) {
            return false;
        }
        int range = RANGES[multiplier - 1];
        int bits = Vorbis.ilog(range - 1);
        int[] y = data.y;
        y[0] = r.readBits(bits);
        y[1] = r.readBits(bits);
        int offset = 2;
        for (int i = 0; i < partitionClass.length; i++) {
            int cls = partitionClass[i];
            int cdim = classDimensions[cls];
            int cbits = classSubclasses[cls];
            int csub = (1 << cbits) - 1;
            int cval = 0;
            if (cbits > 0) {
                cval = books[classMasterbook[cls]].decodeScalar(r);
                if (cval < 0) {
                    return false;
                }
            }
            int[] sub = subclassBooks[cls];
            for (int j = 0; j < cdim; j++) {
                int book = sub[cval & csub];
                cval >>>= cbits;
                if (book >= 0) {
                    int v = books[book].decodeScalar(r);
                    if (v < 0) {
                        return false;
                    }
                    y[offset + j] = v;
                } else {
                    y[offset + j] = 0;
                }
            }
            offset += cdim;
        }
        return !r.endOfPacket();
    }

    @Override
    void apply(FloorData data, float[] spectrum, int n, int blockFlag) {
        int range = RANGES[multiplier - 1];
        int[] y = data.y;
        int[] fy = data.finalY;
        boolean[] step2 = data.step2;
        // Vorbis I 7.2.4 step 1: amplitude value synthesis
        fy[0] = y[0];
        fy[1] = y[1];
        step2[0] = true;
        step2[1] = true;
        for (int i = 2; i < values; i++) {
            int lo = lowNeighbor[i];
            int hi = highNeighbor[i];
            int predicted = Vorbis.renderPoint(xList[lo], fy[lo], xList[hi], fy[hi], xList[i]);
            int val = y[i];
            int highroom = range - predicted;
            int lowroom = predicted;
            int room = highroom < lowroom ? highroom * 2 : lowroom * 2;
            if (val != 0) {
                step2[lo] = true;
                step2[hi] = true;
                step2[i] = true;
                int v;
                if (val >= room) {
                    v = highroom > lowroom ? val - lowroom + predicted : predicted - val + highroom - 1;
                } else {
                    v = (val & 1) != 0 ? predicted - ((val + 1) >> 1) : predicted + (val >> 1);
                }
                fy[i] = clampY(v);
            } else {
                step2[i] = false;
                fy[i] = clampY(predicted);
            }
        }
        // step 2: curve synthesis, applied to the spectrum as it is rendered
        float[] db = Floor1Tables.INVERSE_DB;
        int lx = 0;
        int ly = fy[sorted[0]] * multiplier;
        int hx = 0;
        int hy = 0;
        for (int k = 1; k < values; k++) {
            int i = sorted[k];
            if (step2[i]) {
                hy = fy[i] * multiplier;
                hx = xList[i];
                renderLine(lx, ly, hx, hy, spectrum, n, db);
                lx = hx;
                ly = hy;
            }
        }
        if (hx < n) {
            renderLine(hx, hy, n, hy, spectrum, n, db);
        }
    }

    /** Vorbis I 9.2.7 render_line over [x0, x1) clipped to n, multiplying by the dB table. */
    private static void renderLine(int x0, int y0, int x1, int y1, float[] v, int n, float[] db) {
        int dy = y1 - y0;
        int adx = x1 - x0;
        if (adx <= 0) {
            return;
        }
        int ady = Math.abs(dy);
        int base = dy / adx;
        int sy = dy < 0 ? base - 1 : base + 1;
        ady -= Math.abs(base) * adx;
        int y = y0;
        int err = 0;
        int end = Math.min(x1, n);
        if (x0 < end) {
            v[x0] *= db[clamp(y)];
        }
        for (int x = x0 + 1; x < end; x++) {
            err += ady;
            if (err >= adx) {
                err -= adx;
                y += sy;
            } else {
                y += base;
            }
            v[x] *= db[clamp(y)];
        }
    }

    /** Out-of-range values (only from broken encoders) are clipped to 16 bits, as FFmpeg does. */
    private static int clampY(int y) {
        return y < 0 ? 0 : y > 65535 ? 65535 : y;
    }

    private static int clamp(int y) {
        return y < 0 ? 0 : y > 255 ? 255 : y;
    }
}
