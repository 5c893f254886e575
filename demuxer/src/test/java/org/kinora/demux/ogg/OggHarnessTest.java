package org.kinora.demux.ogg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kinora.demux.testing.DemuxerHarness;

/** The shared demuxer harness on Ogg fixtures. */
class OggHarnessTest {
    @ParameterizedTest
    @CsvSource({"vorbis,theora_vorbis.ogg", "vorbis,stereo_44k_q4.ogg", "vorbis,long_mono_16k_q1.ogg", "theora,gop250.ogg",
        "theora,odd_100x75.ogg"})
    void feedingModesAndSeeks(String area, String name) throws IOException {
        byte[] file = DemuxerHarness.read(area, name);
        DemuxerHarness.Run full = DemuxerHarness.assertConsistent(OggDemuxer::new, file);
        DemuxerHarness.assertSeeks(OggDemuxer::new, file, full);
    }

    @ParameterizedTest
    @CsvSource({"vorbis,theora_vorbis.ogg,11", "theora,odd_100x75.ogg,12"})
    void mutants(String area, String name, long seed) throws IOException {
        int errors = DemuxerHarness.assertMutantsSafe(OggDemuxer::new, DemuxerHarness.read(area, name), seed, 2000);
        assertTrue(errors > 0, "some mutants are reported as broken");
    }
}
