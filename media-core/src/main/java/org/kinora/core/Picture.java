package org.kinora.core;

/**
 * A decoded picture: up to three planes of samples with their layout, the visible (cropped)
 * rectangle and how to colour it.
 *
 * <p>Samples of bit depth 8 are in {@link #planes} (unsigned bytes); deeper samples are in
 * {@link #planes16}. Row {@code y} of plane {@code p} starts at
 * {@code planeOffset[p] + y * stride[p]}; a stride may be negative (bottom-up storage, as Theora
 * keeps it). Row 0 is the top of the coded picture.
 *
 * <p>A decoder owns the pictures it returns and reuses them: a picture is valid until the next
 * call to the decoder. A consumer that keeps one copies it.
 */
public final class Picture {
    /** Coded (decoded) size of the luma plane. */
    public int width;
    public int height;
    /** One of the {@link ChromaFormat} constants. */
    public int chromaFormat = ChromaFormat.YUV420;
    public int bitDepth = 8;
    public final byte[][] planes = new byte[3][];
    public final short[][] planes16 = new short[3][];
    public final int[] stride = new int[3];
    public final int[] planeOffset = new int[3];
    /** The visible rectangle, in luma samples. */
    public int cropX;
    public int cropY;
    public int cropWidth;
    public int cropHeight;
    public int pixelAspectNum = 1;
    public int pixelAspectDen = 1;
    public ColourDescription colour = ColourDescription.UNSPECIFIED;
    /** Presentation time in the track's ticks, or {@link Packet#NO_TIMESTAMP}. */
    public long pts = Packet.NO_TIMESTAMP;
    public boolean keyframe;

    /** Number of planes: 1 for monochrome, 3 otherwise. */
    public int planeCount() {
        return chromaFormat == ChromaFormat.MONOCHROME ? 1 : 3;
    }

    /** Left edge of the visible part of plane {@code p}, in that plane's samples. */
    public int visibleX(int p) {
        return p == 0 ? cropX : cropX >> ChromaFormat.shiftX(chromaFormat);
    }

    public int visibleY(int p) {
        return p == 0 ? cropY : cropY >> ChromaFormat.shiftY(chromaFormat);
    }

    /** Visible width of plane {@code p}: chroma rounds up, as FFmpeg's planar layouts do. */
    public int visibleWidth(int p) {
        if (p == 0) {
            return cropWidth;
        }
        int s = ChromaFormat.shiftX(chromaFormat);
        return (cropWidth + (1 << s) - 1) >> s;
    }

    public int visibleHeight(int p) {
        if (p == 0) {
            return cropHeight;
        }
        int s = ChromaFormat.shiftY(chromaFormat);
        return (cropHeight + (1 << s) - 1) >> s;
    }

    /** Sets every geometry field for a picture with no padding beyond its coded size. */
    public void setGeometry(int width, int height, int chromaFormat, int bitDepth) {
        this.width = width;
        this.height = height;
        this.chromaFormat = chromaFormat;
        this.bitDepth = bitDepth;
        this.cropX = 0;
        this.cropY = 0;
        this.cropWidth = width;
        this.cropHeight = height;
    }

    /**
     * Narrows {@code n} samples of {@code bitDepth} bits (9 to 16) to 8 bits for display, rounding
     * to nearest: (v + 2^(shift - 1)) >> shift with shift = bitDepth - 8, clamped to 255 (the top
     * values of the deeper range round up past it). Ten-bit video levels map onto the 8-bit ones
     * (64..940 onto 16..235), and the error is at most half a step instead of a whole one when
     * the low bits are dropped.
     */
    public static void narrowTo8(short[] src, int srcOffset, int n, int bitDepth, byte[] dst, int dstOffset) {
        int shift = bitDepth - 8;
        int add = 1 << (shift - 1);
        for (int i = 0; i < n; i++) {
            int v = ((src[srcOffset + i] & 0xFFFF) + add) >> shift;
            dst[dstOffset + i] = (byte) (v > 255 ? 255 : v);
        }
    }
}
