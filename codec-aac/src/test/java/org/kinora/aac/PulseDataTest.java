package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;

/**
 * pulse_data (4.4.2.7 Table 4.50, decoding 4.6.3.4), which FFmpeg's encoder never writes: pulses
 * spliced into a real long-window SCE change exactly the quantised values they address, by their
 * amplitude, away from zero.
 */
class PulseDataTest {
    @Test
    void pulsesAddToTheQuantisedValues() throws Exception {
        List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read("mono_22k_48k.aac"));
        Fixtures.Frame f0 = frames.get(0);
        byte[] asc = AudioSpecificConfig.fromAdts(f0.profile, f0.sfIndex, f0.channelConfig);
        int tested = 0;
        for (int i = 1; i < frames.size() && tested < 5; i++) {
            byte[] p = frames.get(i).payload;
            AacDecoder plain = new AacDecoder(AudioSpecificConfig.parse(asc));
            plain.decode(new Packet(1, p, 0, p.length));
            IndividualChannelStream ics = plain.channelStream(0);
            if (ics.info.windowSequence != IcsInfo.ONLY_LONG_SEQUENCE || ics.info.maxSfb < 8) {
                continue;
            }
            float[] before = ics.spec.clone();
            // pulses in band 2: at offsets 1, 1 + 3, 1 + 3 + 2 with amplitudes 5, 2, 9
            int startSfb = 2;
            int base = ics.info.swbOffset[startSfb];
            int[] at = {base + 1, base + 4, base + 6};
            int[] amp = {5, 2, 9};
            byte[] spliced = splice(p, ics.pulseFlagPosition, startSfb, new int[] {1, 3, 2}, amp);
            AacDecoder withPulses = new AacDecoder(AudioSpecificConfig.parse(asc));
            withPulses.decode(new Packet(1, spliced, 0, spliced.length));
            assertEquals(0, withPulses.concealedBlocks());
            IndividualChannelStream ps = withPulses.channelStream(0);
            assertEquals(3, ps.pulseCount);
            for (int k = 0; k < 1024; k++) {
                int j = java.util.Arrays.binarySearch(at, k);
                if (j < 0) {
                    assertEquals(before[k], ps.spec[k], "coefficient " + k + " has no pulse");
                    continue;
                }
                int band = 0;
                while (ps.info.swbOffset[band + 1] <= k) {
                    band++;
                }
                float gain = IndividualChannelStream.POW2_QUARTER[ps.scaleFactor[band] + 100] / (1024 * 32768f);
                // recover the quantised value, add the pulse away from zero, dequantise again
                int q = Math.round((float) (Math.signum(before[k]) * Math.pow(Math.abs(before[k]) / gain, 0.75)));
                int expectedQ = q > 0 ? q + amp[j] : q - amp[j];
                double expected = Math.signum(expectedQ) * Math.pow(Math.abs(expectedQ), 4.0 / 3) * gain;
                assertEquals(expected, ps.spec[k], Math.abs(expected) * 1e-5, "coefficient " + k);
            }
            tested++;
        }
        assertTrue(tested >= 3, "long-window frames tested: " + tested);
    }

    /** The packet with pulse_data_present set and pulse_data() inserted at bit {@code flag}. */
    private static byte[] splice(byte[] p, int flag, int startSfb, int[] offsets, int[] amps) {
        Bits b = new Bits();
        for (int i = 0; i < flag; i++) {
            b.put(1, bit(p, i));
        }
        b.put(1, 1).put(2, offsets.length - 1).put(6, startSfb);
        for (int i = 0; i < offsets.length; i++) {
            b.put(5, offsets[i]).put(4, amps[i]);
        }
        for (int i = flag + 1; i < p.length * 8; i++) {
            b.put(1, bit(p, i));
        }
        return b.bytes();
    }

    private static int bit(byte[] p, int i) {
        return (p[i >> 3] >> (7 - (i & 7))) & 1;
    }
}
