package org.kinora.aac;

/** Differences between decoded float samples and a 16-bit reference, per channel. */
final class Comparison {
    private Comparison() {
    }

    static final class Result {
        int maxDiff;
        double rms;
        int worstChannel;

        @Override
        public String toString() {
            return "max " + maxDiff + " LSB, RMS " + String.format("%.3f", rms) + " LSB (worst channel " + worstChannel + ")";
        }
    }

    static Result compare(float[] ours, short[] ref, int channels) {
        Result r = new Result();
        for (int c = 0; c < channels; c++) {
            long sum = 0;
            int max = 0;
            int n = 0;
            for (int i = c; i < ref.length; i += channels) {
                int d = Math.abs(Fixtures.toS16(ours[i]) - ref[i]);
                max = Math.max(max, d);
                sum += (long) d * d;
                n++;
            }
            double rms = Math.sqrt((double) sum / Math.max(1, n));
            if (max > r.maxDiff || rms > r.rms) {
                r.worstChannel = c;
            }
            r.maxDiff = Math.max(r.maxDiff, max);
            r.rms = Math.max(r.rms, rms);
        }
        return r;
    }
}
