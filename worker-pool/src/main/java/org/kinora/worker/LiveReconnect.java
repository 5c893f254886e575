package org.kinora.worker;

/**
 * Keeps a live stream's connection up for the source worker. The connection is lost when it fails
 * (not when it ends properly: that is the end of the media) or delivers no byte for the stall timeout; then a new one is made after an exponential
 * backoff with jitter, for at most a bounded number of attempts in a row. An attempt counts as a
 * success once the new connection delivers media ({@link #connected}), which starts the count
 * again; when the attempts are used up the host gives up.
 */
final class LiveReconnect {
    /** What the source worker does for it. */
    interface Host {
        /** Opens a new connection (the old one is closed already). */
        void reconnect(int count);

        /** No byte arrived for the stall timeout: the host closes the connection and calls {@link #lost}. */
        void stalled(double seconds);

        /** The attempts are used up. */
        void giveUp(String reason, int attempts);
    }

    static final double DEFAULT_STALL_SECONDS = 5;
    static final int DEFAULT_ATTEMPTS = 8;
    private static final double BASE_DELAY_MS = 500;
    private static final double MAX_DELAY_MS = 5000;
    private static final double WATCH_MS = 250;

    private final Host host;
    private final int maxAttempts;
    private final double stallMs;
    private double lastBytes;
    private int attempts;
    private int reconnects;
    private int watchdog = -1;
    private int timer = -1;
    private boolean stopped;

    /** {@code maxAttempts} and {@code stallSeconds}: NaN or out of range for the defaults. */
    LiveReconnect(Host host, double maxAttempts, double stallSeconds) {
        this.host = host;
        this.maxAttempts = maxAttempts >= 0 && maxAttempts <= 1000 ? (int) maxAttempts : DEFAULT_ATTEMPTS;
        this.stallMs = 1000 * (stallSeconds > 0 && stallSeconds <= 600 ? stallSeconds : DEFAULT_STALL_SECONDS);
    }

    /** Starts watching the connection for stalls. */
    void watch() {
        lastBytes = Port.now();
        if (watchdog < 0 && !stopped) {
            watchdog = Timers.setInterval(this::check, WATCH_MS);
        }
    }

    /** Bytes arrived on the current connection. */
    void bytes() {
        lastBytes = Port.now();
    }

    /** The current connection delivers media again: the attempts in a row start from zero. */
    void connected() {
        attempts = 0;
    }

    int reconnects() {
        return reconnects;
    }

    /** The connection is gone (the caller has closed it): reconnects after a backoff, or gives up. */
    void lost(String reason) {
        if (stopped || timer >= 0) {
            return;
        }
        if (attempts >= maxAttempts) {
            stop();
            host.giveUp(reason, attempts);
            return;
        }
        attempts++;
        double delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * (1 << Math.min(attempts - 1, 16)));
        delay *= 0.75 + 0.5 * Math.random();
        timer = Timers.setTimeout(() -> {
            timer = -1;
            if (!stopped) {
                reconnects++;
                lastBytes = Port.now();
                host.reconnect(reconnects);
            }
        }, delay);
    }

    /** Stops the timers; nothing more is done. */
    void stop() {
        stopped = true;
        if (watchdog >= 0) {
            Timers.clearInterval(watchdog);
            watchdog = -1;
        }
        if (timer >= 0) {
            Timers.clearTimeout(timer);
            timer = -1;
        }
    }

    private void check() {
        if (!stopped && timer < 0 && Port.now() - lastBytes > stallMs) {
            host.stalled(stallMs / 1000);
        }
    }
}
