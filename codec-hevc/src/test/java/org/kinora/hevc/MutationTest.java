package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.PictureDigest;

/**
 * Corrupted streams end in a MediaException (or decode to something), never in another exception
 * or a hang; after a damaged picture, decoding is exact again from the next IDR picture.
 */
class MutationTest {
    private static final String[] SOURCES = {"intra_full", "intra_wpp", "intra_lossless", "intra_scaling", "intra_odd",
        "inter_ponly", "inter_bpyramid"};

    @Test
    void corruptedStreamsFailCleanly() {
        Random rnd = new Random(Long.getLong("hevc.mutationSeed", 0x4B696E6FL));
        int perSource = Integer.getInteger("hevc.mutations", 120);
        int failures = 0;
        int runs = 0;
        long start = System.nanoTime();
        java.util.List<byte[]> sources = new java.util.ArrayList<>();
        for (String name : SOURCES) {
            sources.add(FixtureSupport.read(name + ".hevc"));
        }
        // built streams with tiles, WPP substreams, a dependent slice segment and PCM
        sources.add(TilesTest.stream(false));
        sources.add(WppDependentSliceTest.stream());
        for (int src = 0; src < sources.size(); src++) {
            String name = src < SOURCES.length ? SOURCES[src] : "built stream " + src;
            byte[] original = sources.get(src);
            for (int i = 0; i < perSource; i++) {
                byte[] s = original.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int pos = rnd.nextInt(s.length);
                    switch (rnd.nextInt(3)) {
                        case 0: s[pos] ^= (byte) (1 << rnd.nextInt(8)); break;
                        case 1: s[pos] = (byte) rnd.nextInt(256); break;
                        default: s[pos] = 0; break;
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    s = java.util.Arrays.copyOf(s, rnd.nextInt(s.length)); // truncation
                }
                runs++;
                HevcDecoder d = new HevcDecoder(FixtureSupport.track());
                List<byte[]> aus = FixtureSupport.accessUnits(s);
                for (byte[] au : aus) {
                    try {
                        d.decode(new Packet(1, au, 0, au.length));
                        while (d.receive() != null) {
                            // drain
                        }
                    } catch (MediaException e) {
                        failures++;
                    } catch (RuntimeException e) {
                        fail(name + " mutation " + i + ": " + e, e);
                    }
                }
                try {
                    d.flush();
                    while (d.receive() != null) {
                        // drain
                    }
                } catch (MediaException e) {
                    failures++;
                }
            }
        }
        assertTrue(failures > 0, "corruption is detected at least sometimes");
        assertTrue(System.nanoTime() - start < 120_000_000_000L, "mutation runs finish quickly (" + runs + " runs)");
    }

    /**
     * inter_closedgop has IDR pictures at access units 0, 8 and 16. Damage in access units 1 to 7
     * (flipped bits, a lost end, a lost unit) may fail those units (concealed, decoding goes on),
     * but the nine pictures from the IDR at 8 on, output last, equal ffmpeg's.
     */
    @Test
    void interStreamRecoversAtTheNextIdr() {
        Random rnd = new Random(Long.getLong("hevc.mutationSeed", 0x4B696E6FL) + 1);
        List<byte[]> original = FixtureSupport.accessUnits(FixtureSupport.read("inter_closedgop.hevc"));
        List<String> expected = FixtureSupport.referenceMd5s("inter_closedgop.framemd5");
        assertEquals(17, original.size());
        List<String> tail = expected.subList(expected.size() - 9, expected.size());
        PictureDigest digest = new PictureDigest();
        int failedUnits = 0;
        int lostUnits = 0;
        int runs = Integer.getInteger("hevc.mutations", 120);
        for (int run = 0; run < runs; run++) {
            List<byte[]> aus = new java.util.ArrayList<>();
            for (byte[] au : original) {
                aus.add(au.clone());
            }
            int damaged = 1 + rnd.nextInt(7);
            byte[] au = aus.get(damaged);
            int kind = rnd.nextInt(4);
            if (kind == 0) {
                aus.set(damaged, java.util.Arrays.copyOf(au, rnd.nextInt(au.length))); // lost end of the unit
            } else if (kind == 1) {
                aus.remove(damaged); // lost picture: its references are made up, its users concealed
                lostUnits++;
            } else {
                int flips = 1 + rnd.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    // past the start code and NAL header, inside the slice data
                    int pos = 6 + rnd.nextInt(au.length - 6);
                    au[pos] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            HevcDecoder d = new HevcDecoder(FixtureSupport.track());
            List<String> md5s = new java.util.ArrayList<>();
            for (byte[] unit : aus) {
                try {
                    d.decode(new Packet(1, unit, 0, unit.length));
                } catch (MediaException e) {
                    failedUnits++;
                } catch (RuntimeException e) {
                    fail("run " + run + ": " + e, e);
                }
                for (org.kinora.core.Picture p = d.receive(); p != null; p = d.receive()) {
                    md5s.add(digest.md5Hex(p));
                }
            }
            d.flush();
            for (org.kinora.core.Picture p = d.receive(); p != null; p = d.receive()) {
                md5s.add(digest.md5Hex(p));
            }
            assertTrue(md5s.size() >= 9, "run " + run + ": pictures after the IDR are output");
            assertEquals(tail, md5s.subList(md5s.size() - 9, md5s.size()), "run " + run + " (damaged unit " + damaged + ")");
        }
        assertTrue(failedUnits > runs / 4, "damage is detected in many runs (" + failedUnits + " of " + runs + ")");
        assertTrue(lostUnits > 0);
    }
}
