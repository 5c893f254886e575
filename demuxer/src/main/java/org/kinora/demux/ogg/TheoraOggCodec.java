package org.kinora.demux.ogg;

import java.util.List;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/**
 * Theora in Ogg (Theora I spec, appendix A.2): a granule position is split into the frame number
 * of the last keyframe (high bits) and the frames since it (low KFGSHIFT bits). Streams of
 * version 3.2.0 count frames from 0, later ones from 1.
 *
 * <p>Timestamps count frames when the frame rate is a whole number (timescale = frame rate);
 * otherwise the timescale is the rate's numerator and a frame lasts its denominator in ticks.
 */
final class TheoraOggCodec extends OggCodec {
    private int version;
    private int pictureWidth;
    private int pictureHeight;
    private int frameRateNum;
    private int frameRateDen;
    private int aspectNum;
    private int aspectDen;
    private int granuleShift;
    private long ticksPerFrame = 1;
    private long timescale = 1;
    /** Frame number of the next packet, or NO_TIMESTAMP. */
    private long nextFrame = Packet.NO_TIMESTAMP;

    @Override
    void parseHeader(int index, byte[] d, int length) {
        int type = 0x80 + index;
        if (length < 7 || (d[0] & 0xFF) != type || d[1] != 't' || d[2] != 'h' || d[3] != 'e' || d[4] != 'o'
                || d[5] != 'r' || d[6] != 'a') {
            throw new MalformedStreamException("Theora header " + index + " has the wrong type or signature");
        }
        if (index == 0) {
            parseIdentification(d, length);
        }
    }

    // Theora I 6.2
    private void parseIdentification(byte[] d, int length) {
        if (length < 42) {
            throw new MalformedStreamException("Theora identification header is " + length + " bytes");
        }
        int vmaj = d[7] & 0xFF;
        int vmin = d[8] & 0xFF;
        int vrev = d[9] & 0xFF;
        if (vmaj != 3 || vmin != 2) {
            throw new MalformedStreamException("Theora version " + vmaj + "." + vmin + "." + vrev + " is not 3.2");
        }
        version = vmaj << 16 | vmin << 8 | vrev;
        int fmbw = u16be(d, 10);
        int fmbh = u16be(d, 12);
        pictureWidth = u24be(d, 14);
        pictureHeight = u24be(d, 17);
        int picX = d[20] & 0xFF;
        int picY = d[21] & 0xFF;
        frameRateNum = s32be(d, 22);
        frameRateDen = s32be(d, 26);
        aspectNum = u24be(d, 30);
        aspectDen = u24be(d, 33);
        granuleShift = ((d[40] & 0x03) << 3) | ((d[41] & 0xFF) >> 5);
        if (fmbw == 0 || fmbh == 0 || pictureWidth > fmbw * 16 || pictureHeight > fmbh * 16
                || picX > fmbw * 16 - pictureWidth || picY > fmbh * 16 - pictureHeight) {
            throw new MalformedStreamException("Theora picture region outside the frame");
        }
        if (frameRateNum <= 0 || frameRateDen <= 0) {
            throw new MalformedStreamException("Theora frame rate " + frameRateNum + "/" + frameRateDen);
        }
        if (aspectNum == 0 || aspectDen == 0) {
            aspectNum = 1;
            aspectDen = 1;
        }
        if (frameRateNum % frameRateDen == 0) {
            timescale = frameRateNum / frameRateDen;
            ticksPerFrame = 1;
        } else {
            timescale = frameRateNum;
            ticksPerFrame = frameRateDen;
        }
    }

    @Override
    TrackInfo buildTrack(int serial, List<byte[]> headers, long durationTicks) {
        TrackInfo.Builder b = new TrackInfo.Builder(serial, TrackType.VIDEO, TrackInfo.THEORA)
                .timescale(timescale).size(pictureWidth, pictureHeight)
                .pixelAspect(aspectNum, aspectDen).frameRate(frameRateNum, frameRateDen).duration(durationTicks);
        for (byte[] h : headers) {
            b.addCodecHeader(h);
        }
        return b.build();
    }

    @Override
    long timescale() {
        return timescale;
    }

    @Override
    boolean hasKeyframes() {
        return true;
    }

    @Override
    long granuleToEndTicks(long granule) {
        long t = granuleToTicks(granule);
        return t < 0 ? -1 : t + ticksPerFrame;
    }

    /** Frame number (from 0) that a granule position names, or -1. */
    @Override
    long granuleToFrame(long granule) {
        if (granule < 0) {
            return -1;
        }
        long keyframe = granule >>> granuleShift;
        long delta = granule & ((1L << granuleShift) - 1);
        long frame = keyframe + delta - (version >= 0x030201 ? 1 : 0);
        return Math.max(frame, 0);
    }

    /** Frame number (from 0) of the keyframe a granule position refers to, or -1. */
    @Override
    long granuleToKeyframe(long granule) {
        if (granule < 0) {
            return -1;
        }
        return Math.max((granule >>> granuleShift) - (version >= 0x030201 ? 1 : 0), 0);
    }

    @Override
    long granuleToTicks(long granule) {
        long f = granuleToFrame(granule);
        return f < 0 ? -1 : f * ticksPerFrame;
    }

    @Override
    void timestampPage(OggPacketEntry[] packets, int first, int count, long granule, boolean eos) {
        if (count == 0) {
            return;
        }
        long lastFrame = granuleToFrame(granule);
        long frame;
        if (lastFrame >= 0) {
            frame = lastFrame - (count - 1);
        } else {
            frame = nextFrame;
        }
        for (int i = 0; i < count; i++) {
            OggPacketEntry p = packets[first + i];
            // Theora I 7.1: the first bit 0 marks a data packet, the second 0 an intra frame.
            p.keyframe = p.length > 0 && (p.data[0] & 0xC0) == 0;
            p.duration = ticksPerFrame;
            if (frame != Packet.NO_TIMESTAMP) {
                p.pts = frame * ticksPerFrame;
                frame++;
            }
        }
        nextFrame = frame;
    }

    @Override
    void resetTime() {
        nextFrame = Packet.NO_TIMESTAMP;
    }
}
