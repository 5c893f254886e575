package org.kinora.core;

/** The stream is valid but uses a container, codec, profile or tool Kinora does not implement. */
public class UnsupportedFeatureException extends MediaException {
    public UnsupportedFeatureException(String message) {
        super(MEDIA_ERR_SRC_NOT_SUPPORTED, message);
    }
}
