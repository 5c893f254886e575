package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.UnsupportedFeatureException;

/** The shared parser reads any SPS the syntax allows; the decoder refuses what it cannot decode. */
class SupportTest {
    /** A 4:2:2 12-bit SPS (hevc-params/src/test/make-sps.sh), with an Annex B start code. */
    private static final String SPS_422_12BIT =
            "00000001420101040800000300990800000300003cb0192079d4e5296566924caf016a02020208000003000800000300f040";

    @Test
    void refuses422TwelveBit() {
        byte[] b = java.util.HexFormat.of().parseHex(SPS_422_12BIT);
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        assertThrows(UnsupportedFeatureException.class, () -> d.decode(new Packet(1, b, 0, b.length)));
    }
}
