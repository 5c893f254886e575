package org.kinora.theora;

/**
 * Undoes DC prediction (Theora I 7.8): the quantized DC coefficients of {@link FrameState#dc}
 * become the predicted ones. Needs only what the packet says, so it belongs to the parsing half
 * of the decoder.
 */
final class DcPrediction {
    private final FrameLayout layout;
    private final int[] lastDc = new int[3];
    /** Per block: reference frame index if coded, else 3; and the DC value after prediction. */
    private final byte[] fragRef;
    private final int[] fragDc;

    DcPrediction(FrameLayout layout) {
        this.layout = layout;
        fragRef = new byte[layout.nbs];
        fragDc = new int[layout.nbs];
    }

    // Theora I 7.8.2
    /** Undoes the prediction of the planes in {@code planeMask} (bit p for plane p); each plane predicts only from itself. */
    void undo(FrameState s, int planeMask) {
        byte[] coded = s.coded;
        byte[] mode = s.mode;
        int[] coeffs = s.dc;
        int[] ci = s.codedIndex;
        int[] ref = TheoraTables.REFERENCE_FRAME;
        byte[] fr = fragRef;
        int[] dcs = fragDc;
        for (int p = 0; p < 3; p++) {
            if ((planeMask & (1 << p)) == 0) {
                continue;
            }
            // Reference frame of every coded block; 3 (matching none) for uncoded blocks.
            for (int f = layout.fragStart[p], end = layout.fragStart[p + 1]; f < end; f++) {
                fr[f] = (byte) (coded[f] != 0 ? ref[mode[f]] : 3);
            }
            lastDc[0] = 0;
            lastDc[1] = 0;
            lastDc[2] = 0;
            int fw = layout.fragWidth[p];
            int fh = layout.fragHeight[p];
            int start = layout.fragStart[p];
            for (int fy = 0; fy < fh; fy++) {
                int row = start + fy * fw;
                for (int fx = 0; fx < fw; fx++) {
                    int f = row + fx;
                    int rfi = fr[f];
                    if (rfi == 3) {
                        continue;
                    }
                    int pm = 0;
                    if (fx > 0 && fr[f - 1] == rfi) {
                        pm = 1;
                    }
                    if (fy > 0) {
                        int d = f - fw;
                        if (fx > 0 && fr[d - 1] == rfi) {
                            pm |= 2;
                        }
                        if (fr[d] == rfi) {
                            pm |= 4;
                        }
                        if (fx < fw - 1 && fr[d + 1] == rfi) {
                            pm |= 8;
                        }
                    }
                    int pred;
                    if (pm == 0) {
                        pred = lastDc[rfi];
                    } else {
                        // Theora I 7.8.1
                        int[] w = TheoraTables.DC_WEIGHTS[pm];
                        int sum = 0;
                        if ((pm & 1) != 0) {
                            sum += w[0] * dcs[f - 1];
                        }
                        if ((pm & 2) != 0) {
                            sum += w[1] * dcs[f - fw - 1];
                        }
                        if ((pm & 4) != 0) {
                            sum += w[2] * dcs[f - fw];
                        }
                        if ((pm & 8) != 0) {
                            sum += w[3] * dcs[f - fw + 1];
                        }
                        // PDIV is a power of two: a shift, rounded towards zero like the division
                        int div = w[4];
                        pred = (sum + ((sum >> 31) & (div - 1))) >> w[5];
                        if ((pm & 7) == 7) {
                            int down = dcs[f - fw];
                            int left = dcs[f - 1];
                            int downLeft = dcs[f - fw - 1];
                            if (Math.abs(pred - down) > 128) {
                                pred = down;
                            } else if (Math.abs(pred - left) > 128) {
                                pred = left;
                            } else if (Math.abs(pred - downLeft) > 128) {
                                pred = downLeft;
                            }
                        }
                    }
                    int at = ci[f];
                    short dc = (short) (coeffs[at] + pred);
                    coeffs[at] = dc;
                    dcs[f] = dc;
                    lastDc[rfi] = dc;
                }
            }
        }
    }
}
