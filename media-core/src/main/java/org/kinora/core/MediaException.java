package org.kinora.core;

/**
 * Base of every error Kinora reports for media it cannot play. Unchecked, so that parsing code
 * deep in a decoder can stop at the first bad syntax element without threading declarations
 * through every method; the boundaries (CLI, worker) catch it and turn it into an exit code or an
 * {@code error} event.
 *
 * <p>Each exception carries a MediaError-style code so the browser side can report it as
 * {@code HTMLMediaElement.error.code} does.
 */
public class MediaException extends RuntimeException {
    /** The fetch was aborted by the user. */
    public static final int MEDIA_ERR_ABORTED = 1;
    /** A network error stopped the fetch. */
    public static final int MEDIA_ERR_NETWORK = 2;
    /** The media is malformed or could not be decoded. */
    public static final int MEDIA_ERR_DECODE = 3;
    /** The container or codec is not supported. */
    public static final int MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

    private final int code;

    public MediaException(String message) {
        this(MEDIA_ERR_DECODE, message, null);
    }

    public MediaException(int code, String message) {
        this(code, message, null);
    }

    public MediaException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The MediaError-style code: one of the {@code MEDIA_ERR_*} constants. */
    public int code() {
        return code;
    }
}
