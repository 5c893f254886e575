package org.kinora.theora;

import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;

/**
 * The first stage of a Theora decoder split across two workers: parses each packet
 * ({@link TheoraFrameParser}) and builds the frame's two chroma planes, keeping their reference
 * frames itself. What the other stage, {@link TheoraBuildStage}, needs of a frame is the parser's
 * hand-over and the two chroma planes; it builds the luma plane. At 4:2:0 the chroma planes are a
 * third of the blocks, so parse plus chroma and luma alone are about even halves of the work.
 *
 * <p>A packet that fails to parse throws before either stage's references change; after that,
 * {@link #reset} both stages and start again at an intra frame.
 */
public final class TheoraParseStage {
    private final TheoraFrameParser parser;
    private final TheoraFrameBuilder chroma;
    private int kind;

    public TheoraParseStage(TrackInfo track) {
        parser = new TheoraFrameParser(track);
        chroma = new TheoraFrameBuilder(parser, true, 1, 3);
    }

    /**
     * Parses one data packet and, for a new frame, builds its chroma planes:
     * {@link TheoraFrameParser#NONE} (nothing to send), {@link TheoraFrameParser#FRAME} or
     * {@link TheoraFrameParser#REPEAT}.
     */
    public int parse(Packet packet) {
        kind = parser.parse(packet);
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
        kind = TheoraFrameParser.NONE;
    }
}
