package org.kinora.core.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImdctTest {
    /** The fast transform equals the IMDCT sum (Vorbis I 1.3.2, ISO/IEC 14496-3 4.6.11.3.1 without 2/N), computed directly, for every block size. */
    @Test
    void matchesTheDefinition() {
        Random rnd = new Random(7);
        for (int n = 64; n <= 8192; n <<= 1) {
            float[] x = new float[n / 2];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) rnd.nextGaussian();
            }
            float[] y = new float[n];
            new Imdct(n).inverse(x, y);
            double worst = 0;
            double scale = 0;
            int step = n > 1024 ? 7 : 1;
            for (int i = 0; i < n; i += step) {
                double sum = 0;
                for (int k = 0; k < n / 2; k++) {
                    sum += x[k] * Math.cos(2 * Math.PI / n * (i + 0.5 + n / 4.0) * (k + 0.5));
                }
                worst = Math.max(worst, Math.abs(sum - y[i]));
                scale = Math.max(scale, Math.abs(sum));
            }
            assertTrue(worst < 2e-5 * scale, "n = " + n + ": error " + worst + " of " + scale);
        }
    }
}
