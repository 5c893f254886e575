package org.kinora.aac;

/**
 * The window shapes of ISO/IEC 14496-3 4.6.11.3.2: rising halves of the sine window and of the
 * Kaiser-Bessel-derived window (alpha 4 for N = 2048, 6 for N = 256). Index 0 is sine, 1 KBD,
 * as window_shape codes them.
 */
final class Windows {
    private Windows() {
    }

    /** Rising halves for N = 2048: {@code LONG[shape][n]}, n &lt; 1024. */
    static final float[][] LONG = {sine(2048), kbd(2048, 4)};
    /** Rising halves for N = 256: {@code SHORT[shape][n]}, n &lt; 128. */
    static final float[][] SHORT = {sine(256), kbd(256, 6)};

    /** W_SIN(n) = sin(pi / N (n + 1/2)), 0 &lt;= n &lt; N/2. */
    private static float[] sine(int n) {
        float[] w = new float[n / 2];
        for (int i = 0; i < n / 2; i++) {
            w[i] = (float) Math.sin(Math.PI / n * (i + 0.5));
        }
        return w;
    }

    /**
     * W_KBD(n) = sqrt(sum_{p=0..n} W'(p) / sum_{p=0..N/2} W'(p)), 0 &lt;= n &lt; N/2, with the
     * Kaiser-Bessel kernel W'(p) = I0(pi alpha sqrt(1 - ((p - N/4) / (N/4))^2)).
     */
    private static float[] kbd(int n, double alpha) {
        int half = n / 2;
        double[] kernel = new double[half + 1];
        double total = 0;
        for (int p = 0; p <= half; p++) {
            double t = (p - n / 4.0) / (n / 4.0);
            kernel[p] = besselI0(Math.PI * alpha * Math.sqrt(Math.max(0, 1 - t * t)));
            total += kernel[p];
        }
        float[] w = new float[half];
        double sum = 0;
        for (int i = 0; i < half; i++) {
            sum += kernel[i];
            w[i] = (float) Math.sqrt(sum / total);
        }
        return w;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 100; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
