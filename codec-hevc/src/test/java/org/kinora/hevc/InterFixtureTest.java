package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streams with P and B pictures (testdata/hevc/make.sh, inter section) decode to ffmpeg's frame
 * MD5s, and every picture's MD5 SEI verifies. What each stream exercises (checked in its
 * parameter sets and slice headers when it was made):
 * <ul>
 * <li>inter_ponly: P pictures only; inter_b: B pictures that are not references;
 * inter_bpyramid: referenced B pictures (TRAIL_R);</li>
 * <li>inter_opengop: CRA pictures in mid-stream with RASL pictures; inter_closedgop: IDR pictures
 * in mid-stream;</li>
 * <li>inter_ref1: one reference per list; inter_ref8: eight active references
 * (num_ref_idx_l0_active_minus1 = 7, the most NumPicTotalCurr allows);</li>
 * <li>inter_weighted (8 bits) and inter_main10 (10 bits): explicit weighted prediction in P and
 * B slices on a fade, luma and chroma weights and offsets present;</li>
 * <li>inter_amp: asymmetric and rectangular partitions; inter_notmvp: no temporal motion vector
 * prediction; inter_merge1, inter_merge5: one and five merge candidates;</li>
 * <li>inter_wpp: wavefronts; inter_slices: four slices per picture (with wavefronts);</li>
 * <li>inter_lossless: transquant bypass; inter_tskip: transform skip enabled; inter_scaling:
 * default scaling lists;</li>
 * <li>inter_nolf: no SAO, no deblocking; inter_lf: SAO and deblocking with offsets;
 * inter_odd: 198x102 with a conformance window;</li>
 * <li>inter_cip: constrained intra prediction with intra blocks in P pictures; inter_tudepth:
 * max_transform_hierarchy_depth_inter 2 with 16x16 transforms at most (elsewhere it is 0, so
 * the implicit transform split of non-square partitions applies);</li>
 * <li>inter_eos: inter_opengop with an end of sequence NAL unit before its first CRA picture,
 * whose RASL pictures are then skipped.</li>
 * </ul>
 */
class InterFixtureTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "inter_ponly", "inter_b", "inter_bpyramid", "inter_opengop", "inter_closedgop", "inter_ref1",
        "inter_ref8", "inter_weighted", "inter_amp", "inter_notmvp", "inter_merge1", "inter_merge5",
        "inter_wpp", "inter_slices", "inter_lossless", "inter_tskip", "inter_scaling", "inter_nolf",
        "inter_lf", "inter_odd", "inter_main10", "inter_cip", "inter_tudepth", "inter_eos",
    })
    void matchesFfmpegAndSeiHashes(String name) {
        byte[] stream = FixtureSupport.read(name + ".hevc");
        List<String> expected = FixtureSupport.referenceMd5s(name + ".framemd5");
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        List<String> actual = FixtureSupport.decode(d, FixtureSupport.accessUnits(stream));
        assertEquals(expected, actual, name);
        // inter_eos: the CRA after the end of sequence discards two pictures of the first sequence
        // that were decoded, and checked, but not output yet (C.5.2.2)
        int decoded = name.equals("inter_eos") ? expected.size() + 2 : expected.size();
        assertEquals(decoded, d.hashesChecked(), "pictures with an MD5 SEI");
        assertEquals(0, d.hashMismatches(), "SEI MD5 mismatches");
        assertTrue(expected.size() >= 5);
    }
}
