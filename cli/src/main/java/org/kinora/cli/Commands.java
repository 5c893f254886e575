package org.kinora.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kinora.codecs.Codecs;
import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.Pcm;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.core.VideoDecoder;
import org.kinora.demux.Demuxer;
import org.kinora.hevc.HevcDecoder;

/** The commands of {@link Main}. */
final class Commands {
    private Commands() {
    }

    static void probe(Path file, PrintStream out) throws IOException {
        try (FileSource src = new FileSource(file)) {
            List<TrackInfo> tracks = src.readTracks();
            out.println("container: " + src.format().label());
            out.println("size: " + Files.size(file) + " bytes");
            double d = src.demuxer().durationSeconds();
            out.println("duration: " + (Double.isNaN(d) ? "unknown" : String.format(Locale.ROOT, "%.3f s", d)));
            if (tracks.isEmpty()) {
                throw new MediaException("no tracks found");
            }
            for (TrackInfo t : tracks) {
                out.println(t);
            }
            for (TrackInfo t : tracks) {
                if (TrackInfo.AAC.equals(t.codec()) && t.codecConfig() != null) {
                    out.println("track " + t.id() + ": " + describeAac(src, t));
                }
            }
        }
    }

    /**
     * What an AAC track holds and what Kinora leaves out: SBR / PS signalled in the
     * AudioSpecificConfig, or (implicit signalling, as in ADTS) SBR payloads in the first blocks.
     */
    private static String describeAac(FileSource src, TrackInfo t) throws IOException {
        org.kinora.aac.AacDecoder d = new org.kinora.aac.AacDecoder(t);
        String s = d.config().describe();
        if (d.config().sbrPresent) {
            return s;
        }
        for (int seen = 0; seen < 8 && src.next() != Demuxer.END; ) {
            Packet p = src.packet();
            if (p != null && p.trackId == t.id()) {
                try {
                    d.decode(p);
                } catch (MediaException e) {
                    break;
                }
                seen++;
            }
        }
        if (t.channels() == 0 && d.channels() > 0) {
            s += ", " + d.channels() + " channels (program_config_element)";
        }
        return d.sbrPayloads() > 0 ? s + " (HE-AAC: SBR data present, not decoded; the core plays at "
                + d.config().samplingFrequency + " Hz)" : s;
    }

    /** Finds the first track of a type, or fails with a one-line reason. */
    private static TrackInfo first(List<TrackInfo> tracks, TrackType type) {
        // the first track of the type that has a decoder, else the first of the type (its error names the codec)
        for (TrackInfo t : tracks) {
            if (t.type() == type && Codecs.canDecode(t)) {
                return t;
            }
        }
        for (TrackInfo t : tracks) {
            if (t.type() == type) {
                return t;
            }
        }
        throw new MediaException(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED, "no " + type.name().toLowerCase(Locale.ROOT) + " track");
    }

    static void frameMd5(Path file, PrintStream out) throws IOException {
        try (FileSource src = new FileSource(file)) {
            TrackInfo track = first(src.readTracks(), TrackType.VIDEO);
            VideoDecoder decoder = Codecs.video(track);
            PictureDigest digest = new PictureDigest();
            out.println("#format: frame checksums");
            out.println("#version: 2");
            out.println("#hash: MD5");
            out.println("#tb 0: 1/" + track.timescale());
            out.println("#media_type 0: video");
            out.println("#dimensions 0: " + track.width() + "x" + track.height());
            out.println("#stream#, dts,        pts, duration,     size, hash");
            int[] frames = {0};
            PictureSink sink = pic -> {
                long pts = pic.pts == Packet.NO_TIMESTAMP ? frames[0] : pic.pts;
                out.printf(Locale.ROOT, "0, %10d, %10d, %8d, %8d, %s%n", pts, pts, 1, PictureDigest.size(pic), digest.md5Hex(pic));
                frames[0]++;
            };
            decodeVideo(src, track, decoder, sink);
            if (decoder instanceof HevcDecoder) {
                HevcDecoder h = (HevcDecoder) decoder;
                out.println("# sei-md5: checked " + h.hashesChecked() + ", mismatches " + h.hashMismatches());
            }
        }
    }

    interface PictureSink {
        void accept(Picture picture);
    }

    private static void decodeVideo(FileSource src, TrackInfo track, VideoDecoder decoder, PictureSink sink) throws IOException {
        while (true) {
            int r = src.next();
            if (r == Demuxer.END) {
                break;
            }
            // FFmpeg's Ogg demuxer drops 0-byte packets (Theora's dropped frames), so its framemd5
            // has no line for them; skip them too instead of listing the repeated picture.
            if (r == Demuxer.PACKET && src.packet().trackId == track.id() && src.packet().length > 0) {
                decoder.decode(src.packet());
                drain(decoder, sink);
            }
        }
        decoder.flush();
        drain(decoder, sink);
    }

    private static void drain(VideoDecoder decoder, PictureSink sink) {
        for (Picture p = decoder.receive(); p != null; p = decoder.receive()) {
            sink.accept(p);
        }
    }

    static void pcm(Path file, String outName, PrintStream stdout) throws IOException {
        try (FileSource src = new FileSource(file)) {
            TrackInfo track = first(src.readTracks(), TrackType.AUDIO);
            AudioDecoder decoder = Codecs.audio(track);
            OutputStream os = "-".equals(outName) ? stdout : Files.newOutputStream(Path.of(outName));
            try (BufferedOutputStream out = new BufferedOutputStream(os, 1 << 16)) {
                byte[] buf = new byte[0];
                while (true) {
                    int r = src.next();
                    if (r == Demuxer.PACKET && src.packet().trackId == track.id()) {
                        decoder.decode(src.packet());
                    } else if (r == Demuxer.END) {
                        decoder.flush();
                    } else {
                        continue;
                    }
                    for (AudioBlock b = decoder.receive(); b != null; b = decoder.receive()) {
                        int n = b.frames * b.channels * 2;
                        if (buf.length < n) {
                            buf = new byte[n];
                        }
                        int i = 0;
                        for (int s = 0; s < b.frames; s++) {
                            for (int c = 0; c < b.channels; c++) {
                                int v = Pcm.toS16(b.samples[c][s]);
                                buf[i++] = (byte) v;
                                buf[i++] = (byte) (v >> 8);
                            }
                        }
                        out.write(buf, 0, n);
                    }
                    if (r == Demuxer.END) {
                        break;
                    }
                }
            }
        }
    }

    static void bench(Path file, PrintStream out) throws IOException {
        List<TrackInfo> tracks;
        List<Packet> video = new ArrayList<>();
        List<Packet> audio = new ArrayList<>();
        TrackInfo videoTrack = null;
        TrackInfo audioTrack = null;
        try (FileSource src = new FileSource(file)) {
            tracks = src.readTracks();
            for (TrackInfo t : tracks) {
                if (t.type() == TrackType.VIDEO && videoTrack == null) {
                    videoTrack = t;
                } else if (t.type() == TrackType.AUDIO && audioTrack == null) {
                    audioTrack = t;
                }
            }
            while (src.next() != Demuxer.END) {
                Packet p = src.packet();
                if (p == null) {
                    continue;
                }
                if (videoTrack != null && p.trackId == videoTrack.id()) {
                    video.add(p.copy());
                } else if (audioTrack != null && p.trackId == audioTrack.id()) {
                    audio.add(p.copy());
                }
            }
        }
        if (videoTrack == null && audioTrack == null) {
            throw new MediaException("no audio or video track");
        }
        if (videoTrack != null) {
            TrackInfo t = videoTrack;
            Result r = measure(() -> decodeAllVideo(t, video));
            out.printf(Locale.ROOT, "video %s %dx%d: %d frames, %.1f frames/s (%d runs), %.1f frames per CPU second%n",
                    t.codec(), t.width(), t.height(), r.units, r.units * r.runs / r.seconds, r.runs,
                    r.units * r.runs / r.cpuSeconds);
        }
        if (audioTrack != null) {
            TrackInfo t = audioTrack;
            Result r = measure(() -> decodeAllAudio(t, audio));
            double mediaSeconds = (double) r.units / t.sampleRate();
            out.printf(Locale.ROOT, "audio %s %d Hz %d ch: %.2f s of audio, %.1fx realtime (%d runs)%n",
                    t.codec(), t.sampleRate(), t.channels(), mediaSeconds, mediaSeconds * r.runs / r.seconds, r.runs);
        }
    }

    private interface Run {
        long once();
    }

    private static final class Result {
        long units;
        int runs;
        double seconds;
        /** CPU time of the decoding thread over the timed runs (the machine may be busy with others). */
        double cpuSeconds;
    }

    /** Warms up for about 2 s, then times whole runs for at least 3 s. */
    private static Result measure(Run run) {
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        do {
            run.once();
        } while (System.nanoTime() < warmEnd);
        Result r = new Result();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long now;
        do {
            r.units = run.once();
            r.runs++;
            now = System.nanoTime();
        } while (now - start < 3_000_000_000L);
        r.seconds = (now - start) / 1e9;
        r.cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return r;
    }

    private static long decodeAllVideo(TrackInfo track, List<Packet> packets) {
        VideoDecoder d = Codecs.video(track);
        long frames = 0;
        for (Packet p : packets) {
            d.decode(p);
            while (d.receive() != null) {
                frames++;
            }
        }
        d.flush();
        while (d.receive() != null) {
            frames++;
        }
        return frames;
    }

    private static long decodeAllAudio(TrackInfo track, List<Packet> packets) {
        AudioDecoder d = Codecs.audio(track);
        long samples = 0;
        for (Packet p : packets) {
            d.decode(p);
            for (AudioBlock b = d.receive(); b != null; b = d.receive()) {
                samples += b.frames;
            }
        }
        d.flush();
        for (AudioBlock b = d.receive(); b != null; b = d.receive()) {
            samples += b.frames;
        }
        return samples;
    }
}
