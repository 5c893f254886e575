package org.kinora.theora;

import java.util.List;
import org.kinora.core.ChromaFormat;
import org.kinora.core.ColourDescription;
import org.kinora.core.Picture;
import org.kinora.core.TrackInfo;

/**
 * The second half of the Theora decoder (see {@link TheoraFrameParser}): reconstruction (Theora
 * I 7.9) and the loop filter (7.10) of parsed frames, into three frame buffers (current, previous,
 * golden) allocated once. A builder may build only some of the planes (the planes are independent
 * from the tokens on): {@link TheoraParseStage} builds the chroma planes next to the parser while
 * {@link TheoraBuildStage} builds the luma plane in another worker.
 */
public final class TheoraFrameBuilder {
    private final TheoraInfo info;
    private final SetupHeader setup;
    private final FrameLayout layout;
    /** The frame being built; the parser's own when both halves run in one place. */
    private final FrameState state;
    private final Reconstructor recon;
    private final LoopFilter loopFilter;
    /** Up to three frame buffers, each three planes. */
    private final byte[][][] buffers = new byte[3][][];
    private byte[][] previous;
    private byte[][] golden;
    private final Picture picture = new Picture();
    /** The planes this builder builds: bit p for plane p. */
    private final int planes;
    /** Undoes the DC prediction the parser left to this builder. */
    private final DcPrediction dcPrediction;

    /**
     * A builder for frames handed over by a {@link TheoraFrameParser} of the same track, made from
     * the headers alone: no parser (its state, the setup header's Huffman tables) is made for it.
     */
    public TheoraFrameBuilder(TrackInfo track) {
        this(TheoraFrameParser.headers(track), ALL_PLANES);
    }

    /** As {@link #TheoraFrameBuilder(TrackInfo)}, of the planes in {@code planes}, from the track's header packets. */
    TheoraFrameBuilder(List<byte[]> headers, int planes) {
        this(TheoraInfo.parse(headers.get(0)), SetupHeader.parse(headers.get(2), false), null, planes);
    }

    /** Plane masks of {@link #TheoraFrameBuilder(TheoraFrameParser, int)}. */
    static final int ALL_PLANES = 7;
    static final int LUMA = 1;
    static final int CHROMA = 6;

    /**
     * A builder of the planes in {@code planes} ({@link #ALL_PLANES}, {@link #LUMA} or
     * {@link #CHROMA}) of {@code parser}'s frames, reading the parser's state directly. The
     * picture's other planes are left for the caller to fill.
     */
    TheoraFrameBuilder(TheoraFrameParser parser, int planes) {
        this(parser.info, parser.setup, parser, planes);
    }

    /** With {@code shared} non-null, the builder reads that parser's state (and its layout). */
    private TheoraFrameBuilder(TheoraInfo info, SetupHeader setup, TheoraFrameParser shared, int planes) {
        if (planes != ALL_PLANES && planes != LUMA && planes != CHROMA) {
            throw new IllegalArgumentException("planes " + planes);
        }
        this.planes = planes;
        this.info = info;
        this.setup = setup;
        layout = shared != null ? shared.layout : new FrameLayout(info);
        state = shared != null ? shared.state : new FrameState(layout);
        recon = new Reconstructor(layout, setup);
        loopFilter = new LoopFilter(layout);
        dcPrediction = new DcPrediction(layout);
        initPicture();
    }

    /** Bytes of one chroma plane of the frames (Theora's coded size). */
    int chromaPlaneSize() {
        return layout.planeWidth[1] * layout.planeHeight[1];
    }

    private void initPicture() {
        Picture p = picture;
        int format = info.pixelFormat == TheoraInfo.PF_420 ? ChromaFormat.YUV420
                : info.pixelFormat == TheoraInfo.PF_422 ? ChromaFormat.YUV422 : ChromaFormat.YUV444;
        p.setGeometry(info.frameWidth(), info.frameHeight(), format, 8);
        // Theora I 6.2: PICY counts from the bottom of the frame.
        int left = TheoraDecoder.alignedCropLeft(info.picX, info.chromaShiftX());
        p.cropX = left;
        p.cropY = info.frameHeight() - info.picHeight - info.picY;
        p.cropWidth = info.picWidth + info.picX - left;
        p.cropHeight = info.picHeight;
        if (info.aspectNum > 0 && info.aspectDen > 0) {
            p.pixelAspectNum = info.aspectNum;
            p.pixelAspectDen = info.aspectDen;
        }
        // Theora I 4.3: Rec. 470M is the 525-line system, Rec. 470BG the 625-line one.
        p.colour = info.colourSpace == 1 ? ColourDescription.BT601_525
                : info.colourSpace == 2 ? ColourDescription.BT601_625 : ColourDescription.UNSPECIFIED;
        for (int i = 0; i < 3; i++) {
            p.stride[i] = -layout.planeWidth[i];
            p.planeOffset[i] = (layout.planeHeight[i] - 1) * layout.planeWidth[i];
        }
    }

    /**
     * Builds the picture of a hand-over ({@link TheoraFrameParser#handOver()}, its first
     * {@code length} entries) with timestamp {@code pts}: a new frame, or the previous picture
     * again. Null when there is nothing to show (no reference yet). The picture's planes are the
     * builder's and change at the next call.
     */
    public Picture build(int[] handOver, int length, long pts) {
        if (length < 1) {
            throw new IllegalArgumentException("empty Theora hand-over");
        }
        if (handOver[0] == FrameState.HAND_OVER_REPEAT) {
            return repeat(pts);
        }
        if (handOver[0] != FrameState.HAND_OVER_FRAME) {
            return null;
        }
        state.importFrom(handOver, length);
        return build(pts);
    }

    /** The previous picture again (a dropped frame), or null when there is none. */
    Picture repeat(long pts) {
        if (previous == null) {
            return null;
        }
        picture.pts = pts;
        picture.keyframe = false;
        return picture;
    }

    /** Builds the frame in {@link #state}; null when it is an inter frame with no reference. */
    Picture build(long pts) {
        FrameState s = state;
        if (!s.intra && previous == null) {
            return null;
        }
        byte[][] cur = freeBuffer();
        reconstructAndFilter(s, cur);
        previous = cur;
        if (s.intra) {
            golden = cur;
        }
        for (int i = 0; i < 3; i++) {
            if ((planes & (1 << i)) != 0) {
                picture.planes[i] = cur[i];
            }
        }
        picture.pts = pts;
        picture.keyframe = s.intra;
        return picture;
    }

    /**
     * Reconstruction (Theora I 7.9) and the loop filter (7.10), a super block row at a time so
     * that the filter works on rows still in the cache. A block row is filtered once the row
     * above it is reconstructed: its filters touch the neighbouring rows.
     */
    private void reconstructAndFilter(FrameState s, byte[][] cur) {
        if ((s.dcPending & planes) != 0) {
            dcPrediction.undo(s, s.dcPending & planes);
        }
        recon.startFrame(s);
        boolean filter = loopFilter.startFrame(setup.loopFilterLimits[s.qis[0]]);
        for (int p = 0; p < 3; p++) {
            if ((planes & (1 << p)) == 0) {
                continue;
            }
            // Each token list holds the luma blocks' entries, then the chroma blocks': a builder of
            // the chroma planes alone starts after the luma ones.
            if (p == 1 && (planes & 1) == 0) {
                for (int ti = 0; ti < 64; ti++) {
                    s.tokenNext[ti] = s.tokenStart[ti] + s.tokenLumaCount[ti];
                }
            }
            int fh = layout.fragHeight[p];
            int sbRows = (fh + 3) >> 2;
            int filtered = 0;
            for (int r = 0; r < sbRows; r++) {
                recon.reconstructRow(s, p, r, cur, previous, golden);
                int ready = Math.min(4 * r + 4, fh);
                int upTo = ready == fh ? fh : ready - 1;
                if (filter && upTo > filtered) {
                    loopFilter.applyRows(s, cur[p], p, filtered, upTo);
                    filtered = upTo;
                }
            }
        }
    }

    /** A buffer that is neither the previous nor the golden frame. */
    private byte[][] freeBuffer() {
        for (int i = 0; i < buffers.length; i++) {
            byte[][] c = buffers[i];
            if (c == null) {
                c = new byte[3][];
                for (int p = 0; p < 3; p++) {
                    if ((planes & (1 << p)) == 0) {
                        continue;
                    }
                    c[p] = new byte[layout.planeWidth[p] * layout.planeHeight[p]];
                }
                buffers[i] = c;
                return c;
            }
            if (c != previous && c != golden) {
                return c;
            }
        }
        throw new IllegalStateException("no free frame buffer");
    }

    /** Picture of the frames built: its planes outside this builder's are the caller's. */
    Picture picture() {
        return picture;
    }

    /** After a seek: the references are dropped. */
    public void reset() {
        previous = null;
        golden = null;
    }
}
