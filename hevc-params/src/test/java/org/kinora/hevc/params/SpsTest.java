package org.kinora.hevc.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kinora.core.MalformedStreamException;

class SpsTest {
    /** From {@code src/test/make-sps.sh}; ffprobe: 198x114 (coded 200x120), yuv422p12le, bt709, tv range, 30/1. */
    private static final String SPS_422_12BIT =
            "420101040800000300990800000300003cb0192079d4e5296566924caf016a02020208000003000800000300f040";

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @Test
    void readsWhatTheDecoderDoesNotSupport() {
        byte[] nal = hex(SPS_422_12BIT);
        Sps s = Sps.parseNal(nal, 0, nal.length);
        assertEquals(2, s.chromaFormatIdc);
        assertEquals(2, s.subWidthC);
        assertEquals(1, s.subHeightC);
        assertEquals(12, s.bitDepthY);
        assertEquals(12, s.bitDepthC);
        assertEquals(200, s.width);
        assertEquals(120, s.height);
        assertEquals(198, s.croppedWidth());
        assertEquals(114, s.croppedHeight());
        assertEquals(1, s.colour.matrixCoefficients);
        assertEquals(1, s.colour.colourPrimaries);
        assertEquals(1, s.colour.transferCharacteristics);
        assertEquals(false, s.colour.fullRange);
        assertEquals(30, s.timeScale / s.numUnitsInTick);
        assertEquals(0, s.timeScale % s.numUnitsInTick);
    }

    @Test
    void cutShortIsMalformed() {
        byte[] nal = hex(SPS_422_12BIT);
        for (int n = 0; n < 24; n++) {
            int length = n;
            assertThrows(MalformedStreamException.class, () -> Sps.parseNal(nal, 0, length), "length " + n);
        }
    }

    @Test
    void unescapeDropsEmulationPreventionBytes() {
        byte[] src = {0, 0, 3, 1, 0, 0, 3, 0, 0, 3};
        byte[] dst = new byte[src.length];
        int n = Rbsp.unescape(src, 0, src.length, dst);
        assertEquals(7, n);
        assertEquals("00000100000000", java.util.HexFormat.of().formatHex(dst, 0, n));
    }
}
