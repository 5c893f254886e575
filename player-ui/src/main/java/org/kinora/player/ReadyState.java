package org.kinora.player;

/**
 * HTMLMediaElement's readyState from what is buffered, and the events its rises fire:
 * {@code loadeddata} (first time at HAVE_CURRENT_DATA), {@code canplay} (reaching
 * HAVE_FUTURE_DATA), {@code canplaythrough} (reaching HAVE_ENOUGH_DATA).
 */
final class ReadyState {
    static final int HAVE_NOTHING = 0;
    static final int HAVE_METADATA = 1;
    static final int HAVE_CURRENT_DATA = 2;
    static final int HAVE_FUTURE_DATA = 3;
    static final int HAVE_ENOUGH_DATA = 4;

    /** Seconds of sound queued for HAVE_FUTURE_DATA and HAVE_ENOUGH_DATA. */
    static final double SOUND_FUTURE = 0.25;
    static final double SOUND_ENOUGH = 1.0;
    /** Pictures queued for HAVE_FUTURE_DATA and HAVE_ENOUGH_DATA. */
    static final int PICTURES_FUTURE = 1;
    static final int PICTURES_ENOUGH = 3;

    private int state = HAVE_NOTHING;
    private boolean loadedDataFired;

    int get() {
        return state;
    }

    /** Back to nothing (a new source). */
    void reset() {
        state = HAVE_NOTHING;
        loadedDataFired = false;
    }

    /** Down to {@code level} without events (a seek, a stall). */
    void drop(int level) {
        if (state > level) {
            state = level;
        }
    }

    /** What the buffers hold, as a level. */
    static int level(boolean current, boolean videoEnded, int pictures, boolean soundEnded, double sound) {
        if (!current) {
            return HAVE_METADATA;
        }
        boolean videoEnough = videoEnded || pictures >= PICTURES_ENOUGH;
        boolean soundEnough = soundEnded || sound >= SOUND_ENOUGH;
        if (videoEnough && soundEnough) {
            return HAVE_ENOUGH_DATA;
        }
        boolean videoFuture = videoEnded || pictures >= PICTURES_FUTURE;
        boolean soundFuture = soundEnded || sound >= SOUND_FUTURE;
        return videoFuture && soundFuture ? HAVE_FUTURE_DATA : HAVE_CURRENT_DATA;
    }

    /** Raises the level to {@code level}, firing the events of the rise in order. */
    void rise(int level, Events events) {
        int before = state;
        if (level <= before) {
            return;
        }
        state = level;
        if (before < HAVE_CURRENT_DATA && level >= HAVE_CURRENT_DATA && !loadedDataFired) {
            loadedDataFired = true;
            events.emit("loadeddata");
        }
        if (before < HAVE_FUTURE_DATA && level >= HAVE_FUTURE_DATA) {
            events.emit("canplay");
        }
        if (before < HAVE_ENOUGH_DATA && level >= HAVE_ENOUGH_DATA) {
            events.emit("canplaythrough");
        }
    }

    /** HAVE_METADATA reached (events are the caller's: durationchange, loadedmetadata). */
    void metadata() {
        if (state < HAVE_METADATA) {
            state = HAVE_METADATA;
        }
    }
}
