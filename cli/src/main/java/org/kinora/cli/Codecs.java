package org.kinora.cli;

import org.kinora.aac.AacDecoder;
import org.kinora.aac.G711Decoder;
import org.kinora.core.AudioDecoder;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.core.VideoDecoder;
import org.kinora.hevc.HevcDecoder;
import org.kinora.theora.TheoraDecoder;
import org.kinora.vorbis.VorbisDecoder;

/** Makes the decoder for a track's codec. */
final class Codecs {
    private Codecs() {
    }

    static VideoDecoder video(TrackInfo track) {
        switch (track.codec()) {
            case TrackInfo.THEORA:
                return new TheoraDecoder(track);
            case TrackInfo.HEVC:
                return new HevcDecoder(track);
            default:
                throw new UnsupportedFeatureException("no decoder for video codec " + track.codec());
        }
    }

    static AudioDecoder audio(TrackInfo track) {
        if (TrackInfo.VORBIS.equals(track.codec())) {
            return new VorbisDecoder(track);
        }
        if (TrackInfo.AAC.equals(track.codec())) {
            return new AacDecoder(track);
        }
        if (TrackInfo.ALAW.equals(track.codec()) || TrackInfo.MULAW.equals(track.codec())) {
            return new G711Decoder(track);
        }
        throw new UnsupportedFeatureException("no decoder for audio codec " + track.codec());
    }
}
