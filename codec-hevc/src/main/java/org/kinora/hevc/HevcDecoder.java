package org.kinora.hevc;

import org.kinora.core.BitReader;
import org.kinora.core.ChromaFormat;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.core.VideoDecoder;
import org.kinora.hevc.params.HevcConfigRecord;
import org.kinora.hevc.params.Sps;

/**
 * H.265/HEVC decoder (Main profile intra pictures so far). Takes Annex B access units, or
 * length-prefixed NAL units when the track carries an hvcC record, and returns pictures cropped
 * to the conformance window in output order.
 *
 * <p>Every picture with a decoded picture hash SEI is checked against it; {@link #hashesChecked()}
 * and {@link #hashMismatches()} count the results.
 */
public final class HevcDecoder implements VideoDecoder {
    /** Largest picture this decoder accepts, in luma samples (level 6.2 allows 35,651,584). */
    static final int MAX_LUMA_PICTURE_SIZE = 35_651_584;

    private final Sps[] spsList = new Sps[16];
    private final Pps[] ppsList = new Pps[64];
    private int lengthSize;
    private byte[] lastSpsRbsp;
    private byte[] lastPpsRbsp;

    final LoopFilter loopFilter = new LoopFilter();
    private final SliceDecoder sliceDecoder = new SliceDecoder(loopFilter);
    private final PictureHash hash = new PictureHash();
    private final BitReader reader = new BitReader();
    private byte[] rbsp = new byte[1024];

    private final Dpb dpb = new Dpb();
    private Frame current;
    private SliceHeader lastSlice;
    private boolean skipCurrent;
    /** A slice segment of the current picture failed: the rest of it is concealed. */
    private boolean damaged;
    /** The current picture predicts from generated reference pictures: earlier pictures were lost. */
    private boolean missingReferences;
    private final Picture picture = new Picture();

    private long packetPts = Packet.NO_TIMESTAMP;
    private boolean packetKey;

    private int hashesChecked;
    private int hashMismatches;

    private final Nal.Sink sink = this::nalUnit;

    public HevcDecoder(TrackInfo track) {
        byte[] config = track.codecConfig();
        if (config != null) {
            readHvcC(config);
        }
    }

    /** Pictures whose decoded picture hash SEI was checked. */
    public int hashesChecked() {
        return hashesChecked;
    }

    /** Pictures whose samples did not match their decoded picture hash SEI. */
    public int hashMismatches() {
        return hashMismatches;
    }

    /** HEVCDecoderConfigurationRecord (ISO/IEC 14496-15, 8.3.3.1): lengthSizeMinusOne and the parameter set arrays. */
    private void readHvcC(byte[] c) {
        lengthSize = HevcConfigRecord.walk(c, (type, data, offset, length) -> nalUnit(data, offset, length));
    }

    @Override
    public void decode(Packet packet) {
        packetPts = packet.pts;
        packetKey = packet.keyframe;
        try {
            Nal.split(packet.data, packet.offset, packet.length, lengthSize, sink);
        } catch (RuntimeException e) {
            // the picture is concealed and kept as a reference; the first error is the one reported
            damaged = current != null;
            sliceDecoder.reset();
            try {
                finishPicture();
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        // a packet holds whole access units: the last picture in it is complete
        finishPicture();
    }

    @Override
    public Picture receive() {
        Frame f = dpb.nextOutput();
        if (f == null) {
            return null;
        }
        toPicture(f);
        return picture;
    }

    @Override
    public void flush() {
        finishPicture();
        dpb.flush();
    }

    @Override
    public void reset() {
        if (current != null) {
            dpb.discard(current);
            current = null;
        }
        lastSlice = null;
        damaged = false;
        dpb.reset();
        hash.clear();
    }

    private void nalUnit(byte[] data, int offset, int length) {
        if (length < 2) {
            throw new MalformedStreamException("NAL unit shorter than its header");
        }
        int h0 = data[offset] & 0xFF;
        int h1 = data[offset + 1] & 0xFF;
        if ((h0 & 0x80) != 0) {
            throw new MalformedStreamException("forbidden_zero_bit is set");
        }
        int type = h0 >> 1;
        int layerId = ((h0 & 1) << 5) | (h1 >> 3);
        int temporalId = (h1 & 7) - 1;
        if (temporalId < 0) {
            throw new MalformedStreamException("nuh_temporal_id_plus1 is 0");
        }
        if (layerId != 0) {
            return; // enhancement layers are not decoded
        }
        if (rbsp.length < length) {
            rbsp = new byte[Math.max(length, rbsp.length * 2)];
        }
        int n = Nal.unescape(data, offset + 2, length - 2, rbsp);
        BitReader r = reader.reset(rbsp, 0, n);
        switch (type) {
            case Nal.SPS: {
                // streams repeat their parameter sets at every random access point: an identical
                // copy of the last one changes nothing and is not parsed again
                if (!sameAs(lastSpsRbsp, n)) {
                    Sps s = Sps.parse(r);
                    checkSupported(s);
                    spsList[s.id] = s;
                    lastSpsRbsp = java.util.Arrays.copyOf(rbsp, n);
                }
                break;
            }
            case Nal.PPS: {
                if (!sameAs(lastPpsRbsp, n)) {
                    Pps p = Pps.parse(r);
                    ppsList[p.id] = p;
                    lastPpsRbsp = java.util.Arrays.copyOf(rbsp, n);
                }
                break;
            }
            case Nal.PREFIX_SEI:
            case Nal.SUFFIX_SEI:
                try {
                    sei(r);
                } catch (MalformedStreamException e) {
                    // SEI messages do not affect decoding: a broken one is skipped
                }
                break;
            case Nal.EOS:
                finishPicture();
                dpb.endOfSequence();
                break;
            default:
                if (Nal.isSlice(type)) {
                    slice(type, temporalId, n);
                }
                break;
        }
    }

    private boolean sameAs(byte[] previous, int n) {
        if (previous == null || previous.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (previous[i] != rbsp[i]) {
                return false;
            }
        }
        return true;
    }

    /** sei_rbsp() (7.3.2.4): picks out the decoded picture hash. */
    private void sei(BitReader r) {
        do {
            int payloadType = 0;
            int b;
            while ((b = r.readBits(8)) == 0xFF) {
                payloadType += 255;
            }
            payloadType += b;
            int payloadSize = 0;
            while ((b = r.readBits(8)) == 0xFF) {
                payloadSize += 255;
            }
            payloadSize += b;
            if (payloadSize > r.bitsLeft() >> 3) {
                throw new MalformedStreamException("SEI payload runs past the NAL unit");
            }
            int start = r.position();
            if (payloadType == PictureHash.PAYLOAD_TYPE && current != null) {
                hash.parse(r, 3);
            }
            r.setPosition(start + 8 * payloadSize);
        } while (r.moreRbspData());
    }

    private void slice(int type, int temporalId, int n) {
        BitReader r = reader;
        boolean firstInPic = r.peekBits(1) != 0;
        if (firstInPic) {
            finishPicture();
        } else if (current == null && !skipCurrent) {
            // the start of this picture was lost: the picture is too (its users get a made-up reference)
            throw new MalformedStreamException("slice segment of a picture whose first slice segment is missing");
        }
        SliceHeader h = SliceHeader.parse(r, type, temporalId, ppsList, spsList, firstInPic ? null : lastSlice);
        if (firstInPic) {
            startPicture(h);
        }
        if (skipCurrent) {
            return;
        }
        if (ppsList[h.ppsId] != current.pps) {
            throw new MalformedStreamException("slice segments of one picture use different PPSs");
        }
        lastSlice = h;
        int idx = current.addSlice(h);
        if (damaged) {
            return; // the rest of a damaged picture is concealed
        }
        dpb.buildRefLists(h, current);
        sliceDecoder.decode(current, h, idx, rbsp, n);
    }

    private void startPicture(SliceHeader h) {
        Pps pps = ppsList[h.ppsId];
        Sps sps = spsList[pps.spsId];
        hash.clear();
        damaged = false;
        current = dpb.startPicture(h, sps, pps, packetPts);
        missingReferences = current != null && dpb.missingReferences();
        skipCurrent = current == null;
        if (current != null) {
            packetPts = Packet.NO_TIMESTAMP;
            loopFilter.start(current);
        }
    }

    /**
     * Ends the loop filters, checks the picture hash and hands the picture to the DPB. A picture
     * that lost slice segments, or in which one failed, is concealed first: its CTBs that were not
     * decoded are copied from the nearest reference picture (grey without one).
     */
    private void finishPicture() {
        Frame f = current;
        if (f == null) {
            return;
        }
        current = null;
        lastSlice = null;
        boolean complete = complete(f);
        boolean intact = complete && !damaged && !missingReferences;
        damaged = false;
        if (!complete) {
            Concealment.conceal(f, dpb.nearestReference(f.poc));
        }
        if (f.sliceCount > 0) {
            loopFilter.finish();
        } else {
            f.narrowLuma(0, f.height);
        }
        if (intact && hash.present()) {
            hashesChecked++;
            if (!hash.matches(f)) {
                hashMismatches++;
            }
        }
        hash.clear();
        dpb.finishPicture(f);
        if (!complete) {
            throw new MalformedStreamException("picture is missing slice segments");
        }
        if (missingReferences) {
            missingReferences = false;
            throw new MalformedStreamException("reference pictures are missing (lost pictures); they were made up");
        }
    }

    private static boolean complete(Frame f) {
        for (int i = 0; i < f.ctbSliceAddr.length; i++) {
            if (f.ctbSliceAddr[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private void toPicture(Frame f) {
        Sps sps = f.sps;
        Picture p = picture;
        // one bit depth per picture: a stream with 8-bit luma and deeper chroma is returned as 16-bit samples
        p.setGeometry(f.width, f.height, ChromaFormat.YUV420, Math.max(sps.bitDepthY, sps.bitDepthC));
        p.cropX = sps.subWidthC * sps.confLeft;
        p.cropY = sps.subHeightC * sps.confTop;
        p.cropWidth = f.width - sps.subWidthC * (sps.confLeft + sps.confRight);
        p.cropHeight = f.height - sps.subHeightC * (sps.confTop + sps.confBottom);
        p.colour = sps.colour;
        p.pixelAspectNum = sps.sarNum;
        p.pixelAspectDen = sps.sarDen;
        p.pts = f.pts;
        p.keyframe = f.keyframe;
        for (int c = 0; c < 3; c++) {
            int n = f.planeWidth[c] * f.planeHeight[c];
            p.stride[c] = f.planeWidth[c];
            p.planeOffset[c] = 0;
            if (sps.bitDepthY > 8 || sps.bitDepthC > 8) {
                p.planes16[c] = f.planes[c];
                p.planes[c] = null;
            } else if (c == 0) {
                // the byte copy the loop filters made as the rows became final (Frame.luma8); the
                // frame is not reused while it is the picture last handed out
                p.planes[0] = f.luma8;
                p.planes16[0] = null;
            } else {
                if (p.planes[c] == null || p.planes[c].length != n) {
                    p.planes[c] = new byte[n];
                }
                narrow(f.planes[c], p.planes[c], n);
                p.planes16[c] = null;
            }
        }
    }

    /**
     * {@code dst[i] = src[i]} for 8-bit samples. A method of its own, called once per plane, so
     * that the JIT compiles the loop as a whole method rather than on-stack inside {@link #toPicture}.
     */
    private static void narrow(short[] src, byte[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = (byte) src[i];
        }
    }

    /**
     * What this decoder supports of a parsed SPS: 4:2:0, 8 to 10 bits, no range extension coding
     * tools (7.3.2.2.2), pictures up to {@link #MAX_LUMA_PICTURE_SIZE}.
     */
    static void checkSupported(Sps s) {
        if (s.chromaFormatIdc != 1) {
            throw new UnsupportedFeatureException("HEVC chroma_format_idc " + s.chromaFormatIdc + " (only 4:2:0 is supported)");
        }
        if (s.width * s.height > MAX_LUMA_PICTURE_SIZE) {
            throw new UnsupportedFeatureException("picture size " + s.width + "x" + s.height + " is too large");
        }
        if (s.bitDepthY > 10 || s.bitDepthC > 10) {
            throw new UnsupportedFeatureException("HEVC bit depth " + s.bitDepthY + "/" + s.bitDepthC);
        }
        if (s.rangeExtensionFlags != 0) {
            throw new UnsupportedFeatureException("HEVC range extension coding tools");
        }
    }
}
