package org.kinora.player;

import org.kinora.worker.Js;
import org.teavm.jso.JSObject;

/**
 * {@code playbackRate}, {@code defaultPlaybackRate} and {@code preservesPitch}, after
 * HTMLMediaElement: checked against the supported range, applied to the clock (sound and wall),
 * the sound output's speed and pitch, and the live latency control, with {@code ratechange}.
 */
final class PlaybackRate {
    /** The supported range (HTMLMediaElement leaves it to the user agent; Chromium's). */
    static final double MIN = 0.25;
    static final double MAX = 4;

    private final Events events;
    private final MediaClock clock;
    private final SoundOutput sound;
    private final LiveLatency latency;
    private double rate = 1;
    private double defaultRate = 1;
    private boolean preservesPitch = true;

    PlaybackRate(Events events, MediaClock clock, SoundOutput sound, LiveLatency latency, JSObject options) {
        this.events = events;
        this.clock = clock;
        this.sound = sound;
        this.latency = latency;
        if (Js.has(options, "defaultPlaybackRate") && valid(Js.getNumber(options, "defaultPlaybackRate"))) {
            defaultRate = Js.getNumber(options, "defaultPlaybackRate");
            rate = defaultRate;
        }
        if (Js.has(options, "preservesPitch")) {
            preservesPitch = Js.getBoolean(options, "preservesPitch");
        }
        apply();
        sound.setKeepPitch(preservesPitch);
    }

    static boolean valid(double r) {
        return r >= MIN && r <= MAX;
    }

    double get() {
        return rate;
    }

    double getDefault() {
        return defaultRate;
    }

    boolean preservesPitch() {
        return preservesPitch;
    }

    /** {@code playbackRate = r}: the clock and the sound run at r from now on. */
    void set(double r) {
        check(r, "playbackRate");
        if (r != rate) {
            rate = r;
            apply();
            events.emit("ratechange");
        }
    }

    void setDefault(double r) {
        check(r, "defaultPlaybackRate");
        if (r != defaultRate) {
            defaultRate = r;
            events.emit("ratechange");
        }
    }

    void setPreservesPitch(boolean keep) {
        preservesPitch = keep;
        sound.setKeepPitch(keep);
    }

    /** HTML's load algorithm: each load starts at the default rate, without an event. */
    void reset() {
        rate = defaultRate;
        apply();
    }

    private static void check(double r, String name) {
        if (!valid(r)) {
            throw new IllegalArgumentException(name + " must be in [" + MIN + ", " + MAX + "]");
        }
    }

    private void apply() {
        latency.setPlaybackRate(rate);
        clock.setRate(rate);
        sound.setSpeed(rate);
    }
}
