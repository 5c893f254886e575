package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/** The VideoDecoder contract: hvcC input, output order and cropping, P/B refusal, reset. */
class DecoderApiTest {
    /** NAL units (without start codes) of an Annex B buffer. */
    private static List<byte[]> nalUnits(byte[] s) {
        List<byte[]> out = new ArrayList<>();
        Nal.split(s, 0, s.length, 0, (d, o, n) -> {
            byte[] b = new byte[n];
            System.arraycopy(d, o, b, 0, n);
            out.add(b);
        });
        return out;
    }

    private static int type(byte[] nal) {
        return (nal[0] >> 1) & 0x3F;
    }

    @Test
    void lengthPrefixedInputWithHvcCGivesTheSamePictures() {
        String name = "intra_sao";
        byte[] stream = FixtureSupport.read(name + ".hevc");
        List<byte[]> aus = FixtureSupport.accessUnits(stream);
        ByteArrayOutputStream config = new ByteArrayOutputStream();
        config.write(1); // configurationVersion
        for (int i = 1; i < 21; i++) {
            config.write(0);
        }
        config.write(0xFC | 3); // lengthSizeMinusOne = 3
        List<byte[]> sets = new ArrayList<>();
        for (byte[] nal : nalUnits(aus.get(0))) {
            if (type(nal) >= 32 && type(nal) <= 34) {
                sets.add(nal);
            }
        }
        config.write(sets.size());
        for (byte[] nal : sets) {
            config.write(0x80 | type(nal));
            config.write(0);
            config.write(1);
            config.write(nal.length >> 8);
            config.write(nal.length & 0xFF);
            config.write(nal, 0, nal.length);
        }
        TrackInfo track = new TrackInfo.Builder(1, TrackType.VIDEO, TrackInfo.HEVC).codecConfig(config.toByteArray()).build();
        List<byte[]> packets = new ArrayList<>();
        for (byte[] au : aus) {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            for (byte[] nal : nalUnits(au)) {
                if (type(nal) >= 32 && type(nal) <= 34) {
                    continue; // parameter sets come from hvcC only
                }
                p.write(nal.length >>> 24);
                p.write(nal.length >> 16);
                p.write(nal.length >> 8);
                p.write(nal.length);
                p.write(nal, 0, nal.length);
            }
            packets.add(p.toByteArray());
        }
        HevcDecoder d = new HevcDecoder(track);
        assertEquals(FixtureSupport.referenceMd5s(name + ".framemd5"), FixtureSupport.decode(d, packets));
        assertEquals(0, d.hashMismatches());
        assertEquals(2, d.hashesChecked());
    }

    @Test
    void picturesAreCroppedAndCarryPacketTimestamps() {
        byte[] stream = FixtureSupport.read("intra_odd.hevc");
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        List<byte[]> aus = FixtureSupport.accessUnits(stream);
        Packet p = new Packet(1, aus.get(0), 0, aus.get(0).length);
        p.pts = 1234;
        d.decode(p);
        Picture pic = d.receive();
        assertNotNull(pic);
        assertEquals(98, pic.cropWidth);
        assertEquals(66, pic.cropHeight);
        assertEquals(0, pic.cropX);
        assertEquals(104, pic.width); // coded size: a multiple of the 8x8 minimum coding block
        assertEquals(72, pic.height);
        assertEquals(1234, pic.pts);
        assertEquals(8, pic.bitDepth);
        assertEquals(true, pic.keyframe);
        assertEquals(FixtureSupport.referenceMd5s("intra_odd.framemd5").get(0), new PictureDigest().md5Hex(pic));
        assertNull(d.receive());
        d.reset();
        d.flush();
        assertNull(d.receive());
    }

    @Test
    void aWrongPictureHashIsCountedAndDecodingGoesOn() {
        byte[] stream = FixtureSupport.read("intra_plain.hevc").clone();
        // find the first suffix SEI (type 40) and change one byte of its MD5
        int sei = -1;
        for (int i = 0; i + 4 < stream.length && sei < 0; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1 && ((stream[i + 3] >> 1) & 0x3F) == Nal.SUFFIX_SEI) {
                sei = i + 3;
            }
        }
        assertEquals((byte) 132, stream[sei + 2]); // payloadType: decoded picture hash
        assertEquals(0, stream[sei + 4]); // hash_type MD5
        stream[sei + 10] ^= 0x10;
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        List<String> md5s = FixtureSupport.decode(d, FixtureSupport.accessUnits(stream));
        assertEquals(FixtureSupport.referenceMd5s("intra_plain.framemd5"), md5s);
        assertEquals(2, d.hashesChecked());
        assertEquals(1, d.hashMismatches());
    }

    @Test
    void afterResetDecodingWaitsForARandomAccessPoint() {
        byte[] stream = FixtureSupport.read("inter_p.hevc");
        List<byte[]> aus = FixtureSupport.accessUnits(stream);
        List<String> expected = FixtureSupport.referenceMd5s("inter_p.framemd5");
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        d.decode(new Packet(1, aus.get(0), 0, aus.get(0).length));
        Picture pic = d.receive();
        assertNotNull(pic);
        assertEquals(expected.get(0), new PictureDigest().md5Hex(pic));
        d.decode(new Packet(1, aus.get(1), 0, aus.get(1).length));
        d.flush();
        assertEquals(expected.get(1), new PictureDigest().md5Hex(d.receive()));
        // after a reset a P picture has no references: it is skipped, not decoded from stale ones
        d.reset();
        d.decode(new Packet(1, aus.get(2), 0, aus.get(2).length));
        d.flush();
        assertNull(d.receive());
        d.decode(new Packet(1, aus.get(0), 0, aus.get(0).length));
        d.flush();
        assertEquals(expected.get(0), new PictureDigest().md5Hex(d.receive()));
    }

    /**
     * A 10-bit picture is handed out without a copy (its planes are the frame's): it stays intact
     * while later pictures decode, until the next receive(), though it is no longer a reference
     * or was never one.
     */
    @Test
    void receivedPictureStaysValidUntilTheNextReceive() {
        List<byte[]> aus = FixtureSupport.accessUnits(FixtureSupport.read("inter_main10.hevc"));
        List<String> expected = FixtureSupport.referenceMd5s("inter_main10.framemd5");
        HevcDecoder d = new HevcDecoder(FixtureSupport.track());
        PictureDigest digest = new PictureDigest();
        int next = 0;
        int unit = 0;
        while (unit < aus.size()) {
            Picture pic = d.receive();
            if (pic == null) {
                byte[] au = aus.get(unit++);
                d.decode(new Packet(1, au, 0, au.length));
                continue;
            }
            assertNotNull(pic.planes16[0]);
            // decode up to four more units before looking at the picture
            for (int k = 0; k < 4 && unit < aus.size(); k++) {
                byte[] au = aus.get(unit++);
                d.decode(new Packet(1, au, 0, au.length));
            }
            assertEquals(expected.get(next), digest.md5Hex(pic), "picture " + next);
            next++;
        }
        d.flush();
        for (Picture pic = d.receive(); pic != null; pic = d.receive()) {
            assertEquals(expected.get(next), digest.md5Hex(pic), "picture " + next);
            next++;
        }
        assertEquals(expected.size(), next);
    }
}
