package org.kinora.core;

/**
 * The MD5 of a picture's visible samples, plane after plane (Y, U, V), rows without padding:
 * the digest FFmpeg's {@code -f framemd5} prints for planar 8-bit output, and for deeper samples
 * the little-endian 16-bit layout FFmpeg uses for its {@code p10le} formats.
 */
public final class PictureDigest {
    private final Md5 md5 = new Md5();
    private byte[] row = new byte[0];

    /** Number of bytes the digest covers. */
    public static int size(Picture pic) {
        int bytesPerSample = pic.bitDepth > 8 ? 2 : 1;
        int total = 0;
        for (int p = 0; p < pic.planeCount(); p++) {
            total += pic.visibleWidth(p) * pic.visibleHeight(p) * bytesPerSample;
        }
        return total;
    }

    /** The MD5 of the visible samples as 32 hex digits. */
    public String md5Hex(Picture pic) {
        for (int p = 0; p < pic.planeCount(); p++) {
            int x0 = pic.visibleX(p);
            int y0 = pic.visibleY(p);
            int w = pic.visibleWidth(p);
            int h = pic.visibleHeight(p);
            int stride = pic.stride[p];
            if (pic.bitDepth <= 8) {
                byte[] plane = pic.planes[p];
                for (int y = 0; y < h; y++) {
                    md5.update(plane, pic.planeOffset[p] + (y0 + y) * stride + x0, w);
                }
            } else {
                short[] plane = pic.planes16[p];
                if (row.length < 2 * w) {
                    row = new byte[2 * w];
                }
                for (int y = 0; y < h; y++) {
                    int base = pic.planeOffset[p] + (y0 + y) * stride + x0;
                    for (int x = 0; x < w; x++) {
                        int v = plane[base + x];
                        row[2 * x] = (byte) v;
                        row[2 * x + 1] = (byte) (v >> 8);
                    }
                    md5.update(row, 0, 2 * w);
                }
            }
        }
        return md5.digestHex();
    }
}
