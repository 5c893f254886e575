package org.kinora.vorbis;

import org.kinora.core.LsbBitReader;

/** A floor (Vorbis I chapters 6 and 7): the spectral envelope of one channel. */
abstract class Floor {
    /**
     * Reads one channel's floor from the packet into {@code data}; false when the channel is
     * unused in this packet (no floor and no residue).
     */
    abstract boolean decode(LsbBitReader r, FloorData data);

    /** Multiplies {@code spectrum[0 .. n)} by the curve decoded into {@code data} (n = blocksize / 2). */
    abstract void apply(FloorData data, float[] spectrum, int n, int blockFlag);

    /** Per-channel scratch of a floor decode. */
    static final class FloorData {
        /** Floor 1 Y values, or floor 0 coefficients' count in {@link #amplitude}'s companion. */
        final int[] y = new int[65];
        final int[] finalY = new int[65];
        final boolean[] step2 = new boolean[65];
        float[] coefficients = new float[0];
        int amplitude;
    }
}
