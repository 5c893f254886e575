package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture decodes to ffmpeg's frame MD5s, and every picture's decoded picture hash SEI (MD5, CRC or checksum) verifies. */
class FixtureTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "intra_plain", "intra_ctu16", "intra_ctu32_tu", "intra_deblock", "intra_sao", "intra_full",
        "intra_qp0", "intra_qp51", "intra_lossless", "intra_culossless", "intra_tskip", "intra_nosignhide",
        "intra_scaling", "intra_wpp", "intra_cip", "intra_nosmooth", "intra_odd", "intra_odd2",
        "intra_slices", "intra_slices32", "intra_main10", "intra_crc", "intra_checksum",
        "intra_scalingfile", "intra_deblockofs", "intra_mincu16", "intra_ntsc", "inter_p",
    })
    void matchesFfmpegAndSeiHashes(String name) {
        byte[] stream = FixtureSupport.read(name + ".hevc");
        List<String> expected = FixtureSupport.referenceMd5s(name + ".framemd5");
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        List<String> actual = FixtureSupport.decode(d, FixtureSupport.accessUnits(stream));
        assertEquals(expected, actual, name);
        assertEquals(expected.size(), d.hashesChecked(), "pictures with an MD5 SEI");
        assertEquals(0, d.hashMismatches(), "SEI MD5 mismatches");
        assertTrue(expected.size() >= 2);
    }
}
