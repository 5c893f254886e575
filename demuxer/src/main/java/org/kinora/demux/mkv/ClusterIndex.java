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

    void add(long clusterPosition, double seconds) {
        if (count > 0 && clusterPosition <= position[count - 1] || count >= MAX_ENTRIES) {
            return;
        }
        if (count == position.length) {
            position = java.util.Arrays.copyOf(position, count * 2);
            time = java.util.Arrays.copyOf(time, count * 2);
        }
        position[count] = clusterPosition;
        time[count] = seconds;
        count++;
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

    /** The last indexed cluster starting at or before {@code seconds}, or -1 when the index does not reach past it yet. */
    long positionFor(double seconds) {
        if (count == 0 || !complete && time[count - 1] <= seconds) {
            return -1;
        }
        int best = 0;
        for (int i = 0; i < count; i++) {
            if (time[i] <= seconds) {
                best = i;
            }
        }
        return position[best];
    }
}
