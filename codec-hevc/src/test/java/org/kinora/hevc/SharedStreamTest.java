package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;

/**
 * Real streams from other encoders (the shared media folder, see its README): every picture
 * equals ffmpeg's framemd5, made here with the installed ffmpeg, and every decoded picture hash
 * SEI (CRC, checksum) verifies. Skipped when the folder or ffmpeg is absent.
 */
class SharedStreamTest {
    static Path media() {
        for (String dir : new String[] {System.getProperty("kinora.media", ""), "../../shared/media", "../../../shared/media"}) {
            if (!dir.isEmpty() && Files.isDirectory(Path.of(dir))) {
                return Path.of(dir);
            }
        }
        return null;
    }

    private static Path stream(String name) {
        Path dir = media();
        Assumptions.assumeTrue(dir != null && Files.exists(dir.resolve(name)), "shared media folder with " + name + " not found");
        return dir.resolve(name);
    }

    /** ffmpeg's framemd5 of the stream, written to a temporary file. */
    private static List<String> ffmpegMd5s(Path stream) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kinora-hevc", ".framemd5");
        try {
            Process p;
            try {
                p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", stream.toString(), "-map", "0:v", "-f", "framemd5", "-y",
                        out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                Assumptions.abort("ffmpeg is not installed");
                return null;
            }
            assertEquals(0, p.waitFor(), "ffmpeg exit status");
            return FixtureSupport.referenceMd5s0(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** HM stream: CRA with RASL pictures (open GOP), B pictures, WPP, AMP, CRC hashes. */
    @Test
    void parisRandomAccessWpp() throws Exception {
        Path s = stream("libde265data_paris-ra-wpp.bin");
        List<String> expected = ffmpegMd5s(s);
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        List<String> actual = FixtureSupport.decode(d, FixtureSupport.accessUnits(Files.readAllBytes(s)));
        assertEquals(1000, expected.size());
        assertEquals(expected, actual);
        assertEquals(1000, d.hashesChecked());
        assertEquals(0, d.hashMismatches());
    }

    /**
     * 3x3 tiles, nine slices per picture, P pictures, checksum hashes. The file ends inside its
     * last access unit (one slice segment of nine): that picture fails and is concealed; it is
     * output but not compared, since what fills its lost slices is each decoder's own choice.
     */
    @Test
    void gpacCounterTiles() throws Exception {
        Path s = stream("gpac_counter.hvc");
        List<String> expected = ffmpegMd5s(s);
        List<byte[]> aus = FixtureSupport.accessUnits(Files.readAllBytes(s));
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        PictureDigest digest = new PictureDigest();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < aus.size(); i++) {
            byte[] au = aus.get(i);
            if (i == aus.size() - 1) {
                assertThrows(MalformedStreamException.class, () -> d.decode(new Packet(1, au, 0, au.length)));
            } else {
                d.decode(new Packet(1, au, 0, au.length));
            }
            for (Picture pic = d.receive(); pic != null; pic = d.receive()) {
                actual.add(digest.md5Hex(pic));
            }
        }
        d.flush();
        for (Picture pic = d.receive(); pic != null; pic = d.receive()) {
            actual.add(digest.md5Hex(pic));
        }
        assertEquals(252, expected.size());
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.subList(0, 251), actual.subList(0, 251));
        assertEquals(251, d.hashesChecked());
        assertEquals(0, d.hashMismatches());
    }
}
