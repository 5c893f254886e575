package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;

/** Corrupted streams end in a MediaException (or decode to something), never in another exception or a hang. */
class MutationTest {
    private static final String[] SOURCES = {"intra_full", "intra_wpp", "intra_lossless", "intra_scaling", "intra_odd"};

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
}
