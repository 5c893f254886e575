package org.kinora.theora;

import org.kinora.core.MalformedStreamException;
import org.kinora.core.UnsupportedFeatureException;

/** The identification header (Theora I 6.2) and the frame geometry derived from it. */
final class TheoraInfo {
    /** Largest coded frame accepted, in pixels, so that no header value drives an unchecked allocation. */
    static final int MAX_PIXELS = 4096 * 4096;

    /** Pixel formats (Table 6.4). */
    static final int PF_420 = 0;
    static final int PF_422 = 2;
    static final int PF_444 = 3;

    int versionMajor;
    int versionMinor;
    int versionRevision;
    /** Frame size in macro blocks. */
    int fmbw;
    int fmbh;
    /** Picture region; picY counts from the bottom of the frame. */
    int picWidth;
    int picHeight;
    int picX;
    int picY;
    long frameRateNum;
    long frameRateDen;
    int aspectNum;
    int aspectDen;
    int colourSpace;
    int nominalBitrate;
    int quality;
    int keyframeShift;
    int pixelFormat;

    /** Parses the identification header packet (including its 7-byte common header). */
    static TheoraInfo parse(byte[] data) {
        checkCommonHeader(data, 0x80);
        if (data.length < 42) {
            throw new MalformedStreamException("Theora identification header is " + data.length + " bytes");
        }
        PacketBits b = new PacketBits();
        b.reset(data, 7, data.length - 7);
        TheoraInfo t = new TheoraInfo();
        t.versionMajor = b.read(8);
        t.versionMinor = b.read(8);
        t.versionRevision = b.read(8);
        if (t.versionMajor != 3 || t.versionMinor != 2) {
            throw new UnsupportedFeatureException("Theora version " + t.versionMajor + "." + t.versionMinor + "."
                    + t.versionRevision + " is not 3.2");
        }
        t.fmbw = b.read(16);
        t.fmbh = b.read(16);
        t.picWidth = b.read(24);
        t.picHeight = b.read(24);
        t.picX = b.read(8);
        t.picY = b.read(8);
        t.frameRateNum = b.read32();
        t.frameRateDen = b.read32();
        t.aspectNum = b.read(24);
        t.aspectDen = b.read(24);
        t.colourSpace = b.read(8);
        t.nominalBitrate = b.read(24);
        t.quality = b.read(6);
        t.keyframeShift = b.read(5);
        t.pixelFormat = b.read(2);
        int reserved = b.read(3);
        if (t.fmbw == 0 || t.fmbh == 0) {
            throw new MalformedStreamException("Theora frame of " + t.fmbw + "x" + t.fmbh + " macro blocks");
        }
        if ((long) t.fmbw * t.fmbh * 256 > MAX_PIXELS) {
            throw new UnsupportedFeatureException("Theora frame " + t.fmbw * 16 + "x" + t.fmbh * 16 + " is too large");
        }
        int fw = t.fmbw * 16;
        int fh = t.fmbh * 16;
        if (t.picWidth > fw || t.picHeight > fh || t.picX > fw - t.picWidth || t.picY > fh - t.picHeight
                || t.picWidth == 0 || t.picHeight == 0) {
            throw new MalformedStreamException("Theora picture region " + t.picWidth + "x" + t.picHeight + "+" + t.picX
                    + "+" + t.picY + " outside the " + fw + "x" + fh + " frame");
        }
        if (t.pixelFormat == 1) {
            throw new MalformedStreamException("Theora pixel format 1 is reserved");
        }
        if (reserved != 0) {
            throw new MalformedStreamException("Theora identification header reserved bits are not zero");
        }
        return t;
    }

    /** Checks the packet type byte and the "theora" signature (Theora I 6.1). */
    static void checkCommonHeader(byte[] data, int type) {
        if (data.length < 7 || (data[0] & 0xFF) != type || data[1] != 't' || data[2] != 'h' || data[3] != 'e'
                || data[4] != 'o' || data[5] != 'r' || data[6] != 'a') {
            throw new MalformedStreamException("not a Theora header of type 0x" + Integer.toHexString(type));
        }
    }

    int frameWidth() {
        return fmbw * 16;
    }

    int frameHeight() {
        return fmbh * 16;
    }

    /** log2 of the horizontal chroma subsampling. */
    int chromaShiftX() {
        return pixelFormat == PF_444 ? 0 : 1;
    }

    /** log2 of the vertical chroma subsampling. */
    int chromaShiftY() {
        return pixelFormat == PF_420 ? 1 : 0;
    }
}
