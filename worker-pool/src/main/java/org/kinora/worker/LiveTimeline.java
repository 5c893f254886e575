package org.kinora.worker;

/**
 * The one timeline of a live stream, whatever its timestamps do. A live stream's timestamps are
 * the sender's: a new connection may start them from 0 or anywhere, and within one connection
 * they jump when an encoder restarts behind the server or a relay resets its clock. Each such
 * start is placed right after the media already sent ({@link #GAP} later), so the player's clock
 * never goes back and never waits through a hole.
 *
 * <p>A jump is a decode time that goes back by more than {@link #MAX_BACK} seconds within a track,
 * or forward by more than {@link #MAX_AHEAD}. A jump the current shift already places near the end
 * of the timeline is not a new one: the other track seen after the first track's jump, or a track
 * that was silent for a while (a camera's audio muted) while the other one went on.
 */
final class LiveTimeline {
    /** Seconds between the end of the media sent and a new start. */
    static final double GAP = 0.04;
    static final double MAX_BACK = 1;
    static final double MAX_AHEAD = 10;

    private double shift;
    private double end = Double.NEGATIVE_INFINITY;
    private boolean restart;
    /** The last decode time (seconds, as sent by the sender) of each track kind: 0 video, 1 audio. */
    private final double[] last = {Double.NaN, Double.NaN};
    private int splices;

    /** A new connection: its first timestamp starts after the media already sent. */
    void newConnection() {
        restart = true;
    }

    /** The new connection's first packet is still to come. */
    boolean awaitingConnection() {
        return restart;
    }

    /**
     * The next packet of track {@code kind} (0 video, 1 audio) starts at {@code start} seconds of
     * the sender's timestamps (its decode time): moves the shift when it starts a new stretch.
     * Returns true when it did.
     */
    boolean place(int kind, double start) {
        if (Double.isNaN(start)) {
            return false;
        }
        double previous = last[kind];
        last[kind] = start;
        if (restart) {
            restart = false;
            last[1 - kind] = Double.NaN;
            return rebase(start);
        }
        if (Double.isNaN(previous) || (start >= previous - MAX_BACK && start <= previous + MAX_AHEAD)) {
            return false;
        }
        double placed = start + shift;
        if (!Double.isInfinite(end) && placed >= end - MAX_BACK && placed <= end + MAX_AHEAD) {
            return false; // already placed by the other track's jump, or a silent track coming back
        }
        return rebase(start);
    }

    private boolean rebase(double start) {
        shift = Double.isInfinite(end) ? shift : end + GAP - start;
        splices++;
        return true;
    }

    /** Seconds added to the sender's timestamps. */
    double shift() {
        return shift;
    }

    /** Media up to {@code t} seconds of the timeline has been sent. */
    void reached(double t) {
        if (!Double.isNaN(t)) {
            end = Math.max(end, t);
        }
    }

    /** Starts placed so far: new connections and jumps within one. */
    int splices() {
        return splices;
    }
}
