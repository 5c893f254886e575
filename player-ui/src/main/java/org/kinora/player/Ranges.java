package org.kinora.player;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Disjoint, sorted time ranges, as HTMLMediaElement's TimeRanges hold them: adding a range that
 * overlaps or touches others merges them. The player's {@code buffered} and {@code played}.
 */
final class Ranges {
    private double[] bounds = new double[16];
    private int count;

    void clear() {
        count = 0;
    }

    int length() {
        return count;
    }

    double start(int i) {
        return bounds[2 * i];
    }

    double end(int i) {
        return bounds[2 * i + 1];
    }

    /** Adds [start, end]; NaN or reversed ranges are ignored. */
    void add(double start, double end) {
        if (Double.isNaN(start) || Double.isNaN(end) || end < start) {
            return;
        }
        int i = 0;
        while (i < count && end(i) < start) {
            i++;
        }
        // ranges i..j-1 overlap or touch [start, end]
        int j = i;
        while (j < count && start(j) <= end) {
            start = Math.min(start, start(j));
            end = Math.max(end, end(j));
            j++;
        }
        int newCount = count - (j - i) + 1;
        if (2 * newCount > bounds.length) {
            double[] b = new double[bounds.length * 2];
            System.arraycopy(bounds, 0, b, 0, 2 * count);
            bounds = b;
        }
        System.arraycopy(bounds, 2 * j, bounds, 2 * (i + 1), 2 * (count - j));
        bounds[2 * i] = start;
        bounds[2 * i + 1] = end;
        count = newCount;
    }

    /** The ranges as a flat JS array [start0, end0, start1, end1, ...], limited to [0, limit]. */
    JSObject toJs(double limit) {
        JSObject a = newArray();
        for (int i = 0; i < count; i++) {
            double s = Math.max(0, start(i));
            double e = Double.isNaN(limit) ? end(i) : Math.min(end(i), limit);
            if (e >= s) {
                push(a, s, e);
            }
        }
        return a;
    }

    @JSBody(script = "return [];")
    static native JSObject newArray();

    @JSBody(params = {"a", "s", "e"}, script = "a.push(s, e);")
    static native void push(JSObject a, double s, double e);
}
