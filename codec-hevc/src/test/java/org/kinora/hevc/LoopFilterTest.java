package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/**
 * The loop filters run one CTB row behind decoding, or, with tiles, when the picture ends. The
 * fixtures without tiles (every x265 one: several CTB rows, SAO, slices, WPP) check the first way
 * against ffmpeg; here the second way decodes them too, and damaged pictures (filtered partly
 * while decoding, the rest after concealment) come out the same either way.
 */
class LoopFilterTest {
    private static final String[] FIXTURES = {
        "intra_sao", "intra_deblockofs", "intra_slices", "intra_slices32", "intra_wpp", "intra_culossless", "intra_odd",
        "inter_slices", "inter_wpp", "inter_lf", "inter_main10", "inter_lossless", "inter_bpyramid",
    };

    private static HevcDecoder decoder(boolean followDecoding) {
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        d.loopFilter.followDecoding = followDecoding;
        return d;
    }

    @Test
    void filteringAtPictureEndMatchesFfmpeg() {
        for (String name : FIXTURES) {
            List<byte[]> aus = FixtureSupport.accessUnits(FixtureSupport.read(name + ".hevc"));
            HevcDecoder d = decoder(false);
            List<String> md5s = FixtureSupport.decode(d, aus);
            assertEquals(FixtureSupport.referenceMd5s(name + ".framemd5"), md5s, name);
            assertTrue(d.hashesChecked() > 0, name);
            assertEquals(0, d.hashMismatches(), name);
        }
    }

    /** Bits flipped in the slice data of one picture of inter_wpp: every output picture is the same either way. */
    @Test
    void damagedPicturesAreFilteredTheSameEitherWay() {
        List<byte[]> original = FixtureSupport.accessUnits(FixtureSupport.read("inter_wpp.hevc"));
        List<String> reference = FixtureSupport.referenceMd5s("inter_wpp.framemd5");
        Random rnd = new Random(12);
        int failed = 0;
        int differing = 0;
        for (int run = 0; run < 24; run++) {
            List<byte[]> aus = new ArrayList<>();
            for (byte[] au : original) {
                aus.add(au.clone());
            }
            byte[] au = aus.get(1 + rnd.nextInt(aus.size() - 1));
            // the second half of the unit: the picture's first rows decode, and are filtered, before the damage
            au[au.length / 2 + rnd.nextInt(au.length / 2)] ^= (byte) (1 << rnd.nextInt(8));
            Result rows = decode(decoder(true), aus);
            Result whole = decode(decoder(false), aus);
            assertEquals(whole.md5s, rows.md5s, "run " + run);
            assertEquals(whole.failures, rows.failures, "run " + run);
            failed += rows.failures;
            if (!rows.md5s.equals(reference)) {
                differing++;
            }
        }
        assertTrue(failed > 0, "damage is detected");
        assertNotEquals(0, differing, "damage shows in the pictures");
    }

    private record Result(List<String> md5s, int failures) {
    }

    private static Result decode(HevcDecoder d, List<byte[]> aus) {
        PictureDigest digest = new PictureDigest();
        List<String> md5s = new ArrayList<>();
        int failures = 0;
        for (byte[] unit : aus) {
            try {
                d.decode(new Packet(1, unit, 0, unit.length));
            } catch (MediaException e) {
                failures++;
            }
            for (Picture p = d.receive(); p != null; p = d.receive()) {
                md5s.add(digest.md5Hex(p));
            }
        }
        d.flush();
        for (Picture p = d.receive(); p != null; p = d.receive()) {
            md5s.add(digest.md5Hex(p));
        }
        return new Result(md5s, failures);
    }
}
