package org.kinora.demux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerFormatTest {
    private static ContainerFormat sniff(byte[] b) {
        return ContainerFormat.sniff(b, b.length);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void recognisesEachContainerByItsSignature() {
        assertEquals(ContainerFormat.OGG, sniff("OggS\0\2".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(ContainerFormat.MATROSKA, sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F)));
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm')));
        assertEquals(ContainerFormat.FLV, sniff(bytes('F', 'L', 'V', 1, 5)));
        // start code + VPS NAL header (type 32, layer 0, temporal id plus 1 = 1)
        assertEquals(ContainerFormat.HEVC_ANNEX_B, sniff(bytes(0, 0, 0, 1, 0x40, 0x01, 0x0C)));
        assertEquals(ContainerFormat.HEVC_ANNEX_B, sniff(bytes(0, 0, 1, 0x46, 0x01, 0x10)));
    }

    @Test
    void recognisesIsoBmffSegmentsAndFilesWithoutFtyp() {
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 0, 0x18, 's', 't', 'y', 'p', 'm', 's', 'd', 'h')));
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 1, 0x2C, 'm', 'o', 'o', 'f', 0, 0, 0, 0x10)));
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 0, 0x34, 's', 'i', 'd', 'x', 1, 0, 0, 0)));
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 0, 8, 'w', 'i', 'd', 'e', 0, 0, 0, 9)));
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 0x12, 0, 'm', 'd', 'a', 't', 0, 0, 0, 9)));
        assertEquals(ContainerFormat.MP4, sniff(bytes(0, 0, 0, 1, 'm', 'o', 'o', 'v', 0, 0, 0, 0, 0, 0, 0, 0x20)));
        // a box type that starts no such file, or a size smaller than a header
        assertNull(sniff(bytes(0, 0, 0, 0x18, 'a', 'b', 'c', 'd')));
        assertNull(sniff(bytes(0, 0, 0, 4, 'f', 'r', 'e', 'e')));
    }

    @Test
    void rejectsEverythingElse() {
        assertNull(sniff("<!doctype html>".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(sniff(bytes()));
        assertNull(sniff(bytes('O', 'g', 'g')));
        assertNull(sniff(bytes('F', 'L', 'V', 2)));
        // H.264 SPS after a start code is not HEVC
        assertNull(sniff(bytes(0, 0, 0, 1, 0x67, 0x42, 0x00)));
    }
}
