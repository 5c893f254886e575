package org.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding through the MP4 and Matroska demuxers equals FFmpeg: picture MD5s against
 * {@code ffmpeg -f framemd5}, Vorbis PCM against {@code ffmpeg -f s16le} within 1 LSB with the same
 * sample count (testdata/mp4 and testdata/matroska make.sh).
 */
class ContainerDecodeTest {
    @TempDir
    Path tmp;

    private static Path testdata(String area, String name) {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve(area).resolve(name);
    }

    /** The hash column of a framemd5 listing. */
    private static List<String> hashes(String framemd5) {
        List<String> out = new ArrayList<>();
        for (String line : framemd5.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split(",");
                out.add(f[f.length - 1].trim());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"matroska,theora_vorbis.mkv,theora_vorbis.framemd5", "matroska,laced_nocues.mkv,theora_vorbis.framemd5",
        "mp4,intra.mp4,intra.framemd5", "mp4,intra_main10.mp4,intra_main10.framemd5",
        "matroska,hevc_intra.mkv,hevc_intra.framemd5"})
    void picturesEqualFfmpeg(String area, String name, String reference) throws IOException {
        Object[] r = MainTest.run("framemd5", testdata(area, name).toString());
        assertEquals(0, r[0], (String) r[2]);
        List<String> want = hashes(Files.readString(testdata(area, reference)));
        assertTrue(want.size() > 0);
        assertEquals(want, hashes((String) r[1]));
    }

    @ParameterizedTest
    @CsvSource({"theora_vorbis.mkv,theora_vorbis.s16.gz", "vorbis.webm,vorbis.s16.gz", "live.webm,vorbis.s16.gz",
        "laced_nocues.mkv,theora_vorbis.s16.gz"})
    void vorbisEqualsFfmpeg(String name, String reference) throws IOException {
        Path out = tmp.resolve("out.s16");
        Object[] r = MainTest.run("pcm", testdata("matroska", name).toString(), out.toString());
        assertEquals(0, r[0], (String) r[2]);
        byte[] got = Files.readAllBytes(out);
        byte[] want;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(testdata("matroska", reference)))) {
            want = in.readAllBytes();
        }
        assertEquals(want.length, got.length, "sample count");
        int worst = 0;
        for (int i = 0; i + 1 < want.length; i += 2) {
            int a = (short) ((want[i] & 0xFF) | want[i + 1] << 8);
            int b = (short) ((got[i] & 0xFF) | got[i + 1] << 8);
            worst = Math.max(worst, Math.abs(a - b));
        }
        assertTrue(worst <= 1, "largest difference " + worst);
    }

    private byte[] pcm(String area, String name) throws IOException {
        Path out = tmp.resolve("out.s16");
        Object[] r = MainTest.run("pcm", testdata(area, name).toString(), out.toString());
        assertEquals(0, r[0], (String) r[2]);
        return Files.readAllBytes(out);
    }

    /** AAC through MP4 (edit list: the priming trimmed) and Matroska (EBML-laced) within 2 LSB and 0.5 LSB RMS of ffmpeg. */
    @ParameterizedTest
    @CsvSource({"mp4,moov_last.mp4,moov_last.s16.gz", "mp4,frag.mp4,frag.s16.gz", "mp4,frag_sidx.mp4,frag.s16.gz",
        "matroska,hevc_aac_laced.mkv,../mp4/frag.s16.gz"})
    void aacEqualsFfmpeg(String area, String name, String reference) throws IOException {
        byte[] got = pcm(area, name);
        byte[] want;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(testdata(area, reference)))) {
            want = in.readAllBytes();
        }
        assertEquals(want.length, got.length, "sample count");
        int worst = 0;
        double sum = 0;
        for (int i = 0; i + 1 < want.length; i += 2) {
            int d = (short) ((want[i] & 0xFF) | want[i + 1] << 8) - (short) ((got[i] & 0xFF) | got[i + 1] << 8);
            worst = Math.max(worst, Math.abs(d));
            sum += (double) d * d;
        }
        assertTrue(worst <= 2, "largest difference " + worst);
        assertTrue(Math.sqrt(sum / (want.length / 2)) <= 0.5, "RMS difference");
    }

    /** G.711 in QuickTime: exactly ffmpeg's samples. */
    @ParameterizedTest
    @CsvSource({"alaw.mov,alaw.s16.md5", "ulaw.mov,ulaw.s16.md5"})
    void g711EqualsFfmpeg(String name, String reference) throws IOException {
        org.kinora.core.Md5 md5 = new org.kinora.core.Md5();
        md5.update(pcm("mp4", name));
        assertEquals(Files.readString(testdata("mp4", reference)).trim(), md5.digestHex());
    }
}
