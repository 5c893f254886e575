package org.kinora.demux.flv;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.demux.testing.DemuxerHarness;

/** The shared demuxer harness on FLV: feeding modes, seeks to 0, 1/3, 2/3 and the end, mutants. */
class FlvHarnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"hevc_aac.flv", "hevc_aac_index.flv", "hevc12_aac.flv", "alaw.flv", "hevc_mulaw.flv"})
    void feedingModesAndSeeks(String name) throws IOException {
        byte[] file = DemuxerHarness.read("flv", name);
        DemuxerHarness.Run full = DemuxerHarness.assertConsistent(FlvDemuxer::new, file);
        DemuxerHarness.assertSeeks(FlvDemuxer::new, file, full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hevc_aac.flv", "hevc12_aac.flv", "alaw.flv"})
    void mutants(String name) throws IOException {
        DemuxerHarness.assertMutantsSafe(FlvDemuxer::new, DemuxerHarness.read("flv", name), name.hashCode(), 2000);
    }
}
