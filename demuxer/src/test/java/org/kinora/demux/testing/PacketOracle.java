package org.kinora.demux.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;

/**
 * The packet-exact oracle: a demuxer's packets equal {@code ffprobe -show_packets -show_data_hash
 * MD5} stored beside the fixture as {@code NAME.packets} (one line per packet:
 * stream_index|pts|dts|duration|size|flags|MD5:hex, made by the folder's make.sh). Stream index i
 * is the demuxer's track i in container order. Compared per track: pts, dts, key flag, size and
 * data MD5, in order.
 */
public final class PacketOracle {
    private PacketOracle() {
    }

    public static List<String[]> load(Path packets) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(packets)) {
            if (!line.isBlank()) {
                rows.add(line.split("\\|", -1));
            }
        }
        return rows;
    }

    /** ffprobe's lines for stream {@code index}, in our description form. */
    public static List<String> expected(List<String[]> rows, int index, int trackId) {
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            if (Integer.parseInt(r[0]) == index) {
                out.add(line(trackId, ts(r[1]), ts(r[2]), r[5].startsWith("K"), Integer.parseInt(r[4]), r[6].substring(4)));
            }
        }
        return out;
    }

    private static long ts(String s) {
        return "N/A".equals(s) ? Packet.NO_TIMESTAMP : Long.parseLong(s);
    }

    private static String line(int track, long pts, long dts, boolean key, int size, String md5) {
        return "track " + track + " pts " + (pts == Packet.NO_TIMESTAMP ? "N/A" : Long.toString(pts)) + " dts "
                + (dts == Packet.NO_TIMESTAMP ? "N/A" : Long.toString(dts)) + (key ? " K" : " _") + " size " + size + " md5 " + md5;
    }

    public static List<String> actual(DemuxerHarness.Run run, int trackId) {
        List<String> out = new ArrayList<>();
        for (Packet p : run.of(trackId)) {
            out.add(line(p.trackId, p.pts, p.dts, p.keyframe, p.length, DemuxerHarness.md5(p)));
        }
        return out;
    }

    /** Every track of {@code run} matches its stream in {@code packets}; returns the packet count compared. */
    public static int assertMatches(DemuxerHarness.Run run, Path packets) throws IOException {
        List<String[]> rows = load(packets);
        int streams = 0;
        for (String[] r : rows) {
            streams = Math.max(streams, Integer.parseInt(r[0]) + 1);
        }
        assertEquals(streams, run.tracks.size(), "tracks vs ffprobe streams");
        int compared = 0;
        for (int i = 0; i < run.tracks.size(); i++) {
            TrackInfo t = run.tracks.get(i);
            List<String> want = expected(rows, i, t.id());
            assertEquals(want, actual(run, t.id()), packets.getFileName() + " stream " + i);
            compared += want.size();
        }
        return compared;
    }
}
