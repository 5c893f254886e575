package org.kinora.theora;

import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.TrackInfo;
import org.kinora.core.VideoDecoder;

/**
 * Theora I decoder (Theora I specification, streams of version 3.2.x). Bit-exact with FFmpeg's
 * decoder. Frames are decoded in order; every data packet yields one picture, a 0-byte packet
 * repeats the previous one (Theora I 7, "dropped frames").
 *
 * <p>Planes are stored as Theora numbers them, bottom row first; the {@link Picture} exposes
 * row 0 as the top through a negative stride. Three frame buffers (current, previous, golden)
 * are allocated once; decoding allocates nothing per frame. Its two halves do the work,
 * {@link TheoraFrameParser} (the packet) and {@link TheoraFrameBuilder} (the pixels), on one
 * shared frame state.
 */
public final class TheoraDecoder implements VideoDecoder {
    private final TheoraFrameParser parser;
    private final TheoraFrameBuilder builder;
    private Picture pending;

    public TheoraDecoder(TrackInfo track) {
        parser = new TheoraFrameParser(track);
        builder = new TheoraFrameBuilder(parser, TheoraFrameBuilder.ALL_PLANES);
    }

    /**
     * The left edge of the visible rectangle as FFmpeg crops it: FFmpeg keeps every plane's first
     * visible sample 32-byte aligned, so it moves a left offset whose planes would start
     * misaligned down to an aligned column (and widens the picture accordingly). Pictures match
     * FFmpeg's framemd5 only with the same rectangle.
     */
    static int alignedCropLeft(int cropLeft, int chromaShiftX) {
        if (cropLeft == 0) {
            return 0;
        }
        int log2Crop = Integer.numberOfTrailingZeros(cropLeft);
        int minAlign = log2Crop;
        int chroma = cropLeft >> chromaShiftX;
        if (chroma != 0) {
            minAlign = Math.min(minAlign, Integer.numberOfTrailingZeros(chroma));
        }
        if (minAlign < 5) {
            cropLeft &= ~((1 << (5 + log2Crop - minAlign)) - 1);
        }
        return cropLeft;
    }

    @Override
    public void decode(Packet packet) {
        pending = null;
        // A frame that fails leaves the references untouched: the parser throws before the
        // builder sees it.
        int kind = parser.parse(packet);
        if (kind == TheoraFrameParser.FRAME) {
            pending = builder.build(packet.pts);
        } else if (kind == TheoraFrameParser.REPEAT) {
            pending = builder.repeat(packet.pts);
        }
    }

    @Override
    public Picture receive() {
        Picture p = pending;
        pending = null;
        return p;
    }

    @Override
    public void flush() {
    }

    @Override
    public void reset() {
        parser.reset();
        builder.reset();
        pending = null;
    }
}
