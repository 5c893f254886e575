package org.kinora.demux.mkv;

/**
 * Clusters seen while reading (or scanning for a seek) whose first block of the reference track
 * is a keyframe: their positions and that keyframe's time. Seeking without Cues starts from here.
 */
final class ClusterIndex {
    private static final int MAX_ENTRIES = 1 << 20;
    private long[] position = new long[16];
    private double[] time = new double[16];
    private int count;
    private boolean complete;
    private boolean firstKnown;

    /** Adds a cluster, in position order (a scan after a bisection can index clusters before known ones). */
    void add(long clusterPosition, double seconds) {
        int at = count;
        while (at > 0 && position[at - 1] > clusterPosition) {
            at--;
        }
        if (at > 0 && position[at - 1] == clusterPosition || count >= MAX_ENTRIES) {
            return;
        }
        if (count == position.length) {
            position = java.util.Arrays.copyOf(position, count * 2);
            time = java.util.Arrays.copyOf(time, count * 2);
        }
        System.arraycopy(position, at, position, at + 1, count - at);
        System.arraycopy(time, at, time, at + 1, count - at);
        position[at] = clusterPosition;
        time[at] = seconds;
        count++;
    }

    /** The first entry is the file's first cluster that starts with a reference-track keyframe. */
    void markFirstKnown() {
        firstKnown = true;
    }

    void markComplete() {
        complete = true;
    }

    long first() {
        return count > 0 ? position[0] : -1;
    }

    long last() {
        return count > 0 ? position[count - 1] : -1;
    }

    /**
     * The last indexed cluster starting at or before {@code seconds}; the first cluster when the
     * target is before it and it is known to be the file's first. -1 when the index does not reach
     * past the target yet, or has nothing at or before it.
     */
    long positionFor(double seconds) {
        if (count == 0 || !complete && time[count - 1] <= seconds) {
            return -1;
        }
        long at = atOrBefore(seconds);
        return at >= 0 ? at : firstKnown ? position[0] : -1;
    }

    /** The last indexed cluster whose keyframe is at or before {@code seconds}, or -1. */
    long atOrBefore(double seconds) {
        long best = -1;
        for (int i = 0; i < count && time[i] <= seconds; i++) {
            best = position[i];
        }
        return best;
    }

    /** Time of the first entry, NaN when empty. */
    double firstTime() {
        return count > 0 ? time[0] : Double.NaN;
    }
}
