package org.kinora.vorbis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;
import org.kinora.core.Pcm;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.kinora.demux.ogg.OggDemuxer;

/** Reads the committed fixtures and decodes them the way {@code cli pcm} does. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve("vorbis");
    }

    static byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir().resolve(name));
    }

    /** The reference made by make.sh: FFmpeg's s16le output. */
    static short[] reference(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir().resolve(name)))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            byte[] b = out.toByteArray();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] & 0xFF) | b[2 * i + 1] << 8);
            }
            return s;
        }
    }

    /** The file's tracks and all its packets, copied. */
    static final class Demuxed {
        final List<TrackInfo> tracks = new ArrayList<>();
        final List<Packet> packets = new ArrayList<>();

        TrackInfo audio() {
            for (TrackInfo t : tracks) {
                if (t.type() == TrackType.AUDIO) {
                    return t;
                }
            }
            throw new AssertionError("no audio track");
        }
    }

    static Demuxed demux(byte[] file) {
        OggDemuxer d = new OggDemuxer();
        d.setInputLength(file.length);
        Demuxed out = new Demuxed();
        int pos = 0;
        while (true) {
            int r = d.poll();
            if (r == Demuxer.NEED_MORE_DATA) {
                if (pos >= file.length) {
                    d.endOfInput();
                } else {
                    int n = Math.min(65536, file.length - pos);
                    d.feed(file, pos, n);
                    pos += n;
                }
            } else if (r == Demuxer.SEEK) {
                pos = (int) d.seekPosition();
            } else if (r == Demuxer.TRACKS_CHANGED) {
                if (out.tracks.isEmpty()) {
                    out.tracks.addAll(d.tracks());
                }
            } else if (r == Demuxer.PACKET) {
                out.packets.add(d.packet().copy());
            } else {
                return out;
            }
        }
    }

    /** Decodes the first audio track to interleaved s16 as {@code cli pcm} does. */
    static short[] decodeS16(byte[] file) {
        Demuxed dm = demux(file);
        TrackInfo track = dm.audio();
        VorbisDecoder dec = new VorbisDecoder(track);
        ShortList out = new ShortList();
        for (Packet p : dm.packets) {
            if (p.trackId != track.id()) {
                continue;
            }
            dec.decode(p);
            drain(dec, out);
        }
        dec.flush();
        drain(dec, out);
        return out.toArray();
    }

    private static void drain(VorbisDecoder dec, ShortList out) {
        for (AudioBlock b = dec.receive(); b != null; b = dec.receive()) {
            for (int s = 0; s < b.frames; s++) {
                for (int c = 0; c < b.channels; c++) {
                    out.add((short) Pcm.toS16(b.samples[c][s]));
                }
            }
        }
    }

    static final class ShortList {
        short[] a = new short[1 << 16];
        int n;

        void add(short v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        short[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
