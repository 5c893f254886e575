package org.kinora.aac;

import org.kinora.core.BitReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

/** ics_info (ISO/IEC 14496-3 4.4.2.1 Table 4.6, semantics 4.5.2.3 and 4.6.2.3.3 grouping). */
final class IcsInfo {
    static final int ONLY_LONG_SEQUENCE = 0;
    static final int LONG_START_SEQUENCE = 1;
    static final int EIGHT_SHORT_SEQUENCE = 2;
    static final int LONG_STOP_SEQUENCE = 3;

    int windowSequence;
    /** 0: sine, 1: Kaiser-Bessel derived. */
    int windowShape;
    int maxSfb;
    int numWindows;
    int numWindowGroups;
    final int[] windowGroupLength = new int[8];
    /** swb_offset of the window length in use; numSwb + 1 entries. */
    short[] swbOffset;
    int numSwb;
    /** TNS_MAX_BANDS for this window length and rate. */
    int tnsMaxBands;

    void read(BitReader r, int sfIndex) {
        if (r.readFlag()) {
            throw new MalformedStreamException("ics_reserved_bit set");
        }
        windowSequence = r.readBits(2);
        windowShape = r.readBit();
        numWindowGroups = 1;
        windowGroupLength[0] = 1;
        if (windowSequence == EIGHT_SHORT_SEQUENCE) {
            maxSfb = r.readBits(4);
            int grouping = r.readBits(7);
            numWindows = 8;
            for (int i = 0; i < 7; i++) {
                if ((grouping & (1 << (6 - i))) != 0) {
                    windowGroupLength[numWindowGroups - 1]++;
                } else {
                    numWindowGroups++;
                    windowGroupLength[numWindowGroups - 1] = 1;
                }
            }
            swbOffset = ScalefactorBands.SHORT[sfIndex];
            tnsMaxBands = ScalefactorBands.TNS_MAX_BANDS_SHORT[sfIndex];
        } else {
            maxSfb = r.readBits(6);
            numWindows = 1;
            if (r.readFlag()) {
                throw new UnsupportedFeatureException("AAC prediction data (Main or LTP profile)");
            }
            swbOffset = ScalefactorBands.LONG[sfIndex];
            tnsMaxBands = ScalefactorBands.TNS_MAX_BANDS_LONG[sfIndex];
        }
        numSwb = swbOffset.length - 1;
        if (maxSfb > numSwb) {
            throw new MalformedStreamException("max_sfb " + maxSfb + " above num_swb " + numSwb);
        }
    }

    void copyFrom(IcsInfo o) {
        windowSequence = o.windowSequence;
        windowShape = o.windowShape;
        maxSfb = o.maxSfb;
        numWindows = o.numWindows;
        numWindowGroups = o.numWindowGroups;
        System.arraycopy(o.windowGroupLength, 0, windowGroupLength, 0, 8);
        swbOffset = o.swbOffset;
        numSwb = o.numSwb;
        tnsMaxBands = o.tnsMaxBands;
    }
}
