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
        return assertMatches(run, packets, null);
    }

    /**
     * Where the demuxer reports no pts (a laced Matroska frame after the first when neither
     * BlockDuration nor DefaultDuration gives the lace's duration), ffprobe's pts and dts, which
     * FFmpeg derives from its codec parsers' durations, are not compared.
     */
    private static List<String> unknownWhereUnknown(List<String> want, List<String> got) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (i < got.size() && got.get(i).contains(" pts N/A")) {
                w = w.replaceAll(" pts [^ ]+", " pts N/A").replaceAll(" dts [^ ]+", " dts N/A");
            }
            out.add(w);
        }
        return out;
    }

    private static List<String> withoutDts(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.replaceAll(" dts [^ ]+", ""));
        }
        return out;
    }

    /**
     * As {@link #assertMatches(DemuxerHarness.Run, Path)} for containers that store no decode
     * times and not every frame's time (Matroska): dts is not compared on the tracks {@code
     * ignoreDts} accepts (ffprobe's dts of reordered video is FFmpeg's own guess), and pts is not
     * compared where the demuxer reports none (see {@link #unknownWhereUnknown}).
     */
    public static int assertMatches(DemuxerHarness.Run run, Path packets, java.util.function.Predicate<TrackInfo> ignoreDts)
            throws IOException {
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
            List<String> got = actual(run, t.id());
            if (ignoreDts != null && ignoreDts.test(t)) {
                want = withoutDts(want);
                got = withoutDts(got);
            }
            if (ignoreDts != null) {
                want = unknownWhereUnknown(want, got);
            }
            assertEquals(want, got, packets.getFileName() + " stream " + i);
            compared += want.size();
        }
        return compared;
    }

    /**
     * The demuxer delivers the packets in ffprobe's order across tracks too: the sequence of
     * (stream index, data MD5) is the same.
     */
    public static void assertSameOrder(DemuxerHarness.Run run, Path packets) throws IOException {
        List<String> want = new ArrayList<>();
        for (String[] r : load(packets)) {
            want.add(r[0] + " " + r[6].substring(4));
        }
        List<String> got = new ArrayList<>();
        for (Packet p : run.packets) {
            int index = -1;
            for (int i = 0; i < run.tracks.size(); i++) {
                if (run.tracks.get(i).id() == p.trackId) {
                    index = i;
                }
            }
            got.add(index + " " + DemuxerHarness.md5(p));
        }
        assertEquals(want, got, packets.getFileName() + ": order across tracks");
    }
}
