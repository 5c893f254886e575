package org.kinora.hevc;

import org.kinora.core.Picture;
import org.kinora.core.VideoDecoder;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.UnsupportedFeatureException;

/** Hevc decoder: not implemented yet; making one fails with {@link UnsupportedFeatureException}. */
public final class HevcDecoder implements VideoDecoder {
    public HevcDecoder(TrackInfo track) {
        throw new UnsupportedFeatureException("Hevc decoding is not implemented yet");
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
