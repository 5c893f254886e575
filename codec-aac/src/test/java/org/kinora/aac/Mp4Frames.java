package org.kinora.aac;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only reader of the one AAC track of a small, non-fragmented MP4 (ISO/IEC 14496-12): the
 * AudioSpecificConfig from esds, the samples from stsz / stsc / stco, and the edit list's
 * media_time (the priming to drop).
 */
final class Mp4Frames {
    byte[] audioSpecificConfig;
    final List<byte[]> samples = new ArrayList<>();
    long mediaTime;

    static Mp4Frames read(byte[] f) {
        Mp4Frames m = new Mp4Frames();
        int[] stsz = null;
        int[] stco = null;
        int[] stsc = null;
        int moov = find(f, 0, f.length, "moov");
        int trak = find(f, moov + 8, end(f, moov), "trak");
        int edts = find(f, trak + 8, end(f, trak), "edts");
        if (edts >= 0) {
            int elst = find(f, edts + 8, end(f, edts), "elst");
            m.mediaTime = u32(f, elst + 8 + 4 + 4 + 4);
        }
        int stbl = path(f, trak, "mdia", "minf", "stbl");
        int stsd = find(f, stbl + 8, end(f, stbl), "stsd");
        int esds = indexOf(f, stsd, end(f, stsd), "esds");
        // ES_Descriptor (tag 3: ES_ID, flags 0), DecoderConfigDescriptor (tag 4: 13 bytes),
        // DecoderSpecificInfo (tag 5): the AudioSpecificConfig (ISO/IEC 14496-1 7.2.6)
        int[] p = {esds + 12};
        expectTag(f, p, 3);
        p[0] += 3;
        expectTag(f, p, 4);
        p[0] += 13;
        int len = expectTag(f, p, 5);
        m.audioSpecificConfig = java.util.Arrays.copyOfRange(f, p[0], p[0] + len);
        int sz = find(f, stbl + 8, end(f, stbl), "stsz");
        int count = (int) u32(f, sz + 16);
        stsz = new int[count];
        for (int i = 0; i < count; i++) {
            stsz[i] = (int) u32(f, sz + 20 + 4 * i);
        }
        int co = find(f, stbl + 8, end(f, stbl), "stco");
        stco = new int[(int) u32(f, co + 12)];
        for (int i = 0; i < stco.length; i++) {
            stco[i] = (int) u32(f, co + 16 + 4 * i);
        }
        int sc = find(f, stbl + 8, end(f, stbl), "stsc");
        stsc = new int[3 * (int) u32(f, sc + 12)];
        for (int i = 0; i < stsc.length; i++) {
            stsc[i] = (int) u32(f, sc + 16 + 4 * i);
        }
        int sample = 0;
        for (int chunk = 0; chunk < stco.length; chunk++) {
            int perChunk = 0;
            for (int e = 0; e < stsc.length; e += 3) {
                if (stsc[e] - 1 <= chunk) {
                    perChunk = stsc[e + 1];
                }
            }
            int pos = stco[chunk];
            for (int i = 0; i < perChunk && sample < count; i++, sample++) {
                m.samples.add(java.util.Arrays.copyOfRange(f, pos, pos + stsz[sample]));
                pos += stsz[sample];
            }
        }
        return m;
    }

    /** Reads a descriptor tag (which must be {@code tag}) and its expandable length. */
    private static int expectTag(byte[] f, int[] p, int tag) {
        if (f[p[0]++] != tag) {
            throw new IllegalStateException("descriptor tag " + f[p[0] - 1] + ", wanted " + tag);
        }
        int len = 0;
        int b;
        do {
            b = f[p[0]++] & 0xFF;
            len = len << 7 | (b & 0x7F);
        } while ((b & 0x80) != 0);
        return len;
    }

    private static int path(byte[] f, int box, String... names) {
        for (String n : names) {
            box = find(f, box + 8, end(f, box), n);
        }
        return box;
    }

    private static int end(byte[] f, int box) {
        return box + (int) u32(f, box);
    }

    /** The first child box of that type in [from, to), or -1. */
    private static int find(byte[] f, int from, int to, String type) {
        for (int p = from; p + 8 <= to; p += (int) u32(f, p)) {
            if (f[p + 4] == type.charAt(0) && f[p + 5] == type.charAt(1) && f[p + 6] == type.charAt(2) && f[p + 7] == type.charAt(3)) {
                return p;
            }
            if (u32(f, p) < 8) {
                break;
            }
        }
        return -1;
    }

    /** The box of that type anywhere in [from, to) (inside sample entries). */
    private static int indexOf(byte[] f, int from, int to, String type) {
        for (int p = from; p + 4 <= to; p++) {
            if (f[p] == type.charAt(0) && f[p + 1] == type.charAt(1) && f[p + 2] == type.charAt(2) && f[p + 3] == type.charAt(3)) {
                return p - 4;
            }
        }
        return -1;
    }

    private static long u32(byte[] f, int p) {
        return (f[p] & 0xFFL) << 24 | (f[p + 1] & 0xFF) << 16 | (f[p + 2] & 0xFF) << 8 | (f[p + 3] & 0xFF);
    }
}
