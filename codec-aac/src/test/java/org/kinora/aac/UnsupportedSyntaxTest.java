package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;
import org.kinora.core.UnsupportedFeatureException;

class UnsupportedSyntaxTest {
    /** A coupling channel element is concealed once (it may be damage) and refused when it keeps coming. */
    @Test
    void couplingChannelElementsAreRefused() {
        AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(new byte[] {0x12, 0x10}));
        byte[] cce = {0x40, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < 3; i++) {
            d.decode(new Packet(1, cce, 0, cce.length));
            AudioBlock b = d.receive();
            assertEquals(1024, b.frames);
            assertEquals(0f, b.samples[0][100]);
        }
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> d.decode(new Packet(1, cce, 0, cce.length)));
        assertTrue(e.getMessage().contains("coupling channel element"), e.getMessage());
    }
}
