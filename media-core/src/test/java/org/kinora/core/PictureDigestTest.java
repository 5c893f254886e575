package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class PictureDigestTest {
    private static String jdkMd5(byte[] b) throws Exception {
        return Md5.toHex(MessageDigest.getInstance("MD5").digest(b));
    }

    /** A 4:2:0 picture with padding, a crop window and bottom-up storage of the luma plane. */
    @Test
    void coversExactlyTheVisibleSamplesRowByRow() throws Exception {
        Picture p = new Picture();
        p.setGeometry(10, 6, ChromaFormat.YUV420, 8);
        p.cropX = 2;
        p.cropY = 2;
        p.cropWidth = 5;
        p.cropHeight = 3;
        int lumaStride = 16;
        byte[] y = new byte[lumaStride * 6];
        for (int row = 0; row < 6; row++) {
            for (int x = 0; x < 10; x++) {
                // stored bottom-up: array row (5 - row) holds picture row `row`
                y[(5 - row) * lumaStride + x] = (byte) (row * 10 + x);
            }
        }
        p.planes[0] = y;
        p.planeOffset[0] = 5 * lumaStride;
        p.stride[0] = -lumaStride;
        for (int c = 1; c < 3; c++) {
            byte[] plane = new byte[8 * 3];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (byte) (100 * c + i);
            }
            p.planes[c] = plane;
            p.stride[c] = 8;
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int row = 2; row < 5; row++) {
            for (int x = 2; x < 7; x++) {
                expected.write(row * 10 + x);
            }
        }
        // chroma: x from 1, width ceil(5/2) = 3; y from 1, height ceil(3/2) = 2
        for (int c = 1; c < 3; c++) {
            for (int row = 1; row < 3; row++) {
                for (int x = 1; x < 4; x++) {
                    expected.write(100 * c + row * 8 + x);
                }
            }
        }
        assertEquals(5 * 3 + 2 * 3 * 2, PictureDigest.size(p));
        assertEquals(jdkMd5(expected.toByteArray()), new PictureDigest().md5Hex(p));
    }

    @Test
    void deepSamplesAreLittleEndianWords() throws Exception {
        Picture p = new Picture();
        p.setGeometry(2, 1, ChromaFormat.MONOCHROME, 10);
        p.planes16[0] = new short[] {0x3FF, 0x102};
        p.stride[0] = 2;
        assertEquals(jdkMd5(new byte[] {(byte) 0xFF, 0x03, 0x02, 0x01}), new PictureDigest().md5Hex(p));
    }
}
