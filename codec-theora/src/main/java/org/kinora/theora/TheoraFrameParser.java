package org.kinora.theora;

import java.util.List;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;

/**
 * The first half of the Theora decoder: reads a frame's packet (Theora I 7.1 to 7.7) and undoes
 * its DC prediction (7.8), everything that needs only the packet. What it leaves for the second
 * half, {@link TheoraFrameBuilder}, which keeps the reference frames and does the pixel work
 * (7.9, 7.10), is one {@code int[]} ({@link #handOver()}): the two halves can run in two workers,
 * one parsing frame N + 1 while the other reconstructs frame N. {@link TheoraDecoder} runs both
 * in one place without the copy.
 *
 * <p>A packet that fails to parse throws and gives no hand-over; the builder's references stay
 * as they were, as in {@link TheoraDecoder}.
 */
public final class TheoraFrameParser {
    /** {@link #parse}: no picture for this packet (a header packet, or no reference to predict from). */
    public static final int NONE = 0;
    /** {@link #parse}: a frame to reconstruct. */
    public static final int FRAME = FrameState.HAND_OVER_FRAME;
    /** {@link #parse}: a dropped frame, the previous picture again. */
    public static final int REPEAT = FrameState.HAND_OVER_REPEAT;

    final TheoraInfo info;
    final SetupHeader setup;
    final FrameLayout layout;
    final FrameState state;
    private final BlockInfoDecoder blockInfo;
    private final TokenDecoder tokens = new TokenDecoder();
    private final DcPrediction dcPrediction;
    private final PacketBits bits = new PacketBits();
    /** Whether the builder has a picture to predict from (and to repeat). */
    private boolean haveReference;
    private int kind;
    private int[] handOver;
    /** Planes whose DC prediction {@link #parse} undoes; the others are left to their builder. */
    private int dcPlanes = TheoraFrameBuilder.ALL_PLANES;

    public TheoraFrameParser(TrackInfo track) {
        List<byte[]> headers = headers(track);
        info = TheoraInfo.parse(headers.get(0));
        setup = SetupHeader.parse(headers.get(2));
        layout = new FrameLayout(info);
        state = new FrameState(layout);
        blockInfo = new BlockInfoDecoder(layout);
        dcPrediction = new DcPrediction(layout);
    }

    /** The track's three header packets, the comment header checked. */
    static List<byte[]> headers(TrackInfo track) {
        List<byte[]> headers = track.codecHeaders();
        if (headers.size() < 3) {
            throw new MalformedStreamException("Theora needs 3 header packets, the track has " + headers.size());
        }
        TheoraInfo.checkCommonHeader(headers.get(1), 0x81);
        return headers;
    }

    /** Parses one data packet: {@link #NONE}, {@link #FRAME} (in {@link #state}) or {@link #REPEAT}. */
    public int parse(Packet packet) {
        kind = NONE;
        if (packet.length == 0) {
            // A dropped frame (Theora I 7): the previous picture again, if there is one.
            kind = haveReference ? REPEAT : NONE;
            return kind;
        }
        PacketBits b = bits;
        b.reset(packet.data, packet.offset, packet.length);
        FrameState s = state;
        if (!BlockInfoDecoder.readFrameHeader(b, s)) {
            return NONE;
        }
        if (!s.intra && !haveReference) {
            // Nothing to predict from (the stream or a seek started between keyframes): no
            // picture until the next intra frame.
            return NONE;
        }
        blockInfo.decode(b, s);
        tokens.decode(b, s, setup.huffman);
        dcPrediction.undo(s, dcPlanes);
        s.dcPending = TheoraFrameBuilder.ALL_PLANES & ~dcPlanes;
        haveReference = true;
        kind = FRAME;
        return FRAME;
    }

    /**
     * The last {@link #parse}'s result for {@link TheoraFrameBuilder#build(int[], int, long)}: its
     * first {@link #handOverLength()} entries. The array is reused by the next call.
     */
    public int[] handOver() {
        if (kind == FRAME) {
            handOver = state.export(handOver);
        } else {
            if (handOver == null) {
                handOver = new int[1];
            }
            handOver[0] = kind;
        }
        return handOver;
    }

    /** Entries of {@link #handOver()} in use. */
    public int handOverLength() {
        return kind == FRAME ? state.exportLength() : 1;
    }

    /** Leaves the DC prediction of the planes not in {@code planeMask} to the builders of those planes. */
    void undoDcOf(int planeMask) {
        dcPlanes = planeMask;
    }

    /** After a seek: inter frames give nothing until the next intra frame. */
    public void reset() {
        haveReference = false;
        kind = NONE;
    }
}
