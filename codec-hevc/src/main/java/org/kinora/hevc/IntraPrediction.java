package org.kinora.hevc;

/**
 * Intra sample prediction (H.265 8.4.4.2): reference sample availability and substitution
 * (8.4.4.2.2), filtering (8.4.4.2.3, with strong smoothing) and the planar, DC and angular modes
 * (8.4.4.2.4 to 8.4.4.2.6). Predicted samples are written straight into the picture plane.
 */
final class IntraPrediction {
    // Table 8-5: intraPredAngle for modes 2..34
    private static final int[] ANGLE = {
        0, 0, 32, 26, 21, 17, 13, 9, 5, 2, 0, -2, -5, -9, -13, -17, -21, -26,
        -32, -26, -21, -17, -13, -9, -5, -2, 0, 2, 5, 9, 13, 17, 21, 26, 32,
    };
    // Table 8-6: invAngle for modes 11..25
    private static final int[] INV_ANGLE = {
        -4096, -1638, -910, -630, -482, -390, -315, -256, -315, -390, -482, -630, -910, -1638, -4096,
    };

    private final Neighbourhood nb;
    /** left[0] = p[-1][-1], left[1 + y] = p[-1][y]; top[1 + x] = p[x][-1]. */
    private final int[] left = new int[129];
    private final int[] top = new int[129];
    private final int[] fLeft = new int[129];
    private final int[] fTop = new int[129];
    private final boolean[] availLeft = new boolean[129];
    private final boolean[] availTop = new boolean[129];
    /** ref[] of 8.4.4.2.6 with an offset of 64 so indices down to -64 fit. */
    private final int[] ref = new int[64 + 129];

    IntraPrediction(Neighbourhood nb) {
        this.nb = nb;
    }

    /**
     * Predicts the nTbS x nTbS block at ({@code xTb}, {@code yTb}) of component {@code cIdx}
     * (coordinates in that component's samples).
     */
    void predict(Frame f, int cIdx, int xTb, int yTb, int log2Size, int mode, boolean strongSmoothing) {
        int n = 1 << log2Size;
        int bitDepth = cIdx == 0 ? f.sps.bitDepthY : f.sps.bitDepthC;
        short[] plane = f.planes[cIdx];
        int stride = f.planeWidth[cIdx];
        int shift = cIdx == 0 ? 0 : 1;
        gather(f, plane, stride, cIdx, xTb, yTb, n, shift, bitDepth);

        int[] pl = left;
        int[] pt = top;
        // 8.4.4.2.3 filtering of neighbouring samples (luma only for 4:2:0)
        if (cIdx == 0 && mode != 1 && n != 4) {
            int minDist = Math.min(Math.abs(mode - 26), Math.abs(mode - 10));
            int thres = n == 8 ? 7 : (n == 16 ? 1 : 0);
            if (minDist > thres) {
                filter(n, bitDepth, strongSmoothing);
                pl = fLeft;
                pt = fTop;
            }
        }
        int base = yTb * stride + xTb;
        if (mode == 0) {
            planar(plane, base, stride, n, log2Size, pl, pt);
        } else if (mode == 1) {
            dc(plane, base, stride, n, log2Size, pl, pt, cIdx == 0 && n < 32);
        } else {
            angular(plane, base, stride, n, mode, pl, pt, cIdx == 0 && n < 32, bitDepth);
        }
    }

    /** 8.4.4.2.2: marks and substitutes the reference samples. */
    private void gather(Frame f, short[] plane, int stride, int cIdx, int xTb, int yTb, int n, int shift, int bitDepth) {
        int unit = 4 >> shift; // samples of this component per 4x4 luma block
        int xL = xTb << shift;
        int yL = yTb << shift;
        int n2 = 2 * n;
        int count = 0;
        // corner
        boolean a = nb.available(xL, yL, xL - 1, yL - 1);
        availLeft[0] = a;
        if (a) {
            left[0] = plane[(yTb - 1) * stride + xTb - 1];
            count++;
        }
        // the first n samples of the left column (and of the top row) lie in one CTB: with
        // constrained intra prediction off they share one availability (6.4.1)
        boolean shared = !nb.constrainedIntra();
        boolean nearLeft = shared && nb.available(xL, yL, xL - 1, yL);
        boolean nearTop = shared && nb.available(xL, yL, xL, yL - 1);
        for (int y = 0; y < n2; y += unit) {
            a = shared && y < n ? nearLeft : nb.available(xL, yL, xL - 1, (yTb + y) << shift);
            for (int k = 0; k < unit; k++) {
                availLeft[1 + y + k] = a;
            }
            if (a) {
                int p = (yTb + y) * stride + xTb - 1;
                for (int k = 0; k < unit; k++) {
                    left[1 + y + k] = plane[p];
                    p += stride;
                }
                count += unit;
            }
        }
        for (int x = 0; x < n2; x += unit) {
            a = shared && x < n ? nearTop : nb.available(xL, yL, (xTb + x) << shift, yL - 1);
            for (int k = 0; k < unit; k++) {
                availTop[1 + x + k] = a;
            }
            if (a) {
                int p = (yTb - 1) * stride + xTb + x;
                for (int k = 0; k < unit; k++) {
                    top[1 + x + k] = plane[p + k];
                }
                count += unit;
            }
        }
        if (count == 0) {
            int v = 1 << (bitDepth - 1);
            for (int i = 0; i <= n2; i++) {
                left[i] = v;
                top[i] = v;
            }
            return;
        }
        if (count == 2 * n2 + 1) {
            top[0] = left[0];
            return;
        }
        // substitution: walk from p[-1][2n-1] up to p[-1][-1], then along the top row
        if (!availLeft[n2]) {
            int v = 0;
            boolean found = false;
            for (int i = n2 - 1; i >= 0 && !found; i--) {
                if (availLeft[i]) {
                    v = left[i];
                    found = true;
                }
            }
            for (int i = 1; i <= n2 && !found; i++) {
                if (availTop[i]) {
                    v = top[i];
                    found = true;
                }
            }
            left[n2] = v;
        }
        for (int i = n2 - 1; i >= 0; i--) {
            if (!availLeft[i]) {
                left[i] = left[i + 1];
            }
        }
        top[0] = left[0];
        for (int i = 1; i <= n2; i++) {
            if (!availTop[i]) {
                top[i] = top[i - 1];
            }
        }
    }

    private void filter(int n, int bitDepth, boolean strongSmoothing) {
        int n2 = 2 * n;
        int corner = left[0];
        if (strongSmoothing && n == 32
                && Math.abs(corner + top[n2] - 2 * top[n]) < (1 << (bitDepth - 5))
                && Math.abs(corner + left[n2] - 2 * left[n]) < (1 << (bitDepth - 5))) {
            fLeft[0] = corner;
            fTop[0] = corner;
            for (int i = 0; i < 63; i++) {
                fLeft[1 + i] = ((63 - i) * corner + (i + 1) * left[64] + 32) >> 6;
                fTop[1 + i] = ((63 - i) * corner + (i + 1) * top[64] + 32) >> 6;
            }
            fLeft[64] = left[64];
            fTop[64] = top[64];
            return;
        }
        int c = (left[1] + 2 * corner + top[1] + 2) >> 2;
        fLeft[0] = c;
        fTop[0] = c;
        for (int i = 1; i < n2; i++) {
            fLeft[i] = (left[i + 1] + 2 * left[i] + left[i - 1] + 2) >> 2;
            fTop[i] = (top[i + 1] + 2 * top[i] + top[i - 1] + 2) >> 2;
        }
        fLeft[n2] = left[n2];
        fTop[n2] = top[n2];
    }

    /** 8.4.4.2.5. */
    private static void planar(short[] plane, int base, int stride, int n, int log2, int[] pl, int[] pt) {
        int topRight = pt[1 + n];
        int bottomLeft = pl[1 + n];
        int shift = log2 + 1;
        for (int y = 0; y < n; y++) {
            int row = base + y * stride;
            int l = pl[1 + y];
            for (int x = 0; x < n; x++) {
                plane[row + x] = (short) (((n - 1 - x) * l + (x + 1) * topRight + (n - 1 - y) * pt[1 + x]
                        + (y + 1) * bottomLeft + n) >> shift);
            }
        }
    }

    /** 8.4.4.2.5 (DC), with the edge filter for luma blocks below 32x32. */
    private static void dc(short[] plane, int base, int stride, int n, int log2, int[] pl, int[] pt, boolean edge) {
        int sum = n;
        for (int i = 1; i <= n; i++) {
            sum += pl[i] + pt[i];
        }
        int dcVal = sum >> (log2 + 1);
        short v = (short) dcVal;
        for (int y = 0; y < n; y++) {
            int row = base + y * stride;
            for (int x = 0; x < n; x++) {
                plane[row + x] = v;
            }
        }
        if (edge) {
            plane[base] = (short) ((pl[1] + 2 * dcVal + pt[1] + 2) >> 2);
            for (int x = 1; x < n; x++) {
                plane[base + x] = (short) ((pt[1 + x] + 3 * dcVal + 2) >> 2);
            }
            for (int y = 1; y < n; y++) {
                plane[base + y * stride] = (short) ((pl[1 + y] + 3 * dcVal + 2) >> 2);
            }
        }
    }

    /** 8.4.4.2.6. */
    private void angular(short[] plane, int base, int stride, int n, int mode, int[] pl, int[] pt, boolean edge, int bitDepth) {
        int angle = ANGLE[mode];
        boolean vertical = mode >= 18;
        int[] main = vertical ? pt : pl;
        int[] side = vertical ? pl : pt;
        int[] r = ref;
        final int o = 64;
        for (int x = 0; x <= n; x++) {
            r[o + x] = main[x];
        }
        if (angle < 0) {
            int last = (n * angle) >> 5;
            if (last < -1) {
                int inv = INV_ANGLE[mode - 11];
                for (int x = last; x <= -1; x++) {
                    r[o + x] = side[((x * inv + 128) >> 8)];
                }
            }
        } else {
            for (int x = n + 1; x <= 2 * n; x++) {
                r[o + x] = main[x];
            }
        }
        int max = (1 << bitDepth) - 1;
        if (vertical) {
            for (int y = 0; y < n; y++) {
                int pos = (y + 1) * angle;
                int idx = pos >> 5;
                int fact = pos & 31;
                int row = base + y * stride;
                int p = o + idx + 1;
                if (fact != 0) {
                    for (int x = 0; x < n; x++) {
                        plane[row + x] = (short) (((32 - fact) * r[p + x] + fact * r[p + x + 1] + 16) >> 5);
                    }
                } else {
                    for (int x = 0; x < n; x++) {
                        plane[row + x] = (short) r[p + x];
                    }
                }
            }
            if (mode == 26 && edge) {
                for (int y = 0; y < n; y++) {
                    int v = pt[1] + ((pl[1 + y] - pl[0]) >> 1);
                    plane[base + y * stride] = (short) (v < 0 ? 0 : (v > max ? max : v));
                }
            }
        } else {
            for (int x = 0; x < n; x++) {
                int pos = (x + 1) * angle;
                int idx = pos >> 5;
                int fact = pos & 31;
                int p = o + idx + 1;
                if (fact != 0) {
                    for (int y = 0; y < n; y++) {
                        plane[base + y * stride + x] = (short) (((32 - fact) * r[p + y] + fact * r[p + y + 1] + 16) >> 5);
                    }
                } else {
                    for (int y = 0; y < n; y++) {
                        plane[base + y * stride + x] = (short) r[p + y];
                    }
                }
            }
            if (mode == 10 && edge) {
                for (int x = 0; x < n; x++) {
                    int v = pl[1] + ((pt[1 + x] - pt[0]) >> 1);
                    plane[base + x] = (short) (v < 0 ? 0 : (v > max ? max : v));
                }
            }
        }
    }

    /** Answers 6.4.1 z-scan availability for the block being decoded. */
    interface Neighbourhood {
        /** Whether luma location (xN, yN) is available for prediction of the block at (xCur, yCur). */
        boolean available(int xCur, int yCur, int xN, int yN);

        /** Whether constrained_intra_pred_flag makes availability depend on each neighbour's prediction mode. */
        boolean constrainedIntra();
    }
}
