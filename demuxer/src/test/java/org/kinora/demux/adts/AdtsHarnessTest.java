package org.kinora.demux.adts;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.demux.testing.DemuxerHarness;

/** The shared demuxer harness on ADTS (no seeking: raw ADTS has no index). */
class AdtsHarnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"stereo_44k_128k.aac", "surround51_pce.aac", "mono_8k_16k.aac"})
    void feedingModes(String name) throws IOException {
        DemuxerHarness.assertConsistent(AdtsDemuxer::new, DemuxerHarness.read("aac", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stereo_44k_128k.aac", "surround51_pce.aac"})
    void mutants(String name) throws IOException {
        DemuxerHarness.assertMutantsSafe(AdtsDemuxer::new, DemuxerHarness.read("aac", name), name.hashCode(), 2000);
    }
}
