package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;

/**
 * Streams with perceptual noise substitution: the noise itself is not normative (4.6.13), so each
 * long frame is analysed back into its MDCT coefficients (the same windows give them back exactly,
 * 4.6.11.3) from our output and from ffmpeg's, and compared per scale factor band: noise bands
 * within 1 dB of energy, the other bands within 0.1 dB where they carry signal.
 */
class PnsEnergyTest {
    private static final class FrameBands {
        int[] sequence;
        int[] shape;
        int[][] cb;
        int maxSfb;
        short[] swb;
    }

    @ParameterizedTest
    @ValueSource(strings = {"stereo_44k_pns", "mono_22k_pns"})
    void noiseBandsCarryFfmpegsEnergy(String name) throws Exception {
        List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
        Fixtures.Frame first = frames.get(0);
        AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(
                AudioSpecificConfig.fromAdts(first.profile, first.sfIndex, first.channelConfig)));
        int channels = d.config().channels();
        short[] ref = Fixtures.reference(name);
        int total = frames.size() * 1024;
        assertEquals(total * channels, ref.length, "sample count");
        float[][] ours = new float[channels][total];
        List<FrameBands> bands = new ArrayList<>();
        int pos = 0;
        for (Fixtures.Frame f : frames) {
            d.decode(new Packet(1, f.payload, 0, f.payload.length));
            AudioBlock b = d.receive();
            for (int c = 0; c < channels; c++) {
                System.arraycopy(b.samples[c], 0, ours[c], pos, b.frames);
            }
            pos += b.frames;
            FrameBands fb = new FrameBands();
            fb.sequence = new int[channels];
            fb.shape = new int[channels];
            fb.cb = new int[channels][];
            for (int c = 0; c < channels; c++) {
                IndividualChannelStream ics = d.channelStream(c);
                fb.sequence[c] = ics.info.windowSequence;
                fb.shape[c] = ics.info.windowShape;
                fb.cb[c] = ics.sfbCb.clone();
                fb.maxSfb = ics.info.maxSfb;
                fb.swb = ics.info.swbOffset;
            }
            bands.add(fb);
        }
        int noiseBands = 0;
        int signalBands = 0;
        double worstNoise = 0;
        double worstSignal = 0;
        for (int c = 0; c < channels; c++) {
            float[] refc = new float[total];
            for (int i = 0; i < total; i++) {
                refc[i] = ref[i * channels + c] / 32768f;
            }
            for (int i = 1; i + 1 < frames.size(); i++) {
                FrameBands prev = bands.get(i - 1);
                FrameBands cur = bands.get(i);
                FrameBands next = bands.get(i + 1);
                if (prev.sequence[c] != 0 || cur.sequence[c] != 0 || next.sequence[c] != 0) {
                    continue;
                }
                // frame i's windowed IMDCT output covers output samples i * 1024 .. i * 1024 + 2047
                int start = i * 1024;
                double[] x = mdct(ours[c], start, prev.shape[c], cur.shape[c]);
                double[] y = mdct(refc, start, prev.shape[c], cur.shape[c]);
                for (int sfb = 0; sfb < cur.maxSfb; sfb++) {
                    double ex = 0;
                    double ey = 0;
                    for (int k = cur.swb[sfb]; k < cur.swb[sfb + 1]; k++) {
                        ex += x[k] * x[k];
                        ey += y[k] * y[k];
                    }
                    int cb = cur.cb[c][sfb];
                    // bands below about -80 dBFS per coefficient are at the level of 16-bit rounding
                    double floor = 1e-8 * (cur.swb[sfb + 1] - cur.swb[sfb]);
                    if (ey < floor && ex < floor) {
                        continue;
                    }
                    double db = Math.abs(10 * Math.log10((ex + 1e-30) / (ey + 1e-30)));
                    if (cb == IndividualChannelStream.NOISE_HCB) {
                        noiseBands++;
                        worstNoise = Math.max(worstNoise, db);
                        assertTrue(db <= 1.0, name + " ch " + c + " frame " + i + " noise band " + sfb + ": " + db + " dB");
                    } else if (cb != IndividualChannelStream.ZERO_HCB) {
                        signalBands++;
                        worstSignal = Math.max(worstSignal, db);
                        assertTrue(db <= 0.1, name + " ch " + c + " frame " + i + " band " + sfb + ": " + db + " dB");
                    }
                }
            }
        }
        System.out.printf("%s: %d noise bands, worst %.3f dB; %d other bands, worst %.4f dB%n",
                name, noiseBands, worstNoise, signalBands, worstSignal);
        assertTrue(noiseBands > 20, name + " uses PNS in only " + noiseBands + " measured bands");
    }

    /** MDCT of 2048 samples from {@code s[start]} under a long window (4.6.11.3 shapes). */
    private static double[] mdct(float[] s, int start, int leftShape, int rightShape) {
        double[] in = new double[2048];
        for (int n = 0; n < 1024; n++) {
            in[n] = s[start + n] * Windows.LONG[leftShape][n];
            in[1024 + n] = s[start + 1024 + n] * Windows.LONG[rightShape][1023 - n];
        }
        double[] out = new double[1024];
        double[] cos = new double[8192];
        for (int i = 0; i < 8192; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / 8192);
        }
        // 4.6.11.3.1 uses n0 = N/4 + 1/2
        for (int k = 0; k < 1024; k++) {
            double sum = 0;
            // angle 2 pi / N (n + n0)(k + 1/2) in units of 2 pi / (4 N): (2n + 1 + N/2)(2k + 1)
            for (int n = 0; n < 2048; n++) {
                int phase = ((2 * n + 1 + 1024) * (2 * k + 1)) & 8191;
                sum += in[n] * cos[phase];
            }
            out[k] = sum;
        }
        return out;
    }
}
