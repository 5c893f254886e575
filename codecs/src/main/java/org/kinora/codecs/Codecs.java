package org.kinora.codecs;

import java.util.function.Function;
import org.kinora.aac.AacDecoder;
import org.kinora.aac.G711Decoder;
import org.kinora.core.AudioDecoder;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.core.VideoDecoder;
import org.kinora.hevc.HevcDecoder;
import org.kinora.theora.TheoraDecoder;
import org.kinora.vorbis.VorbisDecoder;

/** Makes the decoder for a track's codec ({@link TrackInfo#codec()}). */
public final class Codecs {
    private Codecs() {
    }

    // Registering a codec is one line in one of these tables.
    private static final Video[] VIDEO = {
        new Video(TrackInfo.THEORA, TheoraDecoder::new),
        new Video(TrackInfo.HEVC, HevcDecoder::new),
    };
    private static final Audio[] AUDIO = {
        new Audio(TrackInfo.VORBIS, VorbisDecoder::new),
        new Audio(TrackInfo.AAC, AacDecoder::new),
        new Audio(TrackInfo.ALAW, G711Decoder::new),
        new Audio(TrackInfo.MULAW, G711Decoder::new),
    };

    /** A new decoder for the video track {@code track}. */
    public static VideoDecoder video(TrackInfo track) {
        for (Video v : VIDEO) {
            if (v.codec.equals(track.codec())) {
                return v.factory.apply(track);
            }
        }
        throw new UnsupportedFeatureException("no decoder for video codec " + track.codec());
    }

    /** A new decoder for the audio track {@code track}. */
    public static AudioDecoder audio(TrackInfo track) {
        for (Audio a : AUDIO) {
            if (a.codec.equals(track.codec())) {
                return a.factory.apply(track);
            }
        }
        throw new UnsupportedFeatureException("no decoder for audio codec " + track.codec());
    }

    /**
     * True when the track's video decoder can run split across two workers: Theora, whose
     * {@link org.kinora.theora.TheoraParseStage} and {@link org.kinora.theora.TheoraBuildStage}
     * are about even halves of the work.
     */
    public static boolean canSplit(TrackInfo track) {
        return TrackInfo.THEORA.equals(track.codec());
    }

    /** True when a decoder exists for the track's codec. */
    public static boolean canDecode(TrackInfo track) {
        for (Video v : VIDEO) {
            if (v.codec.equals(track.codec())) {
                return true;
            }
        }
        for (Audio a : AUDIO) {
            if (a.codec.equals(track.codec())) {
                return true;
            }
        }
        return false;
    }

    private static final class Video {
        final String codec;
        final Function<TrackInfo, VideoDecoder> factory;

        Video(String codec, Function<TrackInfo, VideoDecoder> factory) {
            this.codec = codec;
            this.factory = factory;
        }
    }

    private static final class Audio {
        final String codec;
        final Function<TrackInfo, AudioDecoder> factory;

        Audio(String codec, Function<TrackInfo, AudioDecoder> factory) {
            this.codec = codec;
            this.factory = factory;
        }
    }
}
