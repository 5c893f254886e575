package org.kinora.theora;

import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;

/**
 * The first stage of a Theora decoder split across two workers: parses each packet
 * ({@link TheoraFrameParser}), undoes the DC prediction of the chroma planes and builds them,
 * keeping their reference frames itself. What the other stage, {@link TheoraBuildStage}, needs of
 * a frame is the parser's hand-over and the two chroma planes; it undoes the luma plane's DC
 * prediction and builds it. At 4:2:0 that is about half of the work on each side, the first
 * stage's being the smaller as its worker also reads and demuxes the stream.
 *
 * <p>A packet that fails to parse throws before either stage's references change; after that,
 * {@link #reset} both stages and start again at an intra frame.
 */
public final class TheoraParseStage {
    private final TheoraFrameParser parser;
    private final TheoraFrameBuilder chroma;

    public TheoraParseStage(TrackInfo track) {
        parser = new TheoraFrameParser(track);
        parser.undoDcOf(TheoraFrameBuilder.CHROMA);
        chroma = new TheoraFrameBuilder(parser, TheoraFrameBuilder.CHROMA);
    }

    /**
     * Parses one data packet and, for a new frame, builds its chroma planes:
     * {@link TheoraFrameParser#NONE} (nothing to send), {@link TheoraFrameParser#FRAME} or
     * {@link TheoraFrameParser#REPEAT}.
     */
    public int parse(Packet packet) {
        int kind = parser.parse(packet);
        if (kind == TheoraFrameParser.FRAME && chroma.build(packet.pts) == null) {
            // the parser and this builder lose their references together, so this cannot happen
            throw new IllegalStateException("Theora chroma planes without a reference");
        }
        return kind;
    }

    /** The last {@link #parse}'s hand-over for {@link TheoraBuildStage#build}: its first {@link #handOverLength()} entries. */
    public int[] handOver() {
        return parser.handOver();
    }

    public int handOverLength() {
        return parser.handOverLength();
    }

    /**
     * Chroma plane {@code plane} (1 or 2) of the frame parsed last ({@link TheoraFrameParser#FRAME}
     * only), in Theora's row order, {@link #chromaPlaneSize()} bytes; changed by the next frame.
     */
    public byte[] chromaPlane(int plane) {
        return chroma.picture().planes[plane];
    }

    /** Bytes of each chroma plane. */
    public int chromaPlaneSize() {
        return parser.layout.planeWidth[1] * parser.layout.planeHeight[1];
    }

    /** After a seek or a failed packet: no picture until the next intra frame. */
    public void reset() {
        parser.reset();
        chroma.reset();
    }
}
