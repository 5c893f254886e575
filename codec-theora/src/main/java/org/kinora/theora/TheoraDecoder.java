package org.kinora.theora;

import org.kinora.core.Picture;
import org.kinora.core.VideoDecoder;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;

/** Theora decoder: not implemented yet; making one fails with {@link UnsupportedFeatureException}. */
public final class TheoraDecoder implements VideoDecoder {
    public TheoraDecoder(TrackInfo track) {
        throw new UnsupportedFeatureException("Theora decoding is not implemented yet");
    }

    @Override
    public void decode(Packet packet) {
    }

    @Override
    public Picture receive() {
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void reset() {
    }
}
