package org.kinora.vorbis;

/** Small helpers of the Vorbis I spec (chapter 9). */
final class Vorbis {
    private Vorbis() {
    }

    /** Vorbis I 9.2.1: the position of the highest set bit, counting from 1; 0 for 0 and negatives. */
    static int ilog(int x) {
        return x <= 0 ? 0 : 32 - Integer.numberOfLeadingZeros(x);
    }

    /** Vorbis I 9.2.2: the codebook float format (21-bit mantissa, 10-bit exponent biased by 788). */
    static float float32Unpack(int x) {
        int mantissa = x & 0x1FFFFF;
        int exponent = (x >>> 21) & 0x3FF;
        if (x < 0) {
            mantissa = -mantissa;
        }
        return (float) (mantissa * Math.pow(2, exponent - 788));
    }

    /** Vorbis I 9.2.6 */
    static int lowNeighbor(int[] v, int x) {
        int best = -1;
        for (int n = 0; n < x; n++) {
            if (v[n] < v[x] && (best < 0 || v[n] > v[best])) {
                best = n;
            }
        }
        return best;
    }

    /** Vorbis I 9.2.5 */
    static int highNeighbor(int[] v, int x) {
        int best = -1;
        for (int n = 0; n < x; n++) {
            if (v[n] > v[x] && (best < 0 || v[n] < v[best])) {
                best = n;
            }
        }
        return best;
    }

    /** Vorbis I 9.2.6: render_point. */
    static int renderPoint(int x0, int y0, int x1, int y1, int x) {
        int dy = y1 - y0;
        int adx = x1 - x0;
        int ady = Math.abs(dy);
        int err = ady * (x - x0);
        int off = err / adx;
        return dy < 0 ? y0 - off : y0 + off;
    }
}
