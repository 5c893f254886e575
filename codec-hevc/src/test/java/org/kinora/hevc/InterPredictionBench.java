package org.kinora.hevc;

import java.util.Random;

/**
 * Micro benchmark of the inter prediction kernels (not a test): megasamples per second of luma
 * interpolation per fractional case and block size, and of bi-prediction averaging, on a 720p
 * 8-bit reference. Run with
 * {@code java -cp codec-hevc/target/classes:codec-hevc/target/test-classes org.kinora.hevc.InterPredictionBench}.
 */
final class InterPredictionBench {
    private InterPredictionBench() {
    }

    public static void main(String[] args) {
        int picW = 1280;
        int picH = 720;
        short[] ref = new short[picW * picH];
        Random r = new Random(1);
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (short) ((i % picW + i / picW) / 8 + r.nextInt(16));
        }
        InterPrediction ip = new InterPrediction();
        short[] p0 = new short[64 * 64];
        short[] p1 = new short[64 * 64];
        short[] out = new short[picW * picH];
        String[] cases = {"full", "h", "v", "hv"};
        int[][] frac = {{0, 0}, {1, 0}, {0, 2}, {3, 1}};
        for (int round = 0; round < 2; round++) {
            for (int n : new int[] {8, 16, 64}) {
                StringBuilder line = new StringBuilder(String.format("luma %2dx%-2d", n, n));
                for (int c = 0; c < 4; c++) {
                    int blocks = 4_000_000 / (n * n) * 4;
                    long t0 = System.nanoTime();
                    for (int b = 0; b < blocks; b++) {
                        int x = 64 + (b * 37) % (picW - 192);
                        int y = 64 + (b * 53) % (picH - 192);
                        ip.lumaBlock(ref, picW, picW, picH, 8, x, y, n, n, 4 * (b & 7) + frac[c][0],
                                -4 * (b & 3) + frac[c][1], p0);
                    }
                    double ns = System.nanoTime() - t0;
                    line.append(String.format("  %s %6.0f Ms/s", cases[c], blocks * (double) n * n / ns * 1000));
                }
                int blocks = 4_000_000 / (n * n) * 4;
                long t0 = System.nanoTime();
                for (int b = 0; b < blocks; b++) {
                    WeightedPrediction.defaultBi(p0, p1, n, n, 8, out, picW, (b % 600) * picW + (b % 1200));
                }
                double ns = System.nanoTime() - t0;
                line.append(String.format("  bi %6.0f Ms/s", blocks * (double) n * n / ns * 1000));
                if (round == 1) {
                    System.out.println(line);
                }
            }
        }
    }
}
