package org.kinora.worker.protocol;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Makes protocol messages: plain objects with their {@code type} set. */
public final class Messages {
    public static final String OPEN = "open";
    public static final String VIDEO = "video";
    public static final String POSITION = "position";
    public static final String SEEK = "seek";
    public static final String RECYCLE = "recycle";
    public static final String RECYCLE_AUDIO = "recycle-audio";
    public static final String CLOSE = "close";
    public static final String SIMULATE_CRASH = "simulate-crash";
    public static final String TRACKS = "tracks";
    public static final String AUDIO = "audio";
    public static final String AUDIO_PROGRESS = "audio-progress";
    /** The sound's format ahead of the tracks ({@link AudioFormatMessage}). */
    public static final String AUDIO_FORMAT = "audio-format";
    public static final String AUDIO_HOLD = "audio-hold";
    public static final String EOS = "eos";
    public static final String PROGRESS = "progress";
    public static final String PICTURE = "picture";
    public static final String VIDEO_EOS = "video-eos";
    public static final String ERROR = "error";
    public static final String DECODE_ERROR = "decode-error";
    /** A live stream's new connection (an {@link ErrorMessage}: {@code count} so far, {@code message}). */
    public static final String RECONNECT = "reconnect";
    public static final String CONFIG = "config";
    public static final String PACKET = "packet";
    /** A video frame parsed by the source worker, for the video worker to build ({@link FrameMessage}). */
    public static final String FRAME = "frame";
    /**
     * Main thread to a source worker: the answer to the request for the file's first
     * {@link OpenRequest#FIRST_READ} bytes that the main thread made while the workers started
     * ({@link OpenRequest#isEarly}): {@code status}, {@code headers} (name and value pairs) and the
     * {@code body} stream (transferred), or {@code failed}.
     */
    public static final String EARLY = "early";

    private Messages() {
    }

    /** A new message of {@code type}, viewed as {@code T}. */
    public static <T extends Message> T create(String type) {
        return make(type).cast();
    }

    /** Any received object viewed as a message. */
    public static <T extends Message> T of(JSObject data) {
        return data.cast();
    }

    @JSBody(params = "type", script = "return {type: type, session: 0, epoch: 0};")
    private static native JSObject make(String type);
}
