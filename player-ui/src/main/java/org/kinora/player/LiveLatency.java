package org.kinora.player;

/**
 * Latency control for live streams. The latency is the newest media time the player has received
 * (the end of the newest sound block or the newest picture) minus the current time. Above
 * {@link #max} the player jumps: the queued pictures and sound before {@code newest - target} are
 * dropped and the clock moves there, so the latency comes back to the target. Between the target
 * and the maximum the wall clock runs at {@link #CATCH_UP_RATE}; sound keeps its rate of 1
 * (playing it faster without pitch artefacts needs time stretching), so a player on sound relies
 * on the jumps only.
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
            double to = newest - target;
            frames.skipTo(to);
            sound.skipTo(to);
            clock.jump(to);
            clock.setRate(1);
            jumps++;
            return true;
        }
        if (clock.source() == MediaClock.Source.WALL) {
            if (latency > target + SETTLE) {
                clock.setRate(CATCH_UP_RATE);
            } else if (latency <= target) {
                clock.setRate(1);
            }
        } else {
            clock.setRate(1);
        }
        return false;
    }
}
