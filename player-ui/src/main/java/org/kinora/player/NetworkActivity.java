package org.kinora.player;

import org.kinora.worker.protocol.ProgressMessage;

/**
 * The network side of HTMLMediaElement's state, from the source worker's {@code progress}
 * reports: {@code networkState} moves between LOADING and IDLE; {@code progress} fires about every
 * {@value #PROGRESS_MS} ms while bytes arrive, {@code suspend} when reading pauses (the read-ahead
 * is full, or everything is read), {@code stalled} after {@value #STALL_MS} ms of loading without
 * a byte; {@code buffered} is the union of the time ranges demuxed since the source was loaded.
 */
final class NetworkActivity {
    static final double PROGRESS_MS = 350;
    static final double STALL_MS = 3000;

    private final PlayerCore core;
    final Ranges buffered = new Ranges();
    private double bytes;
    private boolean loading;
    private double lastBytesAt;
    private double lastProgressEvent;
    private boolean progressPending;
    private boolean stalled;

    NetworkActivity(PlayerCore core) {
        this.core = core;
    }

    void clear() {
        buffered.clear();
        bytes = 0;
        loading = false;
        progressPending = false;
        stalled = false;
    }

    /** Reading starts (a load, a seek): LOADING, and the stall clock starts. */
    void startLoading() {
        double now = JsUtil.now();
        core.networkState = PlayerCore.NETWORK_LOADING;
        if (!loading) {
            loading = true;
            lastBytesAt = now;
            stalled = false;
        }
    }

    void onProgress(ProgressMessage m) {
        buffered.add(m.getFrom(), m.getTo());
        double now = JsUtil.now();
        if (m.getBytes() > bytes) {
            bytes = m.getBytes();
            lastBytesAt = now;
            stalled = false;
            progressPending = true;
            if (now - lastProgressEvent >= PROGRESS_MS) {
                fireProgress(now);
            }
        }
        if (core.sourceEnded || m.getEpoch() != core.pipelineEpoch() || m.isLoading() == loading) {
            return;
        }
        if (m.isLoading()) {
            startLoading();
        } else {
            suspend(now);
        }
    }

    /** Everything is read: IDLE, after a last {@code progress} and {@code suspend} if reading had not paused yet. */
    void ended() {
        if (loading) {
            progressPending = true;
            suspend(JsUtil.now());
        }
        core.networkState = PlayerCore.NETWORK_IDLE;
    }

    private void suspend(double now) {
        loading = false;
        if (progressPending) {
            fireProgress(now);
        }
        core.networkState = PlayerCore.NETWORK_IDLE;
        core.events.emit("suspend");
    }

    /** On the player's timer: the last {@code progress} of a burst, and {@code stalled}. */
    void tick() {
        if (!loading || core.networkState != PlayerCore.NETWORK_LOADING) {
            return;
        }
        double now = JsUtil.now();
        if (progressPending && now - lastProgressEvent >= PROGRESS_MS) {
            fireProgress(now);
        }
        if (!stalled && now - lastBytesAt >= STALL_MS) {
            stalled = true;
            core.events.emit("stalled");
        }
    }

    private void fireProgress(double now) {
        progressPending = false;
        lastProgressEvent = now;
        core.events.emit("progress");
    }
}
