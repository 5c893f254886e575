package org.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.hevc.params.HevcConfigRecord;
import org.kinora.demux.Demuxer;
import org.kinora.demux.flv.FlvDemuxer;

/**
 * WXInlinePlayer's own demo file (the shared media folder, see its README): HEVC as FLV video
 * codec id 12, which ffmpeg 5.1 cannot demux. The reference is ffmpeg's framemd5 of the HEVC taken
 * out of the tags here (the hvcC's parameter sets and the length-prefixed NAL units, as Annex B);
 * Kinora decodes the FLV itself. Skipped when the folder or ffmpeg is absent.
 */
class WxInlinePlayerFlvTest {
    private static final String NAME = "wxinlineplayer_10.flv";

    @TempDir
    Path tmp;

    private static Path media() {
        for (String dir : new String[] {System.getProperty("kinora.media", ""), "../../shared/media", "../../../shared/media"}) {
            if (!dir.isEmpty() && Files.exists(Path.of(dir, NAME))) {
                return Path.of(dir, NAME);
            }
        }
        Assumptions.abort("shared media folder with " + NAME + " not found");
        return null;
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

    private static final byte[] START_CODE = {0, 0, 0, 1};

    /**
     * The video track's HEVC as an Annex B stream (H.265 B.2): the NAL units of the hvcC's arrays
     * (ISO/IEC 14496-15 8.3.3.1), then each packet's NAL units, their length fields replaced by
     * start codes. Also returns the packet count in {@code count[0]}.
     */
    private static byte[] annexB(byte[] flv, int[] count) {
        FlvDemuxer d = new FlvDemuxer();
        d.setInputLength(flv.length);
        d.feed(flv, 0, flv.length);
        d.endOfInput();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lengthSize = -1;
        for (int guard = 0; guard < 1_000_000; guard++) {
            int r = d.poll();
            if (r == Demuxer.END) {
                break;
            }
            if (r == Demuxer.TRACKS_CHANGED && lengthSize < 0) {
                TrackInfo v = null;
                for (TrackInfo t : d.tracks()) {
                    if (t.id() == FlvDemuxer.VIDEO_TRACK) {
                        v = t;
                    }
                }
                assertEquals(TrackInfo.HEVC, v.codec());
                assertEquals(640, v.width());
                assertEquals(480, v.height());
                lengthSize = HevcConfigRecord.walk(v.codecConfig(), (type, data, offset, len) -> {
                    out.writeBytes(START_CODE);
                    out.write(data, offset, len);
                });
            } else if (r == Demuxer.PACKET && d.packet().trackId == FlvDemuxer.VIDEO_TRACK) {
                Packet pk = d.packet();
                assertTrue(lengthSize > 0, "hvcC before the first picture");
                int p = pk.offset;
                int end = pk.offset + pk.length;
                while (p < end) {
                    int len = 0;
                    for (int i = 0; i < lengthSize; i++) {
                        len = len << 8 | pk.data[p + i] & 0xFF;
                    }
                    p += lengthSize;
                    assertTrue(len > 0 && p + len <= end, "NAL unit length " + len);
                    out.writeBytes(START_CODE);
                    out.write(pk.data, p, len);
                    p += len;
                }
                count[0]++;
            } else if (r == Demuxer.NEED_MORE_DATA) {
                throw new AssertionError("demuxer wants more than the whole file");
            }
        }
        return out.toByteArray();
    }

    private static List<String> ffmpegHashes(Path annexB) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "hevc", "-i", annexB.toString(), "-f", "framemd5", "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            Assumptions.abort("ffmpeg is not installed");
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffmpeg exit status");
        return hashes(out.lines().toList());
    }

    @Test
    void everyPictureEqualsFfmpegsDecodeOfTheExtractedHevc() throws Exception {
        Path flv = media();
        int[] packets = {0};
        Path hevc = tmp.resolve("wx.hevc");
        Files.write(hevc, annexB(Files.readAllBytes(flv), packets));
        List<String> expected = ffmpegHashes(hevc);
        assertEquals(128, packets[0], "HEVC pictures in the tags");
        assertEquals(128, expected.size(), "pictures ffmpeg decodes");

        Object[] r = MainTest.run("framemd5", flv.toString());
        assertEquals(0, r[0], (String) r[2]);
        assertEquals(expected, hashes(((String) r[1]).lines().toList()));
    }
}
