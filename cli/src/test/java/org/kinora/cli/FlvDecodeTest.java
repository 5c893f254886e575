package org.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEVC in FLV decoded end to end: the pictures equal FFmpeg's. */
class FlvDecodeTest {
    @TempDir
    Path tmp;

    private static Path flv(String name) {
        return Path.of(System.getProperty("kinora.testdata", "../testdata"), "flv", name);
    }

    /** The MD5 column of a framemd5 listing, in order. */
    private static List<String> hashes(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#") && !l.isBlank()) {
                String[] f = l.split(",");
                out.add(f[f.length - 1].trim());
            }
        }
        return out;
    }

    @Test
    void codecId12IntraPicturesEqualFfmpeg() throws IOException {
        Object[] r = MainTest.run("framemd5", flv("hevc12_intra.flv").toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> out = ((String) r[1]).lines().toList();
        List<String> expected = hashes(Files.readAllLines(flv("hevc12_intra.framemd5")));
        assertEquals(10, expected.size());
        assertEquals(expected, hashes(out));
        assertTrue(out.contains("# sei-md5: checked 10, mismatches 0"), String.join("\n", out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alaw", "hevc_mulaw"})
    void g711SamplesEqualFfmpeg(String name) throws IOException {
        Path out = tmp.resolve(name + ".s16");
        Object[] r = MainTest.run("pcm", flv(name + ".flv").toString(), out.toString());
        assertEquals(0, r[0], (String) r[2]);
        org.kinora.core.Md5 md5 = new org.kinora.core.Md5();
        md5.update(Files.readAllBytes(out));
        assertEquals(Files.readString(flv(name + ".s16.md5")).trim(), md5.digestHex());
    }

    @Test
    void probeNamesTheFlvTracks() {
        Object[] r = MainTest.run("probe", flv("hevc_mulaw.flv").toString());
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("container: flv"), out);
        assertTrue(out.contains("video hevc, 208x120"), out);
        assertTrue(out.contains("audio mulaw, 8000 Hz, 2 channels"), out);
    }
}
