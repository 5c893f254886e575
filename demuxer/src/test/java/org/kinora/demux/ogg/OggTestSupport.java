package org.kinora.demux.ogg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.demux.Demuxer;

/** Drives a demuxer over an in-memory file the way a player would, answering SEEK requests. */
final class OggTestSupport {
    private OggTestSupport() {
    }

    static Path testdata(String area, String name) {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve(area).resolve(name);
    }

    static byte[] read(String name) throws IOException {
        return Files.readAllBytes(testdata("vorbis", name));
    }

    /** What a demuxer run produced. */
    static final class Run {
        final List<Packet> packets = new ArrayList<>();
        final List<List<TrackInfo>> trackLists = new ArrayList<>();
        int seeks;
        /** Where each seek asked to go, and the file position the run had reached when it asked. */
        final List<Long> seekPositions = new ArrayList<>();
        final List<Long> reachedAtSeek = new ArrayList<>();
        /** Bytes fed in all, re-reads after seeks included. */
        long bytesFed;
        double duration = Double.NaN;
        OggDemuxer demuxer;

        int badPagesOrZero() {
            return demuxer.badPages();
        }

        List<Packet> of(int trackId) {
            List<Packet> out = new ArrayList<>();
            for (Packet p : packets) {
                if (p.trackId == trackId) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    static Run demux(byte[] file, int chunk, boolean knowLength) {
        OggDemuxer d = new OggDemuxer();
        if (knowLength) {
            d.setInputLength(file.length);
        }
        Run run = new Run();
        run.demuxer = d;
        int pos = 0;
        int guard = 0;
        while (true) {
            if (++guard > 50_000_000) {
                throw new AssertionError("demuxer does not finish");
            }
            int r = d.poll();
            switch (r) {
                case Demuxer.NEED_MORE_DATA:
                    if (pos >= file.length) {
                        d.endOfInput();
                    } else {
                        int n = Math.min(chunk, file.length - pos);
                        d.feed(file, pos, n);
                        pos += n;
                        run.bytesFed += n;
                    }
                    break;
                case Demuxer.SEEK:
                    run.reachedAtSeek.add((long) pos);
                    run.seekPositions.add(d.seekPosition());
                    pos = (int) d.seekPosition();
                    run.seeks++;
                    break;
                case Demuxer.PACKET:
                    run.packets.add(d.packet().copy());
                    break;
                case Demuxer.TRACKS_CHANGED:
                    run.trackLists.add(d.tracks());
                    run.duration = d.durationSeconds();
                    break;
                case Demuxer.END:
                    return run;
                default:
                    throw new AssertionError("poll returned " + r);
            }
        }
    }

    /** Samples a Vorbis packet list yields: durations less the trims. */
    static long samples(List<Packet> packets) {
        long n = 0;
        for (Packet p : packets) {
            n += p.duration - p.trimStart - p.trimEnd;
        }
        return n;
    }
}
