package org.kinora.theora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.kinora.demux.ogg.OggDemuxer;

/** Reads the committed Theora fixtures: the video track's packets and FFmpeg's framemd5 reference. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve("theora");
    }

    static List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ogg")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** A demuxed video track. */
    static final class Track {
        TrackInfo info;
        final List<Packet> packets = new ArrayList<>();
    }

    static Track read(String name) throws IOException {
        byte[] file = Files.readAllBytes(dir().resolve(name));
        OggDemuxer d = new OggDemuxer();
        d.setInputLength(file.length);
        Track t = new Track();
        int pos = 0;
        for (int guard = 0; guard < 10_000_000; guard++) {
            int r = d.poll();
            switch (r) {
                case Demuxer.NEED_MORE_DATA:
                    if (pos >= file.length) {
                        d.endOfInput();
                    } else {
                        int n = Math.min(65536, file.length - pos);
                        d.feed(file, pos, n);
                        pos += n;
                    }
                    break;
                case Demuxer.SEEK:
                    pos = (int) d.seekPosition();
                    break;
                case Demuxer.TRACKS_CHANGED:
                    for (TrackInfo ti : d.tracks()) {
                        if (ti.type() == TrackType.VIDEO && t.info == null) {
                            t.info = ti;
                        }
                    }
                    break;
                case Demuxer.PACKET:
                    if (t.info != null && d.packet().trackId == t.info.id()) {
                        t.packets.add(d.packet().copy());
                    }
                    break;
                case Demuxer.END:
                    return t;
                default:
                    throw new AssertionError("poll returned " + r);
            }
        }
        throw new AssertionError("demuxer does not finish");
    }

    /** One line of a framemd5 file. */
    static final class Frame {
        final long pts;
        final int size;
        final String md5;

        Frame(long pts, int size, String md5) {
            this.pts = pts;
            this.size = size;
            this.md5 = md5;
        }

        @Override
        public String toString() {
            return "pts " + pts + " size " + size + " md5 " + md5;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame && ((Frame) o).pts == pts && ((Frame) o).size == size
                    && ((Frame) o).md5.equals(md5);
        }

        @Override
        public int hashCode() {
            return md5.hashCode();
        }
    }

    static List<Frame> reference(String name) throws IOException {
        List<Frame> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir().resolve(name + ".framemd5"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new Frame(Long.parseLong(f[2].trim()), Integer.parseInt(f[4].trim()), f[5].trim()));
        }
        return out;
    }
}
