package org.kinora.core;

/**
 * How to turn a picture's samples into colours, as the code points of ITU-T H.273
 * (which H.265's VUI uses directly and to which Theora's colour spaces map).
 */
public final class ColourDescription {
    /** H.273 MatrixCoefficients: 1 = BT.709, 5/6 = BT.601 (625/525), 9 = BT.2020 non-constant, 2 = unspecified. */
    public final int matrixCoefficients;
    /** H.273 ColourPrimaries: 1 = BT.709, 5 = BT.470BG (625), 6 = SMPTE 170M (525), 2 = unspecified. */
    public final int colourPrimaries;
    /** H.273 TransferCharacteristics: 1 = BT.709, 6 = SMPTE 170M, 2 = unspecified. */
    public final int transferCharacteristics;
    /** True for full-range samples (0..2^n-1), false for limited (video) range. */
    public final boolean fullRange;

    public static final ColourDescription UNSPECIFIED = new ColourDescription(2, 2, 2, false);
    /** BT.601 as used for 625-line (PAL) material. */
    public static final ColourDescription BT601_625 = new ColourDescription(5, 5, 6, false);
    /** BT.601 as used for 525-line (NTSC) material. */
    public static final ColourDescription BT601_525 = new ColourDescription(6, 6, 6, false);
    public static final ColourDescription BT709 = new ColourDescription(1, 1, 1, false);

    public ColourDescription(int matrixCoefficients, int colourPrimaries, int transferCharacteristics, boolean fullRange) {
        this.matrixCoefficients = matrixCoefficients;
        this.colourPrimaries = colourPrimaries;
        this.transferCharacteristics = transferCharacteristics;
        this.fullRange = fullRange;
    }

    /** True when the Y'CbCr to R'G'B' matrix is BT.709's (otherwise a renderer uses BT.601's). */
    public boolean usesBt709Matrix() {
        return matrixCoefficients == 1;
    }

    @Override
    public String toString() {
        return "matrix " + matrixCoefficients + ", primaries " + colourPrimaries + ", transfer "
                + transferCharacteristics + (fullRange ? ", full range" : ", limited range");
    }
}
