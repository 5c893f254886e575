package org.kinora.demux.hevc;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.demux.testing.DemuxerHarness;

/** The shared demuxer harness on raw HEVC (no seeking: raw streams have no index). */
class AnnexBHarnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"intra_odd.hevc", "inter_p.hevc", "intra_slices.hevc"})
    void feedingModes(String name) throws IOException {
        DemuxerHarness.assertConsistent(AnnexBDemuxer::new, DemuxerHarness.read("hevc", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"intra_odd.hevc", "inter_p.hevc"})
    void mutants(String name) throws IOException {
        DemuxerHarness.assertMutantsSafe(AnnexBDemuxer::new, DemuxerHarness.read("hevc", name), name.length(), 2000);
    }
}
