package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.AudioBlock;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.demux.Demuxer;
import org.kinora.demux.adts.AdtsDemuxer;

/**
 * Damaged input (fixed seed): every run ends normally or in a {@link MediaException}, never
 * another exception or a hang; a damaged block costs that block, not the stream.
 */
class MutationTest {
    private static final String[] FILES = {
        "mono_8k_16k", "stereo_44k_128k", "stereo_44k_tns", "stereo_44k_is", "stereo_44k_pns",
        "surround51_48k", "surround71_48k", "surround51_pce", "stereo_96k_256k",
    };

    /** Whole files with flipped bits, random bytes, cuts and repeats, through demuxer and decoder. */
    @Test
    void mutatedFilesEndCleanly() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(20261202L);
            int mediaErrors = 0;
            int decoded = 0;
            int runs = 0;
            java.util.Map<String, Integer> errorKinds = new java.util.TreeMap<>();
            for (String name : FILES) {
                byte[] original = Fixtures.read(name + ".aac");
                for (int m = 0; m < 250; m++) {
                    byte[] f = mutate(original, rnd);
                    runs++;
                    try {
                        if (runFile(f, rnd) > 0) {
                            decoded++;
                        }
                    } catch (MediaException e) {
                        mediaErrors++;
                        errorKinds.merge(e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("[0-9]+", "N"), 1, Integer::sum);
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        AssertionError a = new AssertionError(name + " mutant " + m + ": " + e);
                        a.initCause(e);
                        throw a;
                    }
                }
            }
            System.out.println("file mutants: " + runs + ", media errors " + mediaErrors + ", decoded audio " + decoded + " " + errorKinds);
            assertTrue(decoded > runs / 2, "runs that decoded audio: " + decoded);
        });
    }

    /**
     * Raw data blocks with flipped bits fed straight to the decoder: the decoder conceals
     * (silence, 1024 samples) or throws an {@link org.kinora.core.UnsupportedFeatureException}
     * for syntax it does not implement; every block still yields its 1024 samples otherwise.
     */
    @Test
    void mutatedBlocksCostOneBlock() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(777L);
            int concealed = 0;
            int unsupported = 0;
            int blocks = 0;
            for (String name : FILES) {
                List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
                Fixtures.Frame f0 = frames.get(0);
                for (int m = 0; m < 100; m++) {
                    AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(
                            AudioSpecificConfig.fromAdts(f0.profile, f0.sfIndex, f0.channelConfig)));
                    for (Fixtures.Frame f : frames) {
                        byte[] p = f.payload.clone();
                        int flips = rnd.nextInt(4);
                        for (int i = 0; i < flips && p.length > 0; i++) {
                            p[rnd.nextInt(p.length)] ^= (byte) (1 << rnd.nextInt(8));
                        }
                        int length = rnd.nextInt(10) == 0 ? rnd.nextInt(p.length + 1) : p.length;
                        blocks++;
                        try {
                            d.decode(new Packet(1, p, 0, length));
                        } catch (org.kinora.core.UnsupportedFeatureException e) {
                            unsupported++;
                            continue;
                        } catch (RuntimeException | StackOverflowError e) {
                            AssertionError a = new AssertionError(name + " block mutant " + m + ": " + e);
                            a.initCause(e);
                            throw a;
                        }
                        AudioBlock b = d.receive();
                        // with channel configuration 0 there is no output until a PCE was read
                        boolean layoutKnown = f0.channelConfig != 0 || b != null;
                        if ((length > 0 && layoutKnown) || b != null) {
                            assertTrue(b != null && b.frames % 1024 == 0 && b.frames > 0, name + ": block without samples");
                            for (int c = 0; c < b.channels; c++) {
                                for (int i = 0; i < b.frames; i++) {
                                    float v = b.samples[c][i];
                                    if (v != v || v > 1e6f || v < -1e6f) {
                                        fail(name + ": sample " + v);
                                    }
                                }
                            }
                        }
                    }
                    concealed += d.concealedBlocks();
                }
            }
            System.out.println("block mutants: " + blocks + ", concealed " + concealed + ", unsupported " + unsupported);
            assertTrue(concealed > 500, "concealed blocks: " + concealed);
        });
    }

    /** A block cut short is one block of silence; two blocks later the output is ffmpeg's again. */
    @Test
    void damagedBlockCostsOneBlock() throws Exception {
        String name = "stereo_44k_128k";
        List<Fixtures.Frame> frames = Fixtures.adtsFrames(Fixtures.read(name + ".aac"));
        Fixtures.Frame f0 = frames.get(0);
        AacDecoder d = new AacDecoder(AudioSpecificConfig.parse(
                AudioSpecificConfig.fromAdts(f0.profile, f0.sfIndex, f0.channelConfig)));
        List<byte[]> packets = new ArrayList<>();
        int damaged = 7;
        for (int i = 0; i < frames.size(); i++) {
            byte[] p = frames.get(i).payload;
            packets.add(i == damaged ? java.util.Arrays.copyOf(p, 12) : p);
        }
        float[] ours = Fixtures.decode(d, packets);
        short[] ref = Fixtures.reference(name);
        assertEquals(ref.length, ours.length);
        assertEquals(1, d.concealedBlocks());
        for (int i = damaged * 2048; i < (damaged + 1) * 2048; i++) {
            assertEquals(0f, ours[i], "sample " + i + " of the damaged block");
        }
        int from = (damaged + 2) * 2048;
        Comparison.Result after = Comparison.compare(
                java.util.Arrays.copyOfRange(ours, from, ours.length), java.util.Arrays.copyOfRange(ref, from, ref.length), 2);
        assertTrue(after.maxDiff <= 2, "after the damage: " + after);
        Comparison.Result before = Comparison.compare(
                java.util.Arrays.copyOf(ours, damaged * 2048), java.util.Arrays.copyOf(ref, damaged * 2048), 2);
        assertTrue(before.maxDiff <= 2, "before the damage: " + before);
    }

    private static long runFile(byte[] f, Random rnd) {
        AdtsDemuxer dm = new AdtsDemuxer();
        AacDecoder dec = null;
        long samples = 0;
        int pos = 0;
        for (int steps = 0; ; steps++) {
            if (steps > 10 * f.length + 10_000) {
                fail("demuxer does not finish");
            }
            int r = dm.poll();
            if (r == Demuxer.NEED_MORE_DATA) {
                if (pos >= f.length) {
                    dm.endOfInput();
                } else {
                    int n = Math.min(1 + rnd.nextInt(3000), f.length - pos);
                    dm.feed(f, pos, n);
                    pos += n;
                }
            } else if (r == Demuxer.TRACKS_CHANGED) {
                dec = new AacDecoder(dm.tracks().get(0));
            } else if (r == Demuxer.PACKET) {
                dec.decode(dm.packet());
                for (AudioBlock b = dec.receive(); b != null; b = dec.receive()) {
                    samples += b.frames;
                }
            } else if (r == Demuxer.END) {
                return samples;
            }
        }
    }

    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] f = original.clone();
        switch (rnd.nextInt(5)) {
            case 0: // a few bit flips
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                    f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return f;
            case 1: // a run of random bytes
                int at = rnd.nextInt(f.length);
                for (int i = at; i < Math.min(f.length, at + 1 + rnd.nextInt(64)); i++) {
                    f[i] = (byte) rnd.nextInt(256);
                }
                return f;
            case 2: // cut short
                return java.util.Arrays.copyOf(f, rnd.nextInt(f.length));
            case 3: { // a piece repeated
                int a = rnd.nextInt(f.length);
                int n = Math.min(f.length - a, 1 + rnd.nextInt(500));
                byte[] g = new byte[f.length + n];
                System.arraycopy(f, 0, g, 0, a + n);
                System.arraycopy(f, a, g, a + n, f.length - a);
                return g;
            }
            default: // header bytes hit
                for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
                    f[rnd.nextInt(Math.min(f.length, 16))] = (byte) rnd.nextInt(256);
                }
                return f;
        }
    }
}
