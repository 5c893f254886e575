package org.kinora.demux.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.kinora.core.MediaException;
import org.kinora.core.Md5;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;

/**
 * The one test harness every demuxer's tests run (Media3's ExtractorAsserts is the model): the
 * same file fed whole, a byte at a time, in random chunk sizes, without its length, with reads cut
 * short and resumed, and after sniffing must give the same packets; seeks to 0, 1/3, 2/3 and the
 * end must give a tail of the full read; mutated files must end in a {@link MediaException} or
 * normally, within a bounded number of steps and a bounded allocation.
 */
public final class DemuxerHarness {
    private DemuxerHarness() {
    }

    /** How the bytes reach the demuxer. */
    public enum Mode {
        WHOLE, BYTE_AT_A_TIME, RANDOM_CHUNKS, UNKNOWN_LENGTH,
        /** Random chunks, each read cut short at a random point; the source resumes where it stopped, after empty feeds and polls. */
        IO_ERRORS,
        /** The format is found by {@link Demuxers#detect} on the first bytes, as the CLI and the worker do. */
        AFTER_SNIFF
    }

    /** What one run produced. */
    public static final class Run {
        public final List<Packet> packets = new ArrayList<>();
        public List<TrackInfo> tracks = new ArrayList<>();
        public double duration = Double.NaN;
        public int seeks;
        public Demuxer demuxer;

        public List<Packet> of(int trackId) {
            List<Packet> out = new ArrayList<>();
            for (Packet p : packets) {
                if (p.trackId == trackId) {
                    out.add(p);
                }
            }
            return out;
        }

        public List<String> described(int trackId) {
            List<String> out = new ArrayList<>();
            for (Packet p : of(trackId)) {
                out.add(describe(p));
            }
            return out;
        }
    }

    public static Path testdata(String area, String name) {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve(area).resolve(name);
    }

    public static byte[] read(String area, String name) throws IOException {
        return Files.readAllBytes(testdata(area, name));
    }

    /** Track, timestamps, key flag, trims, size and MD5 of the data. */
    public static String describe(Packet p) {
        return "track " + p.trackId + " pts " + p.pts + " dts " + p.dts + (p.keyframe ? " K" : " _") + " size " + p.length
                + " trim " + p.trimStart + "/" + p.trimEnd + " md5 " + md5(p);
    }

    public static String md5(Packet p) {
        Md5 md = new Md5();
        md.update(p.data, p.offset, p.length);
        return md.digestHex();
    }

    public static Run run(Supplier<Demuxer> factory, byte[] file, Mode mode) {
        return run(factory, file, mode, 1234);
    }

    public static Run run(Supplier<Demuxer> factory, byte[] file, Mode mode, long seed) {
        Demuxer d;
        if (mode == Mode.AFTER_SNIFF) {
            d = Demuxers.create(Demuxers.detect(file, Math.min(file.length, ContainerFormat.SNIFF_BYTES)));
        } else {
            d = factory.get();
        }
        if (mode != Mode.UNKNOWN_LENGTH) {
            d.setInputLength(file.length);
        }
        Run run = new Run();
        run.demuxer = d;
        drive(d, file, mode, new Random(seed), run, 50L * file.length + 100_000, -1);
        return run;
    }

    /** Random chunks with the length known; {@code seekTo(seconds)} as soon as the demuxer can seek, then only the packets after it. */
    public static Run runWithSeek(Supplier<Demuxer> factory, byte[] file, double seconds, long seed) {
        Demuxer d = factory.get();
        d.setInputLength(file.length);
        Run run = new Run();
        run.demuxer = d;
        drive(d, file, Mode.RANDOM_CHUNKS, new Random(seed), run, 50L * file.length + 100_000, seconds);
        return run;
    }

    /**
     * Polls {@code d} to the end, feeding {@code file} from {@code pos}. With {@code seekAt >= 0},
     * calls {@code seekTo(seekAt)} once the demuxer can seek, and records only the packets after it.
     */
    private static void drive(Demuxer d, byte[] file, Mode mode, Random rnd, Run run, long maxSteps, double seekAt) {
        int pos = 0;
        long steps = 0;
        boolean seekDone = seekAt < 0;
        while (true) {
            if (++steps > maxSteps) {
                throw new AssertionError("demuxer does not finish (" + steps + " polls)");
            }
            if (!seekDone && d.canSeek()) {
                d.seekTo(seekAt);
                seekDone = true;
                run.packets.clear();
            }
            int r = d.poll();
            switch (r) {
                case Demuxer.NEED_MORE_DATA:
                    if (pos >= file.length) {
                        d.endOfInput();
                        break;
                    }
                    int n;
                    switch (mode) {
                        case WHOLE:
                        case UNKNOWN_LENGTH:
                        case AFTER_SNIFF:
                            n = file.length - pos;
                            break;
                        case BYTE_AT_A_TIME:
                            n = 1;
                            break;
                        default:
                            n = 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 9000);
                            break;
                    }
                    n = Math.min(n, file.length - pos);
                    if (mode == Mode.IO_ERRORS && n > 1 && rnd.nextInt(4) == 0) {
                        // the read fails part way: what arrived is fed, the demuxer is polled with
                        // nothing new, and the source resumes from the same offset
                        n = rnd.nextInt(n);
                        d.feed(file, pos, n);
                        pos += n;
                        d.feed(file, pos, 0);
                        break;
                    }
                    d.feed(file, pos, n);
                    pos += n;
                    break;
                case Demuxer.SEEK:
                    long to = d.seekPosition();
                    if (to < 0 || to > file.length) {
                        throw new AssertionError("seek to " + to + " outside the file of " + file.length);
                    }
                    pos = (int) to;
                    run.seeks++;
                    break;
                case Demuxer.PACKET:
                    run.packets.add(d.packet().copy());
                    break;
                case Demuxer.TRACKS_CHANGED:
                    run.tracks = new ArrayList<>(d.tracks());
                    run.duration = d.durationSeconds();
                    break;
                case Demuxer.END:
                    run.duration = d.durationSeconds();
                    return;
                default:
                    throw new AssertionError("poll returned " + r);
            }
        }
    }

    /** Every feeding mode gives the packets of the whole-file read. Returns that read. */
    public static Run assertConsistent(Supplier<Demuxer> factory, byte[] file) {
        Run whole = run(factory, file, Mode.WHOLE);
        assertFalse(whole.tracks.isEmpty(), "tracks");
        assertFalse(whole.packets.isEmpty(), "packets");
        List<String> reference = describeAll(whole.packets);
        for (Mode m : Mode.values()) {
            if (m == Mode.WHOLE) {
                continue;
            }
            for (long seed = 1; seed <= (m == Mode.RANDOM_CHUNKS || m == Mode.IO_ERRORS ? 3 : 1); seed++) {
                Run r = run(factory, file, m, seed);
                assertEquals(reference, describeAll(r.packets), m + " seed " + seed);
                assertEquals(whole.tracks.size(), r.tracks.size(), m + ": tracks");
            }
        }
        return whole;
    }

    private static List<String> describeAll(List<Packet> packets) {
        List<String> out = new ArrayList<>();
        for (Packet p : packets) {
            out.add(describe(p));
        }
        return out;
    }

    /**
     * Seeks to 0, 1/3, 2/3 and the end of {@code duration}: each track's packets after the seek
     * are a tail of its packets in the full read, the first video packet is a keyframe at or
     * before the target, and a seek to 0 gives the full read.
     */
    public static void assertSeeks(Supplier<Demuxer> factory, byte[] file, Run full) {
        double duration = full.duration;
        assertTrue(duration > 0, "duration known: " + duration);
        double[] targets = {0, duration / 3, duration * 2 / 3, duration};
        for (double t : targets) {
            Demuxer d = factory.get();
            d.setInputLength(file.length);
            Run run = new Run();
            run.demuxer = d;
            drive(d, file, Mode.RANDOM_CHUNKS, new Random(7), run, 50L * file.length + 100_000, t);
            for (TrackInfo track : full.tracks) {
                List<String> all = full.described(track.id());
                List<String> after = run.described(track.id());
                if (t == 0) {
                    assertEquals(all, after, "seek to 0, track " + track.id());
                    continue;
                }
                if (after.isEmpty()) {
                    continue;
                }
                int k = all.indexOf(after.get(0));
                if (k < 0 && track.type() == TrackType.AUDIO && after.size() > 1) {
                    // the first audio packet after a seek may carry no usable time (Vorbis: its
                    // previous block size is unknown, so it decodes to nothing): the rest must match
                    after = after.subList(1, after.size());
                    k = all.indexOf(after.get(0));
                }
                assertTrue(k >= 0, "seek to " + t + ": first packet " + after.get(0) + " not in the full read; full read: " + all);
                assertEquals(all.subList(k, all.size()), after, "seek to " + t + ", track " + track.id());
                if (track.type() == TrackType.VIDEO) {
                    Packet first = run.of(track.id()).get(0);
                    assertTrue(first.keyframe, "seek to " + t + " starts at a keyframe");
                    assertTrue((double) first.pts / track.timescale() <= t + 1e-9, "keyframe at or before " + t + ": " + first.pts);
                }
            }
        }
    }

    /**
     * {@code count} mutants of {@code file} (fixed seed): random bytes changed, runs of bytes
     * overwritten, the file truncated. Each must end normally or with a {@link MediaException},
     * within a bounded number of polls and a bounded allocation.
     */
    public static int assertMutantsSafe(Supplier<Demuxer> factory, byte[] file, long seed, int count) {
        Random rnd = new Random(seed);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocationLimit = (64L << 20) + 64L * file.length;
        int errors = 0;
        for (int i = 0; i < count; i++) {
            byte[] m = file.clone();
            int kind = rnd.nextInt(4);
            int len = m.length;
            if (kind == 0) {
                len = rnd.nextInt(m.length);
            } else {
                int edits = 1 + rnd.nextInt(kind == 3 ? 40 : 6);
                for (int e = 0; e < edits; e++) {
                    int at = rnd.nextInt(m.length);
                    // structures sit near the start: bias a third of the edits there
                    if (rnd.nextInt(3) == 0) {
                        at = rnd.nextInt(Math.min(m.length, 1024));
                    }
                    int v = rnd.nextInt(5);
                    m[at] = (byte) (v == 0 ? 0xFF : v == 1 ? 0 : v == 2 ? m[at] ^ (1 << rnd.nextInt(8)) : rnd.nextInt(256));
                }
            }
            byte[] mutant = len == m.length ? m : java.util.Arrays.copyOf(m, len);
            long before = mx.getCurrentThreadAllocatedBytes();
            try {
                Demuxer d = factory.get();
                d.setInputLength(mutant.length);
                Run run = new Run();
                drive(d, mutant, Mode.RANDOM_CHUNKS, new Random(i), run, 50L * mutant.length + 100_000, -1);
            } catch (MediaException expected) {
                errors++;
            } catch (Throwable t) {
                AssertionError e = new AssertionError("mutant " + i + " (seed " + seed + "): " + t);
                e.initCause(t);
                throw e;
            }
            long used = mx.getCurrentThreadAllocatedBytes() - before;
            if (used > allocationLimit) {
                fail("mutant " + i + " (seed " + seed + ") allocated " + used + " bytes");
            }
        }
        return errors;
    }
}
