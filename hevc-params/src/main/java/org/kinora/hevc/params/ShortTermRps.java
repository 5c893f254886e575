package org.kinora.hevc.params;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;

/** A short-term reference picture set (H.265 7.3.7 syntax, 7.4.8 semantics). */
public final class ShortTermRps {
    public int numNegative;
    public int numPositive;
    public final int[] deltaPoc = new int[32];
    public final boolean[] used = new boolean[32];

    public int numDeltaPocs() {
        return numNegative + numPositive;
    }

    /**
     * st_ref_pic_set(stRpsIdx): {@code sets} holds the sets parsed so far (those of the SPS);
     * {@code idx} is this set's index, equal to num_short_term_ref_pic_sets for one in a slice header.
     */
    public static ShortTermRps parse(BitReader r, ShortTermRps[] sets, int idx, int numInSps, int maxDecPicBuffering) {
        ShortTermRps s = new ShortTermRps();
        boolean interPred = idx != 0 && r.readFlag();
        if (interPred) {
            int deltaIdx = 1;
            if (idx == numInSps) {
                deltaIdx = r.readUe("delta_idx_minus1", 0, idx - 1) + 1;
            }
            ShortTermRps ref = sets[idx - deltaIdx];
            int sign = r.readBit();
            int abs = r.readUe("abs_delta_rps_minus1", 0, 32767) + 1;
            int deltaRps = (1 - 2 * sign) * abs;
            int n = ref.numDeltaPocs();
            boolean[] usedByCurr = new boolean[n + 1];
            boolean[] useDelta = new boolean[n + 1];
            for (int j = 0; j <= n; j++) {
                usedByCurr[j] = r.readFlag();
                useDelta[j] = usedByCurr[j] || r.readFlag();
            }
            // equations 7-61 and 7-62
            int i = 0;
            for (int j = ref.numPositive - 1; j >= 0; j--) {
                int d = ref.deltaPoc[ref.numNegative + j] + deltaRps;
                if (d < 0 && useDelta[ref.numNegative + j]) {
                    i = s.add(i, d, usedByCurr[ref.numNegative + j]);
                }
            }
            if (deltaRps < 0 && useDelta[n]) {
                i = s.add(i, deltaRps, usedByCurr[n]);
            }
            for (int j = 0; j < ref.numNegative; j++) {
                int d = ref.deltaPoc[j] + deltaRps;
                if (d < 0 && useDelta[j]) {
                    i = s.add(i, d, usedByCurr[j]);
                }
            }
            s.numNegative = i;
            for (int j = ref.numNegative - 1; j >= 0; j--) {
                int d = ref.deltaPoc[j] + deltaRps;
                if (d > 0 && useDelta[j]) {
                    i = s.add(i, d, usedByCurr[j]);
                }
            }
            if (deltaRps > 0 && useDelta[n]) {
                i = s.add(i, deltaRps, usedByCurr[n]);
            }
            for (int j = 0; j < ref.numPositive; j++) {
                int d = ref.deltaPoc[ref.numNegative + j] + deltaRps;
                if (d > 0 && useDelta[ref.numNegative + j]) {
                    i = s.add(i, d, usedByCurr[ref.numNegative + j]);
                }
            }
            s.numPositive = i - s.numNegative;
        } else {
            s.numNegative = r.readUe("num_negative_pics", 0, maxDecPicBuffering);
            s.numPositive = r.readUe("num_positive_pics", 0, maxDecPicBuffering - s.numNegative);
            int poc = 0;
            for (int i = 0; i < s.numNegative; i++) {
                poc -= r.readUe("delta_poc_s0_minus1", 0, 32767) + 1;
                s.deltaPoc[i] = poc;
                s.used[i] = r.readFlag();
            }
            poc = 0;
            for (int i = 0; i < s.numPositive; i++) {
                poc += r.readUe("delta_poc_s1_minus1", 0, 32767) + 1;
                s.deltaPoc[s.numNegative + i] = poc;
                s.used[s.numNegative + i] = r.readFlag();
            }
        }
        return s;
    }

    private int add(int i, int delta, boolean usedByCurr) {
        if (i >= 16) {
            throw new MalformedStreamException("short-term reference picture set has more than 16 pictures");
        }
        deltaPoc[i] = delta;
        used[i] = usedByCurr;
        return i + 1;
    }
}
