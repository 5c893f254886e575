package org.kinora.demux.flv;

import java.util.List;
import java.util.Map;

/**
 * What Kinora uses of an FLV {@code onMetaData} script tag (FLV 10.1, E.5): duration, picture
 * size, frame rate and the {@code keyframes} index ({@code times} in seconds and
 * {@code filepositions} in bytes, as FLV tools and FFmpeg's {@code add_keyframe_index} write it).
 */
final class FlvMetadata {
    /** Seconds, or NaN when absent or 0 (live streams send 0). */
    double duration = Double.NaN;
    int width;
    int height;
    double frameRate;
    /** Keyframe index, milliseconds and byte positions of tag starts, both increasing; null when absent. */
    long[] keyframeTimes;
    long[] keyframePositions;

    /** Reads the metadata from a script tag body; null when the tag is not onMetaData. */
    static FlvMetadata parse(byte[] data, int offset, int length) {
        Amf0 amf = new Amf0(data, offset, length);
        Object name = amf.readValue();
        if ("@setDataFrame".equals(name) && amf.hasMore()) {
            name = amf.readValue();
        }
        if (!"onMetaData".equals(name) || !amf.hasMore()) {
            return null;
        }
        Object v = amf.readValue();
        if (!(v instanceof Map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        FlvMetadata md = new FlvMetadata();
        double d = number(m.get("duration"));
        if (d > 0 && d < 1e9) {
            md.duration = d;
        }
        md.width = dimension(m.get("width"));
        md.height = dimension(m.get("height"));
        double fps = number(m.get("framerate"));
        if (fps > 0 && fps < 1000) {
            md.frameRate = fps;
        }
        Object k = m.get("keyframes");
        if (k instanceof Map) {
            md.readIndex((Map<?, ?>) k);
        }
        return md;
    }

    private void readIndex(Map<?, ?> k) {
        Object t = k.get("times");
        Object p = k.get("filepositions");
        if (!(t instanceof List) || !(p instanceof List)) {
            return;
        }
        List<?> times = (List<?>) t;
        List<?> positions = (List<?>) p;
        int n = Math.min(times.size(), positions.size());
        long[] ts = new long[n];
        long[] ps = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double time = number(times.get(i));
            double pos = number(positions.get(i));
            if (!(time >= 0 && time < 1e9 && pos >= 0 && pos < 1e15)) {
                continue;
            }
            long ms = (long) (time * 1000 + 0.5);
            long bytes = (long) pos;
            // keep the index strictly increasing in position and non-decreasing in time
            if (count > 0 && (bytes <= ps[count - 1] || ms < ts[count - 1])) {
                continue;
            }
            ts[count] = ms;
            ps[count] = bytes;
            count++;
        }
        if (count > 0) {
            keyframeTimes = java.util.Arrays.copyOf(ts, count);
            keyframePositions = java.util.Arrays.copyOf(ps, count);
        }
    }

    private static double number(Object o) {
        return o instanceof Double ? (Double) o : Double.NaN;
    }

    private static int dimension(Object o) {
        double v = number(o);
        return v >= 1 && v <= 65535 ? (int) v : 0;
    }
}
