package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.kinora.core.LsbBitReader;
import org.junit.jupiter.api.Test;

/** Floor 0 (Vorbis I chapter 6) against its formulas evaluated here directly, in double. */
class Floor0Test {
    /** A vector codebook of 8 entries, 2 dimensions, lookup type 2 with values k/8 - 0.1. */
    private static Codebook vectorBook() {
        BitWriter w = new BitWriter().write(0x564342, 24).write(2, 16).write(8, 24).write(0, 1).write(0, 1);
        for (int i = 0; i < 8; i++) {
            w.write(3 - 1, 5); // all length 3: codeword of entry e is e in 3 bits
        }
        w.write(2, 4).float32(-0.125).float32(0.125).write(4 - 1, 4).write(0, 1);
        for (int i = 0; i < 16; i++) {
            w.write((i * 5 + 3) % 16, 4);
        }
        return new Codebook(w.reader(), new Codebook.Budget());
    }

    static float bookValue(int entry, int d) {
        int i = entry * 2 + d;
        return ((i * 5 + 3) % 16) * 0.125f - 0.125f;
    }

    private static String bits3(int e) {
        return Integer.toBinaryString(8 | e).substring(1);
    }

    @Test
    void curvesFollowTheSpec() {
        check(4, 22050, 64, 256);
        check(5, 44100, 128, 2048);
        check(7, 8000, 32, 512);
    }

    private static void check(int order, int rate, int barkMapSize, int blocksize) {
        Codebook[] books = {vectorBook()};
        int amplitudeBits = 6;
        int amplitudeOffset = 100;
        BitWriter setup = new BitWriter().write(order, 8).write(rate, 16).write(barkMapSize, 16)
                .write(amplitudeBits, 6).write(amplitudeOffset, 8).write(0, 4).write(0, 8);
        Floor0 floor = new Floor0(setup.reader(), books, 256, blocksize);
        int amplitude = 20;
        int[] entries = {6, 1, 7, 2};
        BitWriter packet = new BitWriter().write(amplitude, amplitudeBits).write(0, Vorbis.ilog(1));
        for (int e : entries) {
            packet.code(bits3(e));
        }
        Floor.FloorData data = new Floor.FloorData();
        LsbBitReader r = packet.reader();
        assertTrue(floor.decode(r, data));
        // Vorbis I 6.2.2: coefficients are the vectors, each offset by the last value before it
        double[] coef = new double[order];
        double last = 0;
        int count = 0;
        for (int e : entries) {
            if (count >= order) {
                break;
            }
            double a = bookValue(e, 0) + last;
            double b = bookValue(e, 1) + last;
            if (count < order) {
                coef[count] = a;
            }
            if (count + 1 < order) {
                coef[count + 1] = b;
            }
            count += 2;
            last = b;
        }
        int n = blocksize / 2;
        float[] spectrum = new float[n];
        java.util.Arrays.fill(spectrum, 1f);
        floor.apply(data, spectrum, n, 1);
        // Vorbis I 6.2.3
        for (int i = 0; i < n; i++) {
            double bark = bark(rate * i / (2.0 * n)) * barkMapSize / bark(0.5 * rate);
            int map = Math.min(barkMapSize - 1, (int) Math.floor(bark));
            double omega = Math.PI * map / barkMapSize;
            double cw = Math.cos(omega);
            double p;
            double q;
            if (order % 2 == 1) {
                p = 1 - cw * cw;
                for (int j = 0; j <= (order - 3) / 2; j++) {
                    p *= 4 * Math.pow(Math.cos(coef[2 * j + 1]) - cw, 2);
                }
                q = 0.25;
                for (int j = 0; j <= (order - 1) / 2; j++) {
                    q *= 4 * Math.pow(Math.cos(coef[2 * j]) - cw, 2);
                }
            } else {
                p = (1 - cw) / 2;
                for (int j = 0; j <= (order - 2) / 2; j++) {
                    p *= 4 * Math.pow(Math.cos(coef[2 * j + 1]) - cw, 2);
                }
                q = (1 + cw) / 2;
                for (int j = 0; j <= (order - 2) / 2; j++) {
                    q *= 4 * Math.pow(Math.cos(coef[2 * j]) - cw, 2);
                }
            }
            double value = Math.exp(.11512925 * (amplitude * amplitudeOffset / ((Math.pow(2, amplitudeBits) - 1) * Math.sqrt(p + q))
                    - amplitudeOffset));
            assertTrue(Double.isFinite(value) && value > 0);
            assertEquals(value, spectrum[i], value * 1e-4, "order " + order + ", line " + i);
        }
        float lo = Float.MAX_VALUE;
        float hi = 0;
        for (float v : spectrum) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo > 1e-9 && hi > 2 * lo, "a curve that varies: " + lo + " .. " + hi);
        // amplitude 0: the channel is unused
        assertFalse(floor.decode(new BitWriter().write(0, amplitudeBits).reader(), data));
    }

    private static double bark(double x) {
        return 13.1 * Math.atan(.00074 * x) + 2.24 * Math.atan(.0000000185 * x * x) + .0001 * x;
    }
}
