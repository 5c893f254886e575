package org.kinora.hevc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.PictureDigest;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/** Reads the committed HEVC fixtures and decodes them. */
final class FixtureSupport {
    private FixtureSupport() {
    }

    static Path dir() {
        return Path.of(System.getProperty("kinora.testdata", "../testdata")).resolve("hevc");
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The MD5 column of an ffmpeg framemd5 file. */
    static List<String> referenceMd5s(String name) {
        return referenceMd5s0(dir().resolve(name));
    }

    /** The MD5 column of the ffmpeg framemd5 file at {@code path}. */
    static List<String> referenceMd5s0(Path path) {
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (String line : new String(data, StandardCharsets.US_ASCII).split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            out.add(f[f.length - 1].trim());
        }
        return out;
    }

    static TrackInfo track() {
        return new TrackInfo.Builder(1, TrackType.VIDEO, TrackInfo.HEVC).build();
    }

    /** Decodes a whole Annex B stream given as packets; returns each output picture's MD5. */
    static List<String> decode(HevcDecoder d, List<byte[]> packets) {
        PictureDigest digest = new PictureDigest();
        List<String> md5s = new ArrayList<>();
        for (byte[] p : packets) {
            d.decode(new Packet(1, p, 0, p.length));
            for (Picture pic = d.receive(); pic != null; pic = d.receive()) {
                md5s.add(digest.md5Hex(pic));
            }
        }
        d.flush();
        for (Picture pic = d.receive(); pic != null; pic = d.receive()) {
            md5s.add(digest.md5Hex(pic));
        }
        return md5s;
    }

    /** Splits an Annex B stream into access units at each slice with first_slice_segment_in_pic_flag (simplified 7.4.2.4.4). */
    static List<byte[]> accessUnits(byte[] s) {
        List<Integer> starts = new ArrayList<>();
        int auStart = 0;
        boolean sawSlice = false;
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i + 3 < s.length) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                int nalStart = i > 0 && s[i - 1] == 0 ? i - 1 : i;
                int type = (s[i + 3] >> 1) & 0x3F;
                boolean slice = type < 32;
                boolean first = slice && i + 5 < s.length && (s[i + 5] & 0x80) != 0;
                boolean auHead = (type >= 32 && type <= 35) || type == 39;
                if (sawSlice && (first || auHead)) {
                    byte[] au = new byte[nalStart - auStart];
                    System.arraycopy(s, auStart, au, 0, au.length);
                    out.add(au);
                    auStart = nalStart;
                    sawSlice = false;
                }
                if (slice) {
                    sawSlice = true;
                }
                i += 3;
            } else {
                i++;
            }
        }
        byte[] au = new byte[s.length - auStart];
        System.arraycopy(s, auStart, au, 0, au.length);
        out.add(au);
        starts.clear();
        return out;
    }
}
