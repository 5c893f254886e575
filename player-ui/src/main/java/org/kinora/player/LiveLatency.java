package org.kinora.player;

/**
 * Latency control for live streams. The latency is the newest media time the player has received
 * (the end of the newest sound block or the newest picture) minus the current time. Above
 * {@link #max} the player jumps: the queued pictures and sound before {@code newest - target} are
 * dropped and the clock moves there, so the latency comes back to the target. Between the target
 * and the maximum the player plays at {@link #CATCH_UP_RATE} until it is back at the target: the
 * wall clock runs faster, or the sound output plays faster with its pitch kept (it leaves out
 * short stretches where the waveform matches, see {@code kinora-audio-worklet.js}; the
 * ScriptProcessor fallback does not, and relies on the jumps). Catching up keeps a sound clock that
 * runs slower than the wall clock (a busy machine, a drifting sound card) at the target too.
 *
 * <p>Each time playback (re)starts ({@link #anchor}: the first play, after a stall such as a
 * reconnection, after a pause) the latency is set to the target: what was received before
 * {@code newest - target} is skipped before anything of it is heard, so the start needs no catch-up
 * and a server's burst of its cached pictures (a late joiner gets the whole group of pictures since
 * the last keyframe) does not become latency.
 */
final class LiveLatency {
    static final double DEFAULT_TARGET = 1.0;
    static final double DEFAULT_MAX = 3.0;
    /** Speed of the wall clock while the latency is over the target. */
    static final double CATCH_UP_RATE = 1.25;
    /** Catching up stops this close to the target (a margin against flapping between rates). */
    private static final double SETTLE = 0.1;

    private double target = DEFAULT_TARGET;
    private double max = DEFAULT_MAX;
    private int jumps;
    /** The page's playbackRate: at 1 the control catches up; at another rate it stands aside. */
    private double playbackRate = 1;

    /** Sets the target and the maximum (seconds); invalid values keep the defaults. */
    void configure(double targetSeconds, double maxSeconds) {
        if (targetSeconds >= 0 && targetSeconds < 3600) {
            target = targetSeconds;
        }
        if (maxSeconds > target && maxSeconds < 3600) {
            max = maxSeconds;
        } else if (!(max > target)) {
            max = target + DEFAULT_MAX - DEFAULT_TARGET;
        }
    }

    double target() {
        return target;
    }

    double max() {
        return max;
    }

    int jumps() {
        return jumps;
    }

    void clear() {
        jumps = 0;
    }

    /**
     * The page's playbackRate. At 1 the latency is controlled as described; at any other rate the
     * stream plays at that rate (no catch-up speed), and only a latency over the maximum (a rate
     * below 1 lets it grow) jumps back to the target; a rate above 1 drains what was received and
     * waits for more, as a paused stream's playback would.
     */
    void setPlaybackRate(double rate) {
        playbackRate = rate;
    }

    /** Newest media time received, NaN when nothing was. */
    static double newest(FrameQueue frames, SoundOutput sound) {
        double v = frames.newestTime();
        double a = sound.newestTime();
        if (Double.isNaN(v)) {
            return a;
        }
        return Double.isNaN(a) ? v : Math.max(v, a);
    }

    /** The latency at media time {@code now}, NaN when nothing was received. */
    static double latency(FrameQueue frames, SoundOutput sound, double now) {
        return newest(frames, sound) - now;
    }

    /**
     * Playback of a live stream starts (the clock is stopped): a latency over the target is brought
     * to it. Returns true when it skipped.
     */
    boolean anchor(FrameQueue frames, SoundOutput sound, MediaClock clock) {
        double newest = newest(frames, sound);
        double now = clock.now();
        if (Double.isNaN(newest) || !(newest - now > target + SETTLE)) {
            return false;
        }
        skip(frames, sound, clock, newest - target);
        return true;
    }

    private void skip(FrameQueue frames, SoundOutput sound, MediaClock clock, double to) {
        frames.skipTo(to);
        sound.skipTo(to);
        clock.jump(to);
        clock.setRate(playbackRate);
        sound.setSpeed(playbackRate);
        jumps++;
    }

    /**
     * Keeps the latency of a playing live stream in bounds at media time {@code now}. Returns true
     * when it jumped.
     */
    boolean control(FrameQueue frames, SoundOutput sound, MediaClock clock, double now) {
        double newest = newest(frames, sound);
        double latency = newest - now;
        if (Double.isNaN(latency)) {
            return false;
        }
        if (latency > max) {
            skip(frames, sound, clock, newest - target);
            return true;
        }
        if (playbackRate != 1) {
            clock.setRate(playbackRate);
            sound.setSpeed(playbackRate);
            return false;
        }
        double rate = latency > target + SETTLE ? CATCH_UP_RATE : latency <= target ? 1 : Double.NaN;
        if (Double.isNaN(rate)) {
            return false; // between the two: as it was
        }
        if (clock.source() == MediaClock.Source.WALL) {
            clock.setRate(rate);
            sound.setSpeed(1);
        } else {
            clock.setRate(1);
            sound.setSpeed(rate);
        }
        return false;
    }
}
