package org.kinora.demux.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.MediaException;

/**
 * Reads the cropped picture size from the start of an H.265 SPS (7.3.2.2: up to
 * conformance_window_offsets). The demuxer needs nothing else from it.
 */
final class SpsSize {
    private SpsSize() {
    }

    /** {width, height} of the conformance window, or null when the SPS cannot be read. */
    static int[] read(byte[] nal, int offset, int length) {
        if (length < 4) {
            return null;
        }
        byte[] rbsp = new byte[Math.min(length, 256)];
        int n = 0;
        int zeros = 0;
        for (int i = offset + 2; i < offset + length && n < rbsp.length; i++) {
            int b = nal[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            rbsp[n++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        try {
            BitReader r = new BitReader(rbsp, 0, n);
            r.skipBits(4);
            int maxSubLayersMinus1 = r.readBits(3);
            r.skipBits(1);
            r.skipBits(88 + 8); // general profile, tier and level
            boolean[] profile = new boolean[8];
            boolean[] level = new boolean[8];
            for (int i = 0; i < maxSubLayersMinus1; i++) {
                profile[i] = r.readFlag();
                level[i] = r.readFlag();
            }
            if (maxSubLayersMinus1 > 0) {
                r.skipBits(2 * (8 - maxSubLayersMinus1));
            }
            for (int i = 0; i < maxSubLayersMinus1; i++) {
                r.skipBits((profile[i] ? 88 : 0) + (level[i] ? 8 : 0));
            }
            r.readUe(); // sps_seq_parameter_set_id
            int chroma = r.readUe("chroma_format_idc", 0, 3);
            boolean separate = chroma == 3 && r.readFlag();
            int w = r.readUe("pic_width_in_luma_samples", 1, 16888);
            int h = r.readUe("pic_height_in_luma_samples", 1, 16888);
            int subW = chroma == 1 || chroma == 2 ? 2 : 1;
            int subH = chroma == 1 ? 2 : 1;
            if (separate) {
                subW = 1;
                subH = 1;
            }
            if (r.readFlag()) {
                int left = r.readUe();
                int right = r.readUe();
                int top = r.readUe();
                int bottom = r.readUe();
                long cw = w - (long) subW * (left + right);
                long ch = h - (long) subH * (top + bottom);
                if (cw > 0 && ch > 0) {
                    w = (int) cw;
                    h = (int) ch;
                }
            }
            return new int[] {w, h};
        } catch (MediaException e) {
            return null;
        }
    }
}
