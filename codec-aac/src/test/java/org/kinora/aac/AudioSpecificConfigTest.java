package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

/** AudioSpecificConfig forms (1.6.2.1), each decoding a fixture where it can. */
class AudioSpecificConfigTest {
    @Test
    void twoByteLc() {
        AudioSpecificConfig c = AudioSpecificConfig.parse(new byte[] {0x12, 0x10});
        assertEquals(2, c.audioObjectType);
        assertEquals(44100, c.samplingFrequency);
        assertEquals(2, c.channels());
        assertFalse(c.sbrPresent);
        assertEquals("AAC-LC", c.describe());
    }

    /** An explicit 24-bit frequency selects the tables of the nearest rate; the fixture decodes the same. */
    @Test
    void explicitFrequency() throws Exception {
        byte[] asc = new Bits().put(5, 2).put(4, 15).put(24, 44100).put(4, 2).put(3, 0).bytes();
        AudioSpecificConfig c = AudioSpecificConfig.parse(asc);
        assertEquals(44100, c.samplingFrequency);
        assertEquals(4, c.tableIndex());
        assertDecodes("stereo_44k_128k", new AacDecoder(c));
    }

    /** Channel configuration 0 with the program_config_element in the AudioSpecificConfig. */
    @Test
    void programConfigElement() throws Exception {
        // the PCE of surround51_pce: front CPE and SCE, one side SCE, one back CPE
        Bits b = new Bits().put(5, 2).put(4, 3).put(4, 0).put(3, 0);
        b.put(4, 0).put(2, 1).put(4, 3).put(4, 2).put(4, 1).put(4, 1).put(2, 0).put(3, 0).put(4, 0);
        b.put(3, 0);
        b.put(1, 1).put(4, 0).put(1, 0).put(4, 0).put(1, 0).put(4, 1).put(1, 1).put(4, 1);
        while (b.position() % 8 != 0) {
            b.put(1, 0);
        }
        b.put(8, 0);
        AudioSpecificConfig c = AudioSpecificConfig.parse(b.bytes());
        assertEquals(0, c.channelConfiguration);
        assertEquals(6, c.channels());
        assertDecodes("surround51_pce", new AacDecoder(c));
    }

    @Test
    void sbrAndPsAreSignalledAndTheCoreKept() {
        // object type 5, core 24 kHz (index 6), stereo, extension 48 kHz (index 3), core type 2
        AudioSpecificConfig c = AudioSpecificConfig.parse(
                new Bits().put(5, 5).put(4, 6).put(4, 2).put(4, 3).put(5, 2).put(3, 0).bytes());
        assertTrue(c.sbrPresent);
        assertFalse(c.psPresent);
        assertEquals(24000, c.samplingFrequency);
        assertEquals(48000, c.extensionSamplingFrequency);
        assertTrue(c.describe().contains("SBR not decoded"));
        AudioSpecificConfig ps = AudioSpecificConfig.parse(
                new Bits().put(5, 29).put(4, 6).put(4, 1).put(4, 3).put(5, 2).put(3, 0).bytes());
        assertTrue(ps.psPresent);
        assertTrue(ps.describe().contains("PS"));
        // backward-compatible signalling: an LC config followed by sync extension 0x2B7
        AudioSpecificConfig bc = AudioSpecificConfig.parse(
                new Bits().put(5, 2).put(4, 6).put(4, 2).put(3, 0).put(11, 0x2B7).put(5, 5).put(1, 1).put(4, 3).bytes());
        assertTrue(bc.sbrPresent);
        assertEquals(48000, bc.extensionSamplingFrequency);
    }

    @Test
    void refusals() {
        assertThrows(UnsupportedFeatureException.class, () -> AudioSpecificConfig.parse(new byte[] {0x0A, 0x10})); // Main
        assertThrows(UnsupportedFeatureException.class, () -> AudioSpecificConfig.parse(new byte[] {0x12, 0x14})); // 960
        assertThrows(MalformedStreamException.class, () -> AudioSpecificConfig.parse(new byte[] {0x16, (byte) 0x90})); // index 13
        assertThrows(MalformedStreamException.class, () -> AudioSpecificConfig.parse(new byte[] {0x12}));
    }

    static void assertDecodes(String name, AacDecoder d) throws Exception {
        List<byte[]> packets = new ArrayList<>();
        for (Fixtures.Frame f : Fixtures.adtsFrames(Fixtures.read(name + ".aac"))) {
            packets.add(f.payload);
        }
        float[] ours = Fixtures.decode(d, packets);
        short[] ref = Fixtures.reference(name);
        assertEquals(ref.length, ours.length);
        Comparison.Result r = Comparison.compare(ours, ref, d.config().channels());
        assertTrue(r.maxDiff <= 2 && r.rms <= 0.5, name + ": " + r);
    }
}
