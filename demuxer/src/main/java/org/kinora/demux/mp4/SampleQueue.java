package org.kinora.demux.mp4;

import org.kinora.core.MalformedStreamException;

/** Samples to deliver, in file order: where each lies and its timestamps (ticks of its track). */
final class SampleQueue {
    int count;
    int cursor;
    long[] offset = new long[16];
    int[] size = new int[16];
    /** Index of the sample's track in the demuxer's track list. */
    int[] track = new int[16];
    /** Index of the sample in its track's sample table (-1 for fragment samples). */
    int[] sample = new int[16];
    long[] dts = new long[16];
    long[] pts = new long[16];
    int[] duration = new int[16];
    boolean[] key = new boolean[16];

    void clear() {
        count = 0;
        cursor = 0;
    }

    boolean done() {
        return cursor >= count;
    }

    void add(long offset, int size, int track, int sample, long dts, long pts, int duration, boolean key, int limit) {
        if (count == this.offset.length) {
            if (count >= limit) {
                throw new MalformedStreamException("more than " + limit + " samples");
            }
            int n = Math.min(limit, Math.max(16, count * 2));
            this.offset = java.util.Arrays.copyOf(this.offset, n);
            this.size = java.util.Arrays.copyOf(this.size, n);
            this.track = java.util.Arrays.copyOf(this.track, n);
            this.sample = java.util.Arrays.copyOf(this.sample, n);
            this.dts = java.util.Arrays.copyOf(this.dts, n);
            this.pts = java.util.Arrays.copyOf(this.pts, n);
            this.duration = java.util.Arrays.copyOf(this.duration, n);
            this.key = java.util.Arrays.copyOf(this.key, n);
        }
        int i = count++;
        this.offset[i] = offset;
        this.size[i] = size;
        this.track[i] = track;
        this.sample[i] = sample;
        this.dts[i] = dts;
        this.pts[i] = pts;
        this.duration[i] = duration;
        this.key[i] = key;
    }

    /** Stable sort of the entries by file offset (insertion into runs: the tracks' samples are mostly in order already). */
    void sortByOffset() {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[count];
        mergeSort(idx, tmp, 0, count);
        int cap = Math.max(16, count);
        long[] o = new long[cap];
        int[] s = new int[cap];
        int[] t = new int[cap];
        int[] sa = new int[cap];
        long[] d = new long[cap];
        long[] p = new long[cap];
        int[] du = new int[cap];
        boolean[] k = new boolean[cap];
        for (int i = 0; i < count; i++) {
            int j = idx[i];
            o[i] = offset[j];
            s[i] = size[j];
            t[i] = track[j];
            sa[i] = sample[j];
            d[i] = dts[j];
            p[i] = pts[j];
            du[i] = duration[j];
            k[i] = key[j];
        }
        offset = o;
        size = s;
        track = t;
        sample = sa;
        dts = d;
        pts = p;
        duration = du;
        key = k;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = offset[a[j]] < offset[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
    }
}
