package org.kinora.core.dsp;

/**
 * The inverse MDCT for one power-of-two block size N (N &gt;= 16), in O(N log N): a DCT-IV of N/2
 * points computed through an N/4-point complex FFT, then unfolded into N samples:
 * {@code y[n] = sum_k X[k] cos(2 pi / N (n + 1/2 + N/4)(k + 1/2))}.
 *
 * <p>This is the transform of Vorbis I 1.3.2 as written, and of ISO/IEC 14496-3 4.6.11.3.1 (AAC)
 * without its 2/N factor, which the caller folds into the spectrum. Windows stay in the codecs.
 */
public final class Imdct {
    public final int n;
    private final int m;
    private final int k;
    /** e^{-i pi (j + 1/8) / M}: the pre- and post-twiddle of the DCT-IV. */
    private final float[] twCos;
    private final float[] twSin;
    /** FFT twiddles e^{-2 pi i j / K}. */
    private final float[] fftCos;
    private final float[] fftSin;
    private final int[] bitReverse;
    private final float[] re;
    private final float[] im;
    private final float[] u;

    public Imdct(int n) {
        if (n < 16 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("IMDCT size " + n);
        }
        this.n = n;
        this.m = n / 2;
        this.k = n / 4;
        twCos = new float[k];
        twSin = new float[k];
        for (int j = 0; j < k; j++) {
            double a = Math.PI * (j + 0.125) / m;
            twCos[j] = (float) Math.cos(a);
            twSin[j] = (float) -Math.sin(a);
        }
        fftCos = new float[Math.max(2, k)];
        fftSin = new float[Math.max(2, k)];
        for (int h = 1; h < k; h <<= 1) {
            for (int j = 0; j < h; j++) {
                // the same angles as 2 pi (j k / 2h) / k, so the same float values
                double a = 2 * Math.PI * (j * (k / (2 * h))) / k;
                fftCos[h + j] = (float) Math.cos(a);
                fftSin[h + j] = (float) -Math.sin(a);
            }
        }
        int bits = Integer.numberOfTrailingZeros(k);
        bitReverse = new int[k];
        for (int j = 0; j < k; j++) {
            bitReverse[j] = bits == 0 ? 0 : Integer.reverse(j) >>> (32 - bits);
        }
        re = new float[k];
        im = new float[k];
        u = new float[m];
    }

    /** Transforms {@code x[0 .. N/2)} into {@code y[0 .. N)}; the arrays may not be the same. */
    public void inverse(float[] x, float[] y) {
        // z_j = X[2j] + i X[M - 1 - 2j], pre-twiddled, in bit-reversed order
        for (int j = 0; j < k; j++) {
            float a = x[2 * j];
            float b = x[m - 1 - 2 * j];
            float c = twCos[j];
            float s = twSin[j];
            int t = bitReverse[j];
            re[t] = a * c - b * s;
            im[t] = a * s + b * c;
        }
        fft();
        float[] u = this.u;
        for (int p = 0; p < k; p++) {
            float a = re[p];
            float b = im[p];
            float c = twCos[p];
            float s = twSin[p];
            u[2 * p] = a * c - b * s;
            u[m - 1 - 2 * p] = -(a * s + b * c);
        }
        int half = m / 2;
        for (int i = 0; i < half; i++) {
            y[i] = u[i + half];
        }
        for (int i = half, j = m - 1; i < 3 * half; i++, j--) {
            y[i] = -u[j];
        }
        for (int i = 3 * half, j = 0; i < n; i++, j++) {
            y[i] = -u[j];
        }
    }

    private void fft() {
        float[] re = this.re;
        float[] im = this.im;
        for (int a = 0; a + 1 < k; a += 2) {
            float br = re[a + 1];
            float bi = im[a + 1];
            re[a + 1] = re[a] - br;
            im[a + 1] = im[a] - bi;
            re[a] += br;
            im[a] += bi;
        }
        for (int a = 0; a + 3 < k; a += 4) {
            // size 4: twiddles 1 and -i
            int b = a + 2;
            float br = re[b];
            float bi = im[b];
            re[b] = re[a] - br;
            im[b] = im[a] - bi;
            re[a] += br;
            im[a] += bi;
            int c = a + 1;
            int d = a + 3;
            float dr = im[d];
            float di = -re[d];
            re[d] = re[c] - dr;
            im[d] = im[c] - di;
            re[c] += dr;
            im[c] += di;
        }
        for (int halfSize = 4; halfSize < k; halfSize <<= 1) {
            int size = halfSize << 1;
            for (int start = 0; start < k; start += size) {
                for (int j = 0; j < halfSize; j++) {
                    int a = start + j;
                    int b = a + halfSize;
                    float wr = fftCos[halfSize + j];
                    float wi = fftSin[halfSize + j];
                    float br = re[b] * wr - im[b] * wi;
                    float bi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                }
            }
        }
    }
}
