package org.kinora.worker;

import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.ProgressMessage;
import org.teavm.jso.JSObject;

/**
 * The source worker's {@code progress} messages: bytes received, whether reading is going on, and
 * the time range demuxed in the current epoch. Sent at most every {@value #INTERVAL_MS} ms while
 * bytes arrive, and at once when reading starts or pauses, so the main thread can fire
 * {@code progress}, {@code suspend} and {@code stalled} and answer {@code buffered}.
 */
final class ProgressReport {
    private static final double INTERVAL_MS = 100;

    private final JSObject main;
    private double bytes;
    private double total = -1;
    private double from = Double.NaN;
    private double to = Double.NaN;
    private boolean loading;
    private double sentBytes = -1;
    private double sentTo = Double.NaN;
    private boolean sentLoading;
    private double sentAt = -1e9;

    ProgressReport(JSObject main) {
        this.main = main;
    }

    void received(int n, long totalLength) {
        bytes += n;
        if (totalLength >= 0) {
            total = totalLength;
        }
    }

    /** A packet of the current epoch at {@code seconds} was demuxed. */
    void demuxed(double seconds) {
        if (Double.isNaN(seconds)) {
            return;
        }
        from = Double.isNaN(from) ? seconds : Math.min(from, seconds);
        to = Double.isNaN(to) ? seconds : Math.max(to, seconds);
    }

    /** Everything up to {@code seconds} is demuxed (the end of the stream). */
    void demuxedUntil(double seconds) {
        if (!Double.isNaN(seconds) && !Double.isInfinite(seconds) && !Double.isNaN(from)) {
            to = Math.max(to, seconds);
        }
    }

    /** A new epoch: its range starts with its first packet. */
    void seek() {
        from = Double.NaN;
        to = Double.NaN;
    }

    /** Sends a message if reading started or paused, or if bytes or time moved on and the interval has passed. */
    void send(int session, int epoch, boolean nowLoading) {
        loading = nowLoading;
        double now = Port.now();
        boolean changed = loading != sentLoading || sentBytes < 0;
        boolean moved = bytes != sentBytes || !sameTime(to, sentTo);
        if (!changed && !(moved && now - sentAt >= INTERVAL_MS)) {
            return;
        }
        ProgressMessage m = Messages.create(Messages.PROGRESS);
        m.setSession(session);
        m.setEpoch(epoch);
        m.setBytes(bytes);
        m.setTotal(total);
        m.setLoading(loading);
        m.setFrom(from);
        m.setTo(to);
        Port.post(main, m);
        sentBytes = bytes;
        sentTo = to;
        sentLoading = loading;
        sentAt = now;
    }

    private static boolean sameTime(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
}
