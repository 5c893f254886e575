package org.kinora.player;

import org.teavm.jso.JSObject;

/**
 * The media clock of one player. While sound plays it follows the presentation time of the sample
 * the output plays now (the blocks' timestamps, so a lost packet or a gap does not shift A/V sync);
 * the wall clock takes over from the last sound time when the sound has ended before the pictures,
 * for files without sound, and when sound is not routed to an output (muted without a running
 * AudioContext). The time never goes back while it runs.
 */
final class MediaClock {
    enum Source { STOPPED, AUDIO, WALL }

    private Source source = Source.STOPPED;
    /** Media time when stopped, and the wall clock's starting point. */
    private double position;
    private double wallStart;
    /** Latest time read while running on sound (keeps the clock monotonic). */
    private double latest;
    /** Speed of the wall clock (1 normally; a live stream catching up runs it faster). */
    private double rate = 1;
    private JSObject audio;

    Source source() {
        return source;
    }

    /** The sound output that drives the clock when there is one; null for none. */
    void setAudio(JSObject output) {
        audio = output;
    }

    double now() {
        switch (source) {
            case AUDIO: {
                double t = Dom.audioTime(audio);
                if (Double.isNaN(t)) {
                    return latest; // nothing played yet since the start or the seek
                }
                if (t > latest) {
                    latest = t;
                }
                return latest;
            }
            case WALL:
                return position + (JsUtil.now() - wallStart) / 1000 * rate;
            default:
                return position;
        }
    }

    /** Runs on the sound output when {@code onSound} and there is one, on the wall clock otherwise. */
    void start(boolean onSound) {
        if (source != Source.STOPPED) {
            return;
        }
        if (onSound && audio != null) {
            source = Source.AUDIO;
            latest = position;
            Dom.playAudio(audio);
        } else {
            source = Source.WALL;
            wallStart = JsUtil.now();
        }
    }

    void stop() {
        if (source == Source.STOPPED) {
            return;
        }
        position = now();
        if (source == Source.AUDIO) {
            Dom.pauseAudio(audio);
        }
        source = Source.STOPPED;
    }

    /** The sound has ended: the wall clock goes on from the last sound time. */
    void soundEnded() {
        if (source == Source.AUDIO) {
            position = now();
            wallStart = JsUtil.now();
            source = Source.WALL;
        }
    }

    double rate() {
        return rate;
    }

    /** Sets the wall clock's speed from now on (the sound's clock is not affected). */
    void setRate(double r) {
        if (r == rate) {
            return;
        }
        if (source == Source.WALL) {
            position = now();
            wallStart = JsUtil.now();
        }
        rate = r;
    }

    /**
     * Moves the running clock forward to {@code seconds} (a live stream's jump). On sound the
     * clock holds there until the output's time, restarting from the block after the skipped ones,
     * passes it; the wall clock goes on from there.
     */
    void jump(double seconds) {
        switch (source) {
            case AUDIO:
                latest = Math.max(latest, seconds);
                break;
            case WALL:
                position = seconds;
                wallStart = JsUtil.now();
                break;
            default:
                position = seconds;
                latest = seconds;
                break;
        }
    }

    /** Sets the time (stopped: after a seek or a load). */
    void set(double seconds) {
        stop();
        position = seconds;
        latest = seconds;
    }
}
