package org.kinora.vorbis;

import org.kinora.core.LsbBitReader;
import org.kinora.core.MalformedStreamException;

/**
 * Floor type 0 (Vorbis I chapter 6): an LSP envelope on a Bark-scaled frequency map. No encoder
 * in use makes it; it is tested against the spec's formulas.
 */
final class Floor0 extends Floor {
    final int order;
    final int rate;
    final int barkMapSize;
    final int amplitudeBits;
    final int amplitudeOffset;
    private final int[] bookList;
    private final Codebook[] books;
    /** Per block flag: the Bark map of each spectral line and cos(omega) of each map value. */
    private final int[][] map = new int[2][];
    private final double[][] cosOmega = new double[2][];

    // Vorbis I 6.2.1
    Floor0(LsbBitReader r, Codebook[] books, int blocksize0, int blocksize1) {
        this.books = books;
        order = r.readBits(8);
        rate = r.readBits(16);
        barkMapSize = r.readBits(16);
        amplitudeBits = r.readBits(6);
        amplitudeOffset = r.readBits(8);
        int numberOfBooks = r.readBits(4) + 1;
        bookList = new int[numberOfBooks];
        for (int i = 0; i < numberOfBooks; i++) {
            bookList[i] = r.readBits(8);
            if (bookList[i] >= books.length || !books[bookList[i]].hasVectors()) {
                throw new MalformedStreamException("floor 0 codebook " + bookList[i] + " is not a vector book");
            }
        }
        if (r.endOfPacket() || order < 1 || rate < 1 || barkMapSize < 1 || amplitudeBits < 1 || amplitudeBits > 32) {
            throw new MalformedStreamException("bad floor 0 header");
        }
        buildMap(0, blocksize0 / 2);
        buildMap(1, blocksize1 / 2);
    }

    static double bark(double x) {
        return 13.1 * Math.atan(.00074 * x) + 2.24 * Math.atan(.0000000185 * x * x) + .0001 * x;
    }

    // Vorbis I 6.2.3: map[i] = min(bark_map_size - 1, foobar), foobar = floor(bark(rate * i / (2n)) * bark_map_size / bark(.5 * rate))
    private void buildMap(int flag, int n) {
        int[] m = new int[n + 1];
        double[] c = new double[n];
        double scale = barkMapSize / bark(.5 * rate);
        for (int i = 0; i < n; i++) {
            int foobar = (int) Math.floor(bark((double) rate * i / (2.0 * n)) * scale);
            m[i] = Math.min(barkMapSize - 1, foobar);
            c[i] = Math.cos(Math.PI * m[i] / barkMapSize);
        }
        m[n] = -1;
        map[flag] = m;
        cosOmega[flag] = c;
    }

    // Vorbis I 6.2.2
    @Override
    boolean decode(LsbBitReader r, FloorData data) {
        int amplitude = r.readBits(amplitudeBits);
        if (amplitude == 0) {
            return false;
        }
        int bookNumber = r.readBits(Vorbis.ilog(bookList.length));
        if (bookNumber >= bookList.length || r.endOfPacket()) {
            return false;
        }
        Codebook book = books[bookList[bookNumber]];
        int dim = book.dimensions;
        if (data.coefficients.length < order + dim) {
            data.coefficients = new float[order + dim];
        }
        float[] coef = data.coefficients;
        float last = 0;
        int count = 0;
        while (count < order) {
            int e = book.decodeScalar(r);
            if (e < 0) {
                return false;
            }
            int base = e * dim;
            for (int k = 0; k < dim; k++) {
                coef[count + k] = book.vectors[base + k] + last;
            }
            last = coef[count + dim - 1];
            count += dim;
        }
        data.amplitude = amplitude;
        return true;
    }

    // Vorbis I 6.2.3
    @Override
    void apply(FloorData data, float[] spectrum, int n, int blockFlag) {
        int[] m = map[blockFlag];
        double[] cw = cosOmega[blockFlag];
        double[] cosCoef = new double[order];
        for (int j = 0; j < order; j++) {
            cosCoef[j] = Math.cos(data.coefficients[j]);
        }
        double ampScale = (data.amplitude & 0xFFFFFFFFL) * (double) amplitudeOffset / ((1L << amplitudeBits) - 1);
        int i = 0;
        while (i < n) {
            double cosw = cw[i];
            double p;
            double q;
            if ((order & 1) != 0) {
                p = 1 - cosw * cosw;
                for (int j = 0; j <= (order - 3) / 2; j++) {
                    double t = cosCoef[2 * j + 1] - cosw;
                    p *= 4 * t * t;
                }
                q = 0.25;
                for (int j = 0; j <= (order - 1) / 2; j++) {
                    double t = cosCoef[2 * j] - cosw;
                    q *= 4 * t * t;
                }
            } else {
                p = (1 - cosw) / 2;
                q = (1 + cosw) / 2;
                for (int j = 0; j <= (order - 2) / 2; j++) {
                    double t = cosCoef[2 * j + 1] - cosw;
                    p *= 4 * t * t;
                    double u = cosCoef[2 * j] - cosw;
                    q *= 4 * u * u;
                }
            }
            float value = (float) Math.exp(.11512925 * (ampScale / Math.sqrt(p + q) - amplitudeOffset));
            if (!(value <= Float.MAX_VALUE)) {
                value = 0; // p + q = 0 or overflow: a broken stream
            }
            int condition = m[i];
            do {
                spectrum[i] *= value;
                i++;
            } while (i < n && m[i] == condition);
        }
    }
}
