package org.kinora.theora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;
import org.kinora.core.TrackInfo;

/**
 * Bad input, made with a fixed seed: truncated, bit-flipped and overwritten packets and headers
 * must end in a {@link MediaException} or a picture, never another exception or a hang, and the
 * decoder must recover at the next intact keyframe.
 */
class TheoraMutationTest {
    private static final String[] FILES = {
        "testsrc2_320x240_q6.ogg", "yuv422_176x144.ogg", "yuv444_odd_67x37.ogg", "motion_scroll.ogg",
        "bitrate_30k.ogg", "tiny_20x10.ogg",
    };

    private final PictureDigest digest = new PictureDigest();
    private int pictures;
    private int errors;

    private static byte[] mutate(byte[] in, Random r) {
        byte[] d = in.clone();
        switch (r.nextInt(5)) {
            case 0: {
                // truncate
                byte[] t = new byte[d.length == 0 ? 0 : r.nextInt(d.length)];
                System.arraycopy(d, 0, t, 0, t.length);
                return t;
            }
            case 1:
                for (int i = 1 + r.nextInt(8); i > 0 && d.length > 0; i--) {
                    d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return d;
            case 2:
                for (int i = 1 + r.nextInt(16); i > 0 && d.length > 0; i--) {
                    d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                }
                return d;
            case 3: {
                // random tail after an intact start
                int from = d.length == 0 ? 0 : r.nextInt(d.length);
                for (int i = from; i < d.length; i++) {
                    d[i] = (byte) r.nextInt(256);
                }
                return d;
            }
            default: {
                // all ones or all zeros after the frame header
                int v = r.nextBoolean() ? 0xFF : 0;
                for (int i = Math.min(2, d.length); i < d.length; i++) {
                    d[i] = (byte) v;
                }
                return d;
            }
        }
    }

    /** Feeds every packet; returns how many decoded without an error. */
    private void run(TheoraDecoder d, List<Packet> packets) {
        for (Packet p : packets) {
            try {
                d.decode(p);
                Picture pic = d.receive();
                if (pic != null) {
                    assertEquals(32, digest.md5Hex(pic).length());
                    pictures++;
                }
            } catch (MediaException e) {
                errors++;
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedPacketsEndInMediaExceptionOrAPicture() throws IOException {
        Random r = new Random(0x7E0A);
        for (String name : FILES) {
            Fixtures.Track t = Fixtures.read(name);
            List<Fixtures.Frame> ref = Fixtures.reference(name);
            for (int round = 0; round < 12; round++) {
                List<Packet> packets = new ArrayList<>();
                int lastMutated = -1;
                for (int i = 0; i < t.packets.size(); i++) {
                    Packet p = t.packets.get(i).copy();
                    if (r.nextInt(4) == 0) {
                        byte[] m = mutate(p.data, r);
                        Packet q = new Packet(p.trackId, m, 0, m.length);
                        q.pts = p.pts;
                        q.keyframe = p.keyframe;
                        p = q;
                        lastMutated = i;
                    }
                    packets.add(p);
                }
                TheoraDecoder d = new TheoraDecoder(t.info);
                run(d, packets);
                // Recovery: after a reset, the intact stream decodes exactly again.
                d.reset();
                List<Fixtures.Frame> again = TheoraFixturesTest.decode(t, d);
                assertEquals(ref, again, name + " after mutated round " + round + " (last mutated " + lastMutated + ")");
            }
        }
        assertTrue(errors > 100, "mutations were detected: " + errors);
        assertTrue(pictures > 1000, "concealed pictures: " + pictures);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedHeadersEndInMediaException() throws IOException {
        Random r = new Random(0x5E7);
        Fixtures.Track t = Fixtures.read("testsrc2_320x240_q6.ogg");
        List<byte[]> headers = t.info.codecHeaders();
        int rejected = 0;
        for (int round = 0; round < 300; round++) {
            TrackInfo.Builder b = new TrackInfo.Builder(t.info.id(), t.info.type(), t.info.codec())
                    .timescale(t.info.timescale());
            int which = r.nextInt(3);
            for (int h = 0; h < 3; h++) {
                byte[] data = headers.get(h);
                if (h == which) {
                    data = mutate(data, r);
                }
                b.addCodecHeader(data);
            }
            TheoraDecoder d;
            try {
                d = new TheoraDecoder(b.build());
            } catch (MediaException e) {
                rejected++;
                continue;
            }
            run(d, t.packets.subList(0, 6));
        }
        assertTrue(rejected > 50, "mutated headers rejected: " + rejected);
    }
}
