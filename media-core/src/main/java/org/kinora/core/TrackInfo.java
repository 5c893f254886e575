package org.kinora.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a demuxer knows about one track: its codec, its time base and what the decoder needs to
 * start. Immutable; made with {@link Builder}.
 *
 * <p>Timestamps of the track's {@link Packet}s count ticks of {@code 1 / timescale} seconds.
 */
public final class TrackInfo {
    /** Codec names used in {@link #codec()}. */
    public static final String THEORA = "theora";
    public static final String VORBIS = "vorbis";
    public static final String HEVC = "hevc";
    /** AAC (ISO/IEC 14496-3); {@link #codecConfig()} is the AudioSpecificConfig. */
    public static final String AAC = "aac";
    /** G.711 A-law, 8-bit samples. */
    public static final String ALAW = "alaw";
    /** G.711 mu-law, 8-bit samples. */
    public static final String MULAW = "mulaw";

    private final int id;
    private final TrackType type;
    private final String codec;
    private final long timescale;
    private final long duration;
    private final List<byte[]> codecHeaders;
    private final byte[] codecConfig;
    private final int width;
    private final int height;
    private final int pixelAspectNum;
    private final int pixelAspectDen;
    private final int frameRateNum;
    private final int frameRateDen;
    private final int sampleRate;
    private final int channels;
    private final String language;
    private final int rotation;
    private final ColourDescription colour;
    private final boolean supported;

    private TrackInfo(Builder b) {
        id = b.id;
        type = b.type;
        codec = b.codec;
        timescale = b.timescale;
        duration = b.duration;
        codecHeaders = Collections.unmodifiableList(new ArrayList<>(b.codecHeaders));
        codecConfig = b.codecConfig;
        width = b.width;
        height = b.height;
        pixelAspectNum = b.pixelAspectNum;
        pixelAspectDen = b.pixelAspectDen;
        frameRateNum = b.frameRateNum;
        frameRateDen = b.frameRateDen;
        sampleRate = b.sampleRate;
        channels = b.channels;
        language = b.language;
        rotation = b.rotation;
        colour = b.colour;
        supported = b.supported;
    }

    /** Container-level track number (Ogg serial, Matroska track number, MP4 track id). */
    public int id() { return id; }

    public TrackType type() { return type; }

    /** Codec name: one of the constants of this class, or the container's own name if unknown. */
    public String codec() { return codec; }

    /** Ticks per second of this track's timestamps. */
    public long timescale() { return timescale; }

    /** Duration in ticks, or -1 when not known. */
    public long duration() { return duration; }

    /** Duration in seconds, or NaN when not known. */
    public double durationSeconds() {
        return duration < 0 ? Double.NaN : (double) duration / timescale;
    }

    /**
     * Header packets the decoder needs before the first data packet, in order (Xiph codecs: the
     * identification, comment and setup headers). Empty when the codec keeps its headers in band.
     */
    public List<byte[]> codecHeaders() { return codecHeaders; }

    /** Codec configuration record (HEVC: the hvcC box payload), or null. */
    public byte[] codecConfig() { return codecConfig; }

    /** Visible picture width in pixels (0 for audio or when not known). */
    public int width() { return width; }

    public int height() { return height; }

    public int pixelAspectNum() { return pixelAspectNum; }

    public int pixelAspectDen() { return pixelAspectDen; }

    /** Nominal frame rate numerator (0 when not known). */
    public int frameRateNum() { return frameRateNum; }

    public int frameRateDen() { return frameRateDen; }

    public int sampleRate() { return sampleRate; }

    public int channels() { return channels; }

    /** Language tag, or null. */
    public String language() { return language; }

    /** Clockwise rotation in degrees (0, 90, 180 or 270) to apply when displaying (MP4 tkhd matrix). */
    public int rotation() { return rotation; }

    /** Colour description from the container (MP4 colr nclx, Matroska Colour), or null. */
    public ColourDescription colour() { return colour; }

    /**
     * False for a track whose codec the demuxer recognised only by name (an MP4 sample entry or
     * Matroska CodecID Kinora has no decoder for): it is listed, its packets are delivered as they
     * are, and players skip it.
     */
    public boolean supported() { return supported; }

    public Builder toBuilder() {
        Builder b = new Builder(id, type, codec).timescale(timescale).duration(duration)
                .codecConfig(codecConfig).size(width, height)
                .pixelAspect(pixelAspectNum, pixelAspectDen).frameRate(frameRateNum, frameRateDen)
                .audio(sampleRate, channels).language(language).rotation(rotation).colour(colour).supported(supported);
        for (byte[] h : codecHeaders) {
            b.addCodecHeader(h);
        }
        return b;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("track ").append(id).append(": ").append(type.label()).append(' ').append(codec);
        if (type == TrackType.VIDEO) {
            sb.append(", ").append(width).append('x').append(height);
            if (frameRateNum > 0 && frameRateDen > 0) {
                sb.append(", ").append(formatRate((double) frameRateNum / frameRateDen)).append(" fps");
            }
        } else if (type == TrackType.AUDIO) {
            sb.append(", ").append(sampleRate).append(" Hz, ").append(channels).append(channels == 1 ? " channel" : " channels");
        }
        if (duration >= 0) {
            sb.append(", ").append(formatRate(durationSeconds())).append(" s");
        }
        if (rotation != 0) {
            sb.append(", rotated ").append(rotation);
        }
        if (!supported) {
            sb.append(" (not supported)");
        }
        return sb.toString();
    }

    private static String formatRate(double v) {
        long milli = (long) (v * 1000 + 0.5);
        String frac = Long.toString(1000 + milli % 1000).substring(1);
        return (milli / 1000) + "." + frac;
    }

    /** Makes a {@link TrackInfo}. */
    public static final class Builder {
        private final int id;
        private final TrackType type;
        private final String codec;
        private long timescale = 1_000_000;
        private long duration = -1;
        private final List<byte[]> codecHeaders = new ArrayList<>();
        private byte[] codecConfig;
        private int width;
        private int height;
        private int pixelAspectNum = 1;
        private int pixelAspectDen = 1;
        private int frameRateNum;
        private int frameRateDen;
        private int sampleRate;
        private int channels;
        private String language;
        private int rotation;
        private ColourDescription colour;
        private boolean supported = true;

        public Builder(int id, TrackType type, String codec) {
            this.id = id;
            this.type = type;
            this.codec = codec;
        }

        public Builder timescale(long ticksPerSecond) {
            if (ticksPerSecond <= 0) {
                throw new MalformedStreamException("timescale " + ticksPerSecond + " is not positive");
            }
            this.timescale = ticksPerSecond;
            return this;
        }

        public Builder duration(long ticks) { this.duration = ticks; return this; }

        public Builder addCodecHeader(byte[] header) { codecHeaders.add(header); return this; }

        public Builder codecConfig(byte[] config) { this.codecConfig = config; return this; }

        public Builder size(int width, int height) { this.width = width; this.height = height; return this; }

        public Builder pixelAspect(int num, int den) {
            this.pixelAspectNum = num;
            this.pixelAspectDen = den;
            return this;
        }

        public Builder frameRate(int num, int den) { this.frameRateNum = num; this.frameRateDen = den; return this; }

        public Builder audio(int sampleRate, int channels) {
            this.sampleRate = sampleRate;
            this.channels = channels;
            return this;
        }

        public Builder language(String language) { this.language = language; return this; }

        public Builder rotation(int degrees) { this.rotation = degrees; return this; }

        public Builder colour(ColourDescription colour) { this.colour = colour; return this; }

        public Builder supported(boolean supported) { this.supported = supported; return this; }

        public TrackInfo build() { return new TrackInfo(this); }
    }
}
