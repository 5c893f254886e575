package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PictureNarrowTest {
    /** Every 10-bit and 12-bit value becomes the nearest 8-bit one (halves up, the top clamped). */
    @Test
    void roundsEveryValueToTheNearest8BitSample() {
        for (int depth : new int[] {10, 12}) {
            int n = 1 << depth;
            short[] src = new short[n + 2];
            for (int v = 0; v < n; v++) {
                src[v + 1] = (short) v;
            }
            byte[] dst = new byte[n + 4];
            dst[0] = 7;
            dst[n + 1] = 7;
            Picture.narrowTo8(src, 1, n, depth, dst, 1);
            double step = 1 << (depth - 8);
            for (int v = 0; v < n; v++) {
                long nearest = Math.min(255, Math.round(v / step));
                assertEquals(nearest, dst[v + 1] & 0xFF, depth + "-bit value " + v);
            }
            assertEquals(7, dst[0], "nothing written before the row");
            assertEquals(7, dst[n + 1], "nothing written after the row");
        }
    }

    /** The values that truncation gets wrong: 10-bit 514 is 128.5 steps, shown as 129, not 128. */
    @Test
    void videoLevelsMapOntoThe8BitLevels() {
        short[] src = {64, 940, 512, 514, 1021, 1023, 3};
        byte[] dst = new byte[src.length];
        Picture.narrowTo8(src, 0, src.length, 10, dst, 0);
        int[] expected = {16, 235, 128, 129, 255, 255, 1};
        for (int i = 0; i < src.length; i++) {
            assertEquals(expected[i], dst[i] & 0xFF, "10-bit " + src[i]);
        }
    }
}
