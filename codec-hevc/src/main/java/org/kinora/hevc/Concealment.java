package org.kinora.hevc;

import org.kinora.hevc.params.Sps;

/**
 * Concealment of coding tree blocks that were never decoded (lost or damaged slice segments):
 * their samples are copied from the nearest reference picture, or set to mid-grey without one,
 * and they are marked intra with no motion, so later pictures predict from them like from any
 * other picture and no motion vector is taken from them. Errors drift until the next random
 * access point, which refreshes every reference.
 */
final class Concealment {
    private Concealment() {
    }

    static void conceal(Frame f, Frame ref) {
        Sps sps = f.sps;
        int log2 = sps.log2CtbSize;
        if (ref != null && (ref.width != f.width || ref.height != f.height)) {
            ref = null;
        }
        for (int rs = 0; rs < sps.picSizeInCtbs; rs++) {
            if (f.ctbSliceAddr[rs] >= 0) {
                continue;
            }
            f.ctbSliceIdx[rs] = 0;
            int x0 = (rs % sps.picWidthInCtbs) << log2;
            int y0 = (rs / sps.picWidthInCtbs) << log2;
            for (int c = 0; c < 3; c++) {
                int sx = c == 0 ? 0 : 1;
                int w = f.planeWidth[c];
                int xs = x0 >> sx;
                int ys = y0 >> sx;
                int xe = Math.min(w, (x0 + sps.ctbSize) >> sx);
                int ye = Math.min(f.planeHeight[c], (y0 + sps.ctbSize) >> sx);
                short grey = (short) (1 << ((c == 0 ? sps.bitDepthY : sps.bitDepthC) - 1));
                short[] dst = f.planes[c];
                for (int y = ys; y < ye; y++) {
                    if (ref != null) {
                        System.arraycopy(ref.planes[c], y * w + xs, dst, y * w + xs, xe - xs);
                    } else {
                        java.util.Arrays.fill(dst, y * w + xs, y * w + xe, grey);
                    }
                }
            }
            int x4e = Math.min(f.w4, (x0 + sps.ctbSize) >> 2);
            int y4e = Math.min(f.h4, (y0 + sps.ctbSize) >> 2);
            for (int y = y0 >> 2; y < y4e; y++) {
                for (int x = x0 >> 2; x < x4e; x++) {
                    int i = y * f.w4 + x;
                    f.intra[i] = 1;
                    f.refIdx0[i] = -1;
                    f.refIdx1[i] = -1;
                    f.bsVer[i] = 0;
                    f.bsHor[i] = 0;
                }
            }
        }
    }
}
