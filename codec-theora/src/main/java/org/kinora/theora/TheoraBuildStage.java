package org.kinora.theora;

import org.kinora.core.Picture;
import org.kinora.core.TrackInfo;

/**
 * The second stage of a Theora decoder split across two workers (see {@link TheoraParseStage}):
 * undoes the luma plane's DC prediction of each handed-over frame and builds the plane, keeping
 * its reference frames, and makes the picture with the chroma planes the first stage built.
 */
public final class TheoraBuildStage {
    private final TheoraFrameBuilder luma;
    private final byte[][] chroma = new byte[3][];

    public TheoraBuildStage(TrackInfo track) {
        luma = new TheoraFrameBuilder(TheoraFrameParser.headers(track), TheoraFrameBuilder.LUMA);
        int size = luma.chromaPlaneSize();
        chroma[1] = new byte[size];
        chroma[2] = new byte[size];
    }

    /**
     * The array that receives chroma plane {@code plane} (1 or 2) of the next frame, as
     * {@link TheoraParseStage#chromaPlane} gave it, before {@link #build}.
     */
    public byte[] chromaPlane(int plane) {
        return chroma[plane];
    }

    /**
     * The picture of a hand-over ({@link TheoraParseStage#handOver()}, its first {@code length}
     * entries): a new frame (whose chroma planes are already in {@link #chromaPlane}), or the
     * previous picture again. Null when there is nothing to show. The picture's planes change at
     * the next call.
     */
    public Picture build(int[] handOver, int length, long pts) {
        Picture pic = luma.build(handOver, length, pts);
        if (pic != null) {
            pic.planes[1] = chroma[1];
            pic.planes[2] = chroma[2];
        }
        return pic;
    }

    /** After a seek or a failed packet: the references are dropped. */
    public void reset() {
        luma.reset();
    }
}
