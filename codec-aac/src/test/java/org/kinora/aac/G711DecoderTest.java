package org.kinora.aac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/** G.711 output is bit-exact with ffmpeg's pcm_alaw / pcm_mulaw decoders (testdata/aac/make.sh). */
class G711DecoderTest {
    @ParameterizedTest
    @ValueSource(strings = {"alaw", "mulaw"})
    void matchesFfmpeg(String codec) throws Exception {
        byte[] wav = Fixtures.read(codec + ".wav");
        // the sample data follows the WAV "data" chunk header
        int data = 12;
        while (!(wav[data] == 'd' && wav[data + 1] == 'a' && wav[data + 2] == 't' && wav[data + 3] == 'a')) {
            int size = (wav[data + 4] & 0xFF) | (wav[data + 5] & 0xFF) << 8 | (wav[data + 6] & 0xFF) << 16 | (wav[data + 7] & 0xFF) << 24;
            data += 8 + size + (size & 1);
        }
        int size = (wav[data + 4] & 0xFF) | (wav[data + 5] & 0xFF) << 8 | (wav[data + 6] & 0xFF) << 16 | (wav[data + 7] & 0xFF) << 24;
        TrackInfo t = new TrackInfo.Builder(1, TrackType.AUDIO, codec).timescale(8000).audio(8000, 1).build();
        G711Decoder d = new G711Decoder(t);
        d.decode(new Packet(1, wav, data + 8, size));
        AudioBlock b = d.receive();
        short[] ours = new short[b.frames];
        for (int i = 0; i < b.frames; i++) {
            ours[i] = (short) Fixtures.toS16(b.samples[0][i]);
        }
        byte[] ref = Fixtures.read(codec + ".s16");
        short[] expected = new short[ref.length / 2];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (short) ((ref[2 * i] & 0xFF) | (ref[2 * i + 1] << 8));
        }
        assertEquals(expected.length, ours.length);
        assertArrayEquals(expected, ours);
    }

    /** All 256 codes of each law equal ffmpeg's values. */
    @ParameterizedTest
    @ValueSource(strings = {"alaw", "mulaw"})
    void everyCodeMatchesFfmpeg(String codec) throws Exception {
        byte[] ref = Fixtures.read(codec + "_codes.s16");
        short[] t = codec.equals("alaw") ? G711Decoder.ALAW : G711Decoder.MULAW;
        assertEquals(512, ref.length);
        for (int i = 0; i < 256; i++) {
            assertEquals((short) ((ref[2 * i] & 0xFF) | (ref[2 * i + 1] << 8)), t[i], codec + " code " + i);
        }
    }

    /** G.711's extreme and zero values. */
    @ParameterizedTest
    @ValueSource(strings = {"alaw", "mulaw"})
    void tableEnds(String codec) {
        short[] t = codec.equals("alaw") ? G711Decoder.ALAW : G711Decoder.MULAW;
        if (codec.equals("alaw")) {
            assertEquals(-32256, t[0x2A]);
            assertEquals(32256, t[0xAA]);
            assertEquals(8, t[0xD5]);
            assertEquals(-8, t[0x55]);
        } else {
            assertEquals(-32124, t[0x00]);
            assertEquals(32124, t[0x80]);
            assertEquals(0, t[0xFF]);
            assertEquals(0, t[0x7F]);
        }
    }
}
