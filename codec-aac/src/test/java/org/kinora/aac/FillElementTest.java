package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;

/**
 * fill_element and data_stream_element (4.4.2.1): spliced into every block of a fixture before
 * its END, they change nothing in the output; SBR extension payloads (EXT_SBR_DATA, 4.5.2.8) are
 * counted, as HE-AAC with implicit signalling carries them, and the AAC-LC core still plays.
 */
class FillElementTest {
    @Test
    void fillAndDataElementsAreSkippedAndSbrNoted() throws Exception {
        String name = "stereo_44k_128k";
        List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
        Fixtures.Frame f0 = frames.get(0);
        byte[] asc = AudioSpecificConfig.fromAdts(f0.profile, f0.sfIndex, f0.channelConfig);
        AacDecoder probe = new AacDecoder(AudioSpecificConfig.parse(asc));
        List<byte[]> packets = new ArrayList<>();
        for (Fixtures.Frame f : frames) {
            probe.decode(new Packet(1, f.payload, 0, f.payload.length));
            int end = probe.endPosition;
            Bits b = new Bits();
            for (int i = 0; i < end; i++) {
                b.put(1, (f.payload[i >> 3] >> (7 - (i & 7))) & 1);
            }
            // FIL, 3 bytes: EXT_SBR_DATA (13) and 20 bits of payload
            b.put(3, 6).put(4, 3).put(4, 13).put(20, 0xABCDE);
            // FIL with an escaped count of 20 bytes of EXT_FILL_DATA (1)
            b.put(3, 6).put(4, 15).put(8, 20 - 15 + 1).put(4, 1).put(4, 0);
            for (int i = 0; i < 19; i++) {
                b.put(8, 0xA5);
            }
            // DSE: tag 2, byte-aligned, 5 bytes
            b.put(3, 4).put(4, 2).put(1, 1).put(8, 5);
            while (b.position() % 8 != 0) {
                b.put(1, 0);
            }
            for (int i = 0; i < 5; i++) {
                b.put(8, i);
            }
            b.put(3, 7);
            packets.add(b.bytes());
        }
        AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(asc));
        float[] ours = Fixtures.decode(d, packets);
        short[] ref = Fixtures.reference(name);
        assertEquals(ref.length, ours.length);
        assertEquals(0, d.concealedBlocks());
        assertEquals(frames.size(), d.sbrPayloads());
        Comparison.Result r = Comparison.compare(ours, ref, 2);
        assertTrue(r.maxDiff <= 2 && r.rms <= 0.5, r.toString());
    }
}
