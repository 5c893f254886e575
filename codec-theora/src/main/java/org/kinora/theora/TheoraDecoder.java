package org.kinora.theora;

import java.util.List;
import org.kinora.core.ChromaFormat;
import org.kinora.core.ColourDescription;
import org.kinora.core.MalformedStreamException;
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
 * are allocated once; decoding allocates nothing per frame.
 */
public final class TheoraDecoder implements VideoDecoder {
    private final TheoraInfo info;
    private final SetupHeader setup;
    private final FrameLayout layout;
    private final FrameState state;
    private final BlockInfoDecoder blockInfo;
    private final TokenDecoder tokens;
    private final Reconstructor recon;
    private final LoopFilter loopFilter;
    private final PacketBits bits = new PacketBits();
    /** Up to three frame buffers, each three planes. */
    private final byte[][][] buffers = new byte[3][][];
    private byte[][] previous;
    private byte[][] golden;
    private final Picture picture = new Picture();
    private boolean pending;

    public TheoraDecoder(TrackInfo track) {
        List<byte[]> headers = track.codecHeaders();
        if (headers.size() < 3) {
            throw new MalformedStreamException("Theora needs 3 header packets, the track has " + headers.size());
        }
        info = TheoraInfo.parse(headers.get(0));
        TheoraInfo.checkCommonHeader(headers.get(1), 0x81);
        setup = SetupHeader.parse(headers.get(2));
        layout = new FrameLayout(info);
        state = new FrameState(layout);
        blockInfo = new BlockInfoDecoder(layout);
        tokens = new TokenDecoder();
        recon = new Reconstructor(layout, setup);
        loopFilter = new LoopFilter(layout);
        initPicture();
    }

    private void initPicture() {
        Picture p = picture;
        int format = info.pixelFormat == TheoraInfo.PF_420 ? ChromaFormat.YUV420
                : info.pixelFormat == TheoraInfo.PF_422 ? ChromaFormat.YUV422 : ChromaFormat.YUV444;
        p.setGeometry(info.frameWidth(), info.frameHeight(), format, 8);
        // Theora I 6.2: PICY counts from the bottom of the frame.
        int left = alignedCropLeft(info.picX, info.chromaShiftX());
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
        pending = false;
        if (packet.length == 0) {
            // A dropped frame: the previous picture again.
            if (previous != null) {
                picture.pts = packet.pts;
                picture.keyframe = false;
                pending = true;
            }
            return;
        }
        PacketBits b = bits;
        b.reset(packet.data, packet.offset, packet.length);
        FrameState s = state;
        if (!BlockInfoDecoder.readFrameHeader(b, s)) {
            return;
        }
        if (!s.intra && previous == null) {
            // Nothing to predict from (the stream or a seek started between keyframes): no
            // picture until the next intra frame.
            return;
        }
        byte[][] cur = freeBuffer();
        // A frame that fails leaves the references untouched.
        blockInfo.decode(b, s);
        tokens.decode(b, s, setup.huffman);
        recon.undoDcPrediction(s);
        reconstructAndFilter(s, cur);
        previous = cur;
        if (s.intra) {
            golden = cur;
        }
        for (int i = 0; i < 3; i++) {
            picture.planes[i] = cur[i];
        }
        picture.pts = packet.pts;
        picture.keyframe = s.intra;
        pending = true;
    }

    /**
     * Reconstruction (Theora I 7.9) and the loop filter (7.10), a super block row at a time so
     * that the filter works on rows still in the cache. A block row is filtered once the row
     * above it is reconstructed: its filters touch the neighbouring rows.
     */
    private void reconstructAndFilter(FrameState s, byte[][] cur) {
        recon.startFrame(s);
        boolean filter = loopFilter.startFrame(setup.loopFilterLimits[s.qis[0]]);
        for (int p = 0; p < 3; p++) {
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

    @Override
    public Picture receive() {
        if (!pending) {
            return null;
        }
        pending = false;
        return picture;
    }

    @Override
    public void flush() {
    }

    @Override
    public void reset() {
        previous = null;
        golden = null;
        pending = false;
    }
}
