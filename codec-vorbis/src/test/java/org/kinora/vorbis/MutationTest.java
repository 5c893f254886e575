package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.Random;
import org.kinora.core.AudioBlock;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.kinora.demux.ogg.OggDemuxer;
import org.junit.jupiter.api.Test;

/**
 * Randomly mutated fixtures (fixed seed) through demuxer and decoder: each run ends normally or
 * in a {@link MediaException}, never another exception, a hang or an out-of-range access. Half
 * of the mutants get their page checksums repaired so that the damage reaches the decoder.
 */
class MutationTest {
    private static final String[] FILES = {"mono_8k_q0.ogg", "stereo_11k_q3.ogg", "theora_vorbis.ogg", "surround51_48k_q3.ogg"};
    private static final int MUTANTS_PER_FILE = 250;

    @Test
    void mutantsEndCleanly() throws IOException {
        Random rnd = new Random(20261124L);
        int mediaErrors = 0;
        int clean = 0;
        int decodedSomething = 0;
        for (String name : FILES) {
            byte[] original = Fixtures.read(name);
            for (int m = 0; m < MUTANTS_PER_FILE; m++) {
                byte[] f = mutate(original, rnd);
                if (rnd.nextBoolean()) {
                    repairCrcs(f);
                }
                String what = name + " mutant " + m;
                try {
                    long samples = run(f, rnd);
                    clean++;
                    if (samples > 0) {
                        decodedSomething++;
                    }
                } catch (MediaException e) {
                    mediaErrors++;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    AssertionError a = new AssertionError(what + ": " + e);
                    a.initCause(e);
                    throw a;
                }
            }
        }
        // the mutations must exercise both outcomes
        System.out.println("mutation: media errors " + mediaErrors + ", clean " + clean + ", decoded " + decodedSomething);
        assertTrue(mediaErrors > 20, "media errors: " + mediaErrors);
        assertTrue(decodedSomething > 100, "runs that decoded audio: " + decodedSomething + " of " + clean);
    }

    /** Demuxes in random chunks and decodes the first audio track; returns the samples decoded. */
    private static long run(byte[] f, Random rnd) {
        OggDemuxer d = new OggDemuxer();
        d.setInputLength(f.length);
        VorbisDecoder dec = null;
        int audioId = 0;
        long samples = 0;
        int pos = 0;
        for (int steps = 0; ; steps++) {
            if (steps > 10 * f.length + 10_000) {
                fail("demuxer does not finish");
            }
            int r = d.poll();
            if (r == Demuxer.NEED_MORE_DATA) {
                if (pos >= f.length) {
                    d.endOfInput();
                } else {
                    int n = Math.min(1 + rnd.nextInt(5000), f.length - pos);
                    d.feed(f, pos, n);
                    pos += n;
                }
            } else if (r == Demuxer.SEEK) {
                long s = d.seekPosition();
                assertTrue(s >= 0 && s <= f.length, "seek to " + s);
                pos = (int) s;
            } else if (r == Demuxer.TRACKS_CHANGED) {
                if (dec == null) {
                    for (TrackInfo t : d.tracks()) {
                        if (t.type() == TrackType.AUDIO) {
                            dec = new VorbisDecoder(t);
                            audioId = t.id();
                            break;
                        }
                    }
                }
            } else if (r == Demuxer.PACKET) {
                Packet p = d.packet();
                if (dec != null && p.trackId == audioId) {
                    dec.decode(p);
                    for (AudioBlock b = dec.receive(); b != null; b = dec.receive()) {
                        samples += b.frames;
                        checkFinite(b);
                    }
                }
            } else if (r == Demuxer.END) {
                if (dec != null) {
                    dec.flush();
                    while (dec.receive() != null) {
                        samples++;
                    }
                }
                return samples;
            } else {
                fail("poll returned " + r);
            }
        }
    }

    private static void checkFinite(AudioBlock b) {
        for (int c = 0; c < b.channels; c++) {
            for (int i = 0; i < b.frames; i += 97) {
                float v = b.samples[c][i];
                assertTrue(v == v, "NaN sample");
            }
        }
    }

    static byte[] mutate(byte[] original, Random rnd) {
        byte[] f = original.clone();
        switch (rnd.nextInt(6)) {
            case 0: { // flip a few bytes
                int n = 1 + rnd.nextInt(8);
                for (int i = 0; i < n; i++) {
                    f[rnd.nextInt(f.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return f;
            }
            case 1: { // truncate
                return java.util.Arrays.copyOf(f, rnd.nextInt(f.length));
            }
            case 2: { // insert garbage
                int at = rnd.nextInt(f.length);
                byte[] junk = new byte[1 + rnd.nextInt(3000)];
                rnd.nextBytes(junk);
                byte[] out = new byte[f.length + junk.length];
                System.arraycopy(f, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(f, at, out, at + junk.length, f.length - at);
                return out;
            }
            case 3: { // zero a range
                int at = rnd.nextInt(f.length);
                int n = Math.min(f.length - at, 1 + rnd.nextInt(500));
                java.util.Arrays.fill(f, at, at + n, (byte) 0);
                return f;
            }
            case 4: { // corrupt inside the setup header region (first pages)
                int n = 1 + rnd.nextInt(4);
                int limit = Math.min(f.length, 6000);
                for (int i = 0; i < n; i++) {
                    f[rnd.nextInt(limit)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return f;
            }
            default: { // random bytes over a stretch of packet data
                int at = rnd.nextInt(f.length);
                int n = Math.min(f.length - at, 1 + rnd.nextInt(64));
                for (int i = 0; i < n; i++) {
                    f[at + i] = (byte) rnd.nextInt(256);
                }
                return f;
            }
        }
    }

    /** Recomputes the checksum of every page whose header and body lie inside the file. */
    static void repairCrcs(byte[] f) {
        for (int p = 0; p + 27 <= f.length; p++) {
            if (f[p] != 'O' || f[p + 1] != 'g' || f[p + 2] != 'g' || f[p + 3] != 'S') {
                continue;
            }
            int segs = f[p + 26] & 0xFF;
            if (p + 27 + segs > f.length) {
                continue;
            }
            int body = 0;
            for (int i = 0; i < segs; i++) {
                body += f[p + 27 + i] & 0xFF;
            }
            int len = 27 + segs + body;
            if (p + len > f.length) {
                continue;
            }
            for (int i = 22; i < 26; i++) {
                f[p + i] = 0;
            }
            int crc = 0;
            for (int i = 0; i < len; i++) {
                crc ^= (f[p + i] & 0xFF) << 24;
                for (int k = 0; k < 8; k++) {
                    crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
                }
            }
            f[p + 22] = (byte) crc;
            f[p + 23] = (byte) (crc >> 8);
            f[p + 24] = (byte) (crc >> 16);
            f[p + 25] = (byte) (crc >>> 24);
        }
    }
}
