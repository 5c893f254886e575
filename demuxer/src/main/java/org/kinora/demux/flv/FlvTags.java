package org.kinora.demux.flv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kinora.core.MediaException;
import org.kinora.hevc.params.HevcConfigRecord;
import org.kinora.demux.mp4.AudioSpecificConfig;

/**
 * Reads the bodies of FLV audio and video tags (FLV 10.1, E.4.2 and E.4.3, with the Enhanced RTMP
 * v2 extended headers) and keeps what is known about the two tracks. HEVC arrives either as video
 * codec id 12 (the extension Chinese CDNs and WXInlinePlayer use: AVCPacketType, SI24 composition
 * time, NAL units with length prefixes) or as an Enhanced RTMP {@code hvc1} FourCC; audio as AAC
 * (sound format 10 or the {@code mp4a} FourCC) or G.711 (formats 7 and 8). Other codecs are
 * listed by name and their packets dropped.
 *
 * <p>A packet that cannot be read (a multitrack packet, a ModEx extension that runs past the tag,
 * a tag too short for its header) is skipped and counted; it never ends the stream.
 */
final class FlvTags {
    /** Result of {@link #video} and {@link #audio}: nothing to emit. */
    static final int NONE = 0;
    /** A coded frame is described by {@link #frameOffset}, {@link #frameLength}, {@link #pts} and {@link #keyframe}. */
    static final int FRAME = 1;

    // Enhanced RTMP v2 packet types
    private static final int SEQUENCE_START = 0;
    private static final int CODED_FRAMES = 1;
    private static final int SEQUENCE_END = 2;
    private static final int CODED_FRAMES_X = 3;
    private static final int VIDEO_MULTITRACK = 6;
    private static final int AUDIO_MULTITRACK = 5;
    private static final int MOD_EX = 7;

    /** Video codec name once a video tag was seen, else null; {@link #videoSupported} says whether it decodes. */
    String videoCodec;
    boolean videoSupported;
    byte[] videoConfig;
    int width;
    int height;
    /** The video track description changed since the flag was last cleared. */
    boolean videoChanged;
    /** HEVC frames arrive but no configuration record and no in-band parameter sets have been seen yet. */
    boolean awaitingParameterSets;

    String audioCodec;
    boolean audioSupported;
    byte[] audioConfig;
    int sampleRate;
    int channels;
    boolean audioChanged;

    /** Packets dropped because they could not be read or belong to an unsupported codec. */
    int skippedPackets;

    int frameOffset;
    int frameLength;
    long pts;
    boolean keyframe;

    private int pos;
    private int end;

    /** Reads a video tag body {@code b[off .. off + len)} with timestamp {@code ts} (ms). */
    int video(byte[] b, int off, int len, long ts) {
        pos = off;
        end = off + len;
        if (len < 1) {
            return NONE;
        }
        int b0 = b[pos++] & 0xFF;
        if ((b0 & 0x80) != 0) {
            return enhancedVideo(b, b0, ts);
        }
        int frameType = b0 >> 4;
        int codecId = b0 & 0x0F;
        if (codecId == 12) {
            if (end - pos < 4) {
                return skip();
            }
            int packetType = b[pos] & 0xFF;
            int cts = si24(b, pos + 1);
            pos += 4;
            switch (packetType) {
                case 0:
                    return hevcConfig(b);
                case 1:
                    return hevcFrames(b, frameType, ts, cts);
                default:
                    return NONE; // 2: end of sequence
            }
        }
        if (codecId == 7 && end - pos >= 1 && (b[pos] & 0xFF) == 2) {
            return NONE; // AVC end-of-sequence marker (WXInlinePlayer ends its HEVC files with one)
        }
        if (frameType == 5) {
            return NONE; // video info / command frame
        }
        return unsupportedVideo(legacyVideoName(codecId));
    }

    private int enhancedVideo(byte[] b, int b0, long ts) {
        int frameType = (b0 >> 4) & 7;
        int packetType = b0 & 0x0F;
        while (packetType == MOD_EX) {
            packetType = modEx(b);
            if (packetType < 0) {
                return skip();
            }
        }
        if (packetType == VIDEO_MULTITRACK) {
            return skip();
        }
        if (end - pos < 4) {
            return skip();
        }
        String fourcc = fourcc(b, pos);
        pos += 4;
        if (frameType == 5) {
            return NONE; // command frame: carries no picture (FFmpeg sends its colour Metadata this way)
        }
        if (!fourcc.equals("hvc1")) {
            return unsupportedVideo(enhancedVideoName(fourcc));
        }
        switch (packetType) {
            case SEQUENCE_START:
                return hevcConfig(b);
            case CODED_FRAMES: {
                if (end - pos < 3) {
                    return skip();
                }
                int cts = si24(b, pos);
                pos += 3;
                return hevcFrames(b, frameType, ts, cts);
            }
            case CODED_FRAMES_X:
                return hevcFrames(b, frameType, ts, 0);
            default:
                return NONE; // SequenceEnd, Metadata, MPEG2TSSequenceStart
        }
    }

    /** Skips one ModEx extension (Enhanced RTMP v2); returns the packet type that follows, or -1. */
    private int modEx(byte[] b) {
        if (end - pos < 1) {
            return -1;
        }
        int size = (b[pos++] & 0xFF) + 1;
        if (size == 256) {
            if (end - pos < 2) {
                return -1;
            }
            size = (((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF)) + 1;
            pos += 2;
        }
        if (end - pos < size + 1) {
            return -1;
        }
        pos += size;
        return b[pos++] & 0x0F;
    }

    private int hevcConfig(byte[] b) {
        byte[] config = Arrays.copyOfRange(b, pos, end);
        HevcConfigRecord record;
        try {
            record = HevcConfigRecord.parse(config);
        } catch (MediaException e) {
            return skip();
        }
        if (!"hevc".equals(videoCodec) || !Arrays.equals(config, videoConfig)) {
            videoCodec = "hevc";
            videoSupported = true;
            videoConfig = config;
            width = record.width;
            height = record.height;
            videoChanged = true;
        }
        awaitingParameterSets = false;
        return NONE;
    }

    private int hevcFrames(byte[] b, int frameType, long ts, int cts) {
        if (videoCodec != null && !"hevc".equals(videoCodec)) {
            return skip();
        }
        if (videoConfig == null && !inBandParameterSets(b)) {
            videoCodec = "hevc";
            awaitingParameterSets = true;
            return skip();
        }
        frameOffset = pos;
        frameLength = end - pos;
        pts = ts + cts;
        keyframe = frameType == 1;
        return frameLength > 0 ? FRAME : NONE;
    }

    /**
     * A stream that never sent its configuration record (servers relay codec id 12 to late joiners
     * without it): takes VPS, SPS and PPS from the NAL units of this frame, read with 4-byte length
     * prefixes, and makes the record from them. False when the frame has no SPS and PPS.
     */
    private boolean inBandParameterSets(byte[] b) {
        List<byte[]> vps = new ArrayList<>();
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        int p = pos;
        while (end - p >= 4) {
            long n = ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            p += 4;
            if (n < 2 || n > end - p) {
                return false;
            }
            int type = (b[p] >> 1) & 0x3F;
            byte[] nal = Arrays.copyOfRange(b, p, p + (int) n);
            if (type == 32) {
                vps.add(nal);
            } else if (type == 33) {
                sps.add(nal);
            } else if (type == 34) {
                pps.add(nal);
            }
            p += (int) n;
        }
        if (sps.isEmpty() || pps.isEmpty()) {
            return false;
        }
        byte[] config = HevcConfigRecord.build(vps.toArray(new byte[0][]), sps.toArray(new byte[0][]), pps.toArray(new byte[0][]));
        HevcConfigRecord record = HevcConfigRecord.parse(config);
        videoCodec = "hevc";
        videoSupported = true;
        videoConfig = config;
        width = record.width;
        height = record.height;
        videoChanged = true;
        awaitingParameterSets = false;
        return true;
    }

    private int unsupportedVideo(String name) {
        if (videoCodec == null) {
            videoCodec = name;
            videoSupported = false;
            videoChanged = true;
        }
        return skip();
    }

    /** Reads an audio tag body {@code b[off .. off + len)} with timestamp {@code ts} (ms). */
    int audio(byte[] b, int off, int len, long ts) {
        pos = off;
        end = off + len;
        if (len < 1) {
            return NONE;
        }
        int b0 = b[pos++] & 0xFF;
        int format = b0 >> 4;
        switch (format) {
            case 9:
                return enhancedAudio(b, b0, ts);
            case 10: {
                if (end - pos < 1) {
                    return skip();
                }
                int packetType = b[pos++] & 0xFF;
                return packetType == 0 ? aacConfig(b) : aacFrame(ts);
            }
            case 7:
            case 8: {
                String name = format == 7 ? "alaw" : "mulaw";
                int ch = (b0 & 1) + 1;
                if (!name.equals(audioCodec) || channels != ch) {
                    audioCodec = name;
                    audioSupported = true;
                    audioConfig = null;
                    sampleRate = 8000; // FLV 10.1 E.4.2.1: G.711 is always 8 kHz, whatever SoundRate says
                    channels = ch;
                    audioChanged = true;
                }
                return frame(ts);
            }
            default:
                return unsupportedAudio(legacyAudioName(format));
        }
    }

    private int enhancedAudio(byte[] b, int b0, long ts) {
        int packetType = b0 & 0x0F;
        while (packetType == MOD_EX) {
            packetType = modEx(b);
            if (packetType < 0) {
                return skip();
            }
        }
        if (packetType == AUDIO_MULTITRACK || end - pos < 4) {
            return skip();
        }
        String fourcc = fourcc(b, pos);
        pos += 4;
        if (!fourcc.equals("mp4a")) {
            return unsupportedAudio(enhancedAudioName(fourcc));
        }
        switch (packetType) {
            case SEQUENCE_START:
                return aacConfig(b);
            case CODED_FRAMES:
                return aacFrame(ts);
            default:
                return NONE; // SequenceEnd, MultichannelConfig
        }
    }

    private int aacConfig(byte[] b) {
        byte[] config = Arrays.copyOfRange(b, pos, end);
        AudioSpecificConfig asc;
        try {
            asc = AudioSpecificConfig.parse(config);
        } catch (MediaException e) {
            return skip();
        }
        if (asc.sampleRate <= 0) {
            return skip();
        }
        if (!"aac".equals(audioCodec) || !Arrays.equals(config, audioConfig)) {
            audioCodec = "aac";
            audioSupported = true;
            audioConfig = config;
            sampleRate = asc.sampleRate;
            channels = asc.channels;
            audioChanged = true;
        }
        return NONE;
    }

    private int aacFrame(long ts) {
        if (!"aac".equals(audioCodec) || audioConfig == null) {
            return skip(); // raw AAC before its AudioSpecificConfig cannot be decoded
        }
        return frame(ts);
    }

    private int frame(long ts) {
        frameOffset = pos;
        frameLength = end - pos;
        pts = ts;
        keyframe = true;
        return frameLength > 0 ? FRAME : NONE;
    }

    private int unsupportedAudio(String name) {
        if (audioCodec == null) {
            audioCodec = name;
            audioSupported = false;
            audioChanged = true;
        }
        return skip();
    }

    private int skip() {
        skippedPackets++;
        return NONE;
    }

    /**
     * The composition time offset (ms) of a video tag body {@code b[off .. off + len)}: the SI24
     * after AVCPacketType for codec id 12, after the FourCC for Enhanced RTMP CodedFrames; 0 when the
     * tag has none. Used by seeking, which only peeks at tags.
     */
    static int compositionTime(byte[] b, int off, int len) {
        if (len < 5) {
            return 0;
        }
        int b0 = b[off] & 0xFF;
        if ((b0 & 0x80) == 0) {
            return (b0 & 0x0F) == 12 && (b[off + 1] & 0xFF) == 1 ? si24(b, off + 2) : 0;
        }
        return (b0 & 0x0F) == CODED_FRAMES && len >= 8 ? si24(b, off + 5) : 0;
    }

    private static int si24(byte[] b, int p) {
        return ((b[p] << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8)) >> 8;
    }

    private static String fourcc(byte[] b, int p) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int v = b[p + i] & 0xFF;
            c[i] = v >= 32 && v < 127 ? (char) v : '?';
        }
        return new String(c);
    }

    private static String legacyVideoName(int codecId) {
        switch (codecId) {
            case 2: return "flv1";
            case 3: return "flashsv";
            case 4: return "vp6f";
            case 5: return "vp6a";
            case 6: return "flashsv2";
            case 7: return "h264";
            default: return "flv video codec " + codecId;
        }
    }

    private static String enhancedVideoName(String fourcc) {
        switch (fourcc) {
            case "avc1": return "h264";
            case "av01": return "av1";
            case "vp09": return "vp9";
            case "vp08": return "vp8";
            default: return fourcc.trim();
        }
    }

    private static String legacyAudioName(int format) {
        switch (format) {
            case 0: return "pcm";
            case 1: return "adpcm_swf";
            case 2:
            case 14: return "mp3";
            case 3: return "pcm_s16le";
            case 4:
            case 5:
            case 6: return "nellymoser";
            case 11: return "speex";
            default: return "flv audio format " + format;
        }
    }

    private static String enhancedAudioName(String fourcc) {
        switch (fourcc) {
            case "Opus": return "opus";
            case "fLaC": return "flac";
            case ".mp3": return "mp3";
            case "ac-3": return "ac3";
            case "ec-3": return "eac3";
            default: return fourcc.trim();
        }
    }
}
