package org.kinora.hevc.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.kinora.core.ColourDescription;

class HevcConfigRecordTest {
    /**
     * The 4:2:2 12-bit SPS of hevc-params/src/test/make-sps.sh, which the decoder refuses; ffprobe:
     * 198x114, yuv422p12le, bt709.
     */
    private static final byte[] SPS_422_12BIT = HexFormat.of().parseHex(
            "420101040800000300990800000300003cb0192079d4e5296566924caf016a02020208000003000800000300f040");

    @Test
    void describesAStreamTheDecoderRefuses() {
        byte[] record = HevcConfigRecord.build(new byte[0][], new byte[][] {SPS_422_12BIT}, new byte[0][]);
        HevcConfigRecord r = HevcConfigRecord.parse(record);
        assertEquals(4, r.lengthSize);
        assertEquals(198, r.width);
        assertEquals(114, r.height);
        assertEquals(2, r.sps.chromaFormatIdc);
        assertEquals(12, r.sps.bitDepthY);
        assertEquals(12, r.sps.bitDepthC);
        ColourDescription c = r.sps.colour;
        assertEquals(ColourDescription.BT709.matrixCoefficients, c.matrixCoefficients);
        assertEquals(ColourDescription.BT709.colourPrimaries, c.colourPrimaries);
        assertEquals(ColourDescription.BT709.transferCharacteristics, c.transferCharacteristics);
        assertEquals(false, c.fullRange);
    }
}
