package org.kinora.player;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** canPlayType's table: containers, codecs= strings and their profiles. */
class MediaTypesTest {
    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "video/mp4; codecs=\"hvc1.1.6.L93.B0, mp4a.40.2\"|probably",
        "video/mp4; codecs=\"hvc1.2.4.L120.B0\"|probably",
        "video/mp4; codecs=\"hev1.1.6.L93.90\"|probably",
        "video/mp4; codecs=hvc1.1.6.H150.B0.00.00.00.00.00|probably",
        "VIDEO/MP4 ; CODECS=\"HVC1.1.6.L93.B0\"|probably",
        "video/mp4; codecs=\"hvc1.4.10.L93.B0\"|''",
        "video/mp4; codecs=\"hvc1.A4.10.L93.B0\"|''",
        "video/mp4; codecs=\"hvc1.1.6.X93.B0\"|''",
        "video/mp4; codecs=\"hvc1.1.6\"|''",
        "video/mp4; codecs=\"hvc1.1.6.L93.B0.ZZ\"|''",
        "video/mp4; codecs=\"hvc1\"|maybe",
        "video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\"|''",
        "video/mp4; codecs=\"hvc1.1.6.L93.B0, opus\"|''",
        "video/mp4|maybe",
        "audio/mp4; codecs=mp4a.40.2|probably",
        "audio/mp4; codecs=\"mp4a.40.5\"|maybe",
        "audio/mp4; codecs=\"mp4a.40.29\"|maybe",
        "audio/mp4; codecs=\"mp4a.40.1\"|''",
        "audio/mp4; codecs=\"mp4a.69\"|''",
        "audio/mp4; codecs=\"mp4a.67\"|probably",
        "audio/mp4; codecs=\"mp4a.40\"|maybe",
        "audio/mp4; codecs=\"alaw\"|probably",
        "audio/mp4; codecs=\"ulaw\"|probably",
        "audio/mp4; codecs=\"hvc1.1.6.L93.B0\"|''",
        "video/ogg; codecs=\"theora, vorbis\"|probably",
        "video/ogg; codecs=theora|probably",
        "audio/ogg; codecs=vorbis|probably",
        "audio/ogg; codecs=opus|''",
        "audio/ogg; codecs=flac|''",
        "audio/ogg; codecs=theora|''",
        "application/ogg|maybe",
        "video/webm; codecs=\"vp9, vorbis\"|''",
        "audio/webm; codecs=vorbis|probably",
        "video/webm|maybe",
        "video/x-matroska; codecs=\"hvc1.2.4.L120.B0, mp4a.40.2\"|probably",
        "video/x-matroska; codecs=\"theora, vorbis\"|probably",
        "video/x-flv|maybe",
        "video/x-flv; codecs=\"hvc1.1.6.L93.B0, mp4a.40.2\"|probably",
        "video/x-flv; codecs=\"theora\"|''",
        "audio/aac|maybe",
        "audio/aac; codecs=mp4a.40.2|probably",
        "video/H265|maybe",
        "video/hevc; codecs=hvc1.1.6.L93.B0|probably",
        "video/mp2t|''",
        "application/vnd.apple.mpegurl|''",
        "audio/mpeg|''",
        "''|''",
        "video/mp4; codecs=\"\"|''",
        "video/mp4; foo=bar|maybe",
    })
    void answersAsTheTableSays(String type, String expected) {
        assertEquals(expected, MediaTypes.canPlayType(type));
    }
}
