package org.kinora.vorbis;

import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;

/** Vorbis decoder: not implemented yet; making one fails with {@link UnsupportedFeatureException}. */
public final class VorbisDecoder implements AudioDecoder {
    public VorbisDecoder(TrackInfo track) {
        throw new UnsupportedFeatureException("Vorbis decoding is not implemented yet");
    }

    @Override
    public void decode(Packet packet) {
    }

    @Override
    public AudioBlock receive() {
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void reset() {
    }
}
