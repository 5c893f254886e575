package org.kinora.player;

import java.util.ArrayDeque;
import org.kinora.worker.protocol.PictureMessage;
import org.teavm.jso.JSObject;

/**
 * Decoded pictures waiting for their time, and the presenter. {@link #select} (run from timers and
 * the sound output's reports, so it goes on in hidden tabs) picks the newest picture that is due
 * and gives late ones back; {@link #draw} (run on animation frames, or at once for the first
 * picture and after a seek) draws the picked one. Every picture buffer goes back to its worker
 * through the {@link Recycler} once it is drawn over or dropped.
 */
final class FrameQueue {
    /** Gives a picture's buffer back to the worker that made it. */
    interface Recycler {
        void recycle(PictureMessage picture);
    }

    /** Seconds a picture may be early and still count as due. */
    private static final double EARLY = 0.004;

    private final ArrayDeque<PictureMessage> queue = new ArrayDeque<>();
    private final JSObject renderer;
    private Recycler recycler;
    /** Picked to be drawn next, not drawn yet. */
    private PictureMessage due;
    /** On the canvas now. */
    private PictureMessage shown;
    private int decoded;
    private int presented;
    private int shownWidth;
    private int shownHeight;
    private Runnable onResize;
    private int dropped;
    private int droppedForLatency;
    /** Pictures before this time that are dropped were skipped by a live stream's jump. */
    private double skippedUntil = Double.NEGATIVE_INFINITY;
    /** Time of the newest picture received since the load or the seek, NaN when none. */
    private double newest = Double.NaN;

    FrameQueue(JSObject renderer) {
        this.renderer = renderer;
    }

    void setRecycler(Recycler r) {
        recycler = r;
    }

    void setOnResize(Runnable r) {
        onResize = r;
    }

    int shownWidth() {
        return shownWidth;
    }

    int shownHeight() {
        return shownHeight;
    }

    void add(PictureMessage p) {
        decoded++;
        queue.add(p);
        if (!(p.getTime() <= newest)) {
            newest = p.getTime();
        }
    }

    int size() {
        return queue.size();
    }

    /** No picture waits: every one received was picked. */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** A picture of the current stream is on the canvas or picked. */
    boolean hasCurrent() {
        return due != null || shown != null;
    }

    /** Time of the next waiting picture, NaN when none. */
    double nextTime() {
        return queue.isEmpty() ? Double.NaN : queue.peek().getTime();
    }

    /** Seconds of pictures queued past {@code t}. */
    double ahead(double t) {
        return queue.isEmpty() ? 0 : Math.max(0, queue.peekLast().getTime() - t);
    }

    /**
     * Picks the newest picture due at {@code t}; those it passes over are late and dropped.
     * Returns true when a new picture waits to be drawn.
     */
    boolean select(double t) {
        while (!queue.isEmpty() && !(queue.peek().getTime() > t + EARLY)) {
            PictureMessage p = queue.poll();
            if (due != null) {
                dropped++;
                if (due.getTime() < skippedUntil) {
                    droppedForLatency++;
                }
                give(due);
            }
            due = p;
        }
        return due != null;
    }

    /** Time of the newest picture received since the load or the seek, NaN when none. */
    double newestTime() {
        return newest;
    }

    /**
     * A live stream's jump to {@code t}: the waiting pictures before it are given back unshown,
     * the newest of them at or before {@code t} stays picked. They, and those before {@code t}
     * still to come from the decoder, count as dropped for latency.
     */
    void skipTo(double t) {
        skippedUntil = Math.max(skippedUntil, t);
        select(t);
    }

    int droppedForLatency() {
        return droppedForLatency;
    }

    /** Time of the picture picked to be drawn next, NaN when none. */
    double nextDueTime() {
        return due == null ? Double.NaN : due.getTime();
    }

    /** Picks the first waiting picture whatever its time (after a load or a seek). */
    boolean selectFirst() {
        if (due == null && !queue.isEmpty()) {
            due = queue.poll();
        }
        return due != null;
    }

    /**
     * Draws the picked picture, if any; returns whether it drew. A picture of another size than
     * the one before it (a chained stream's next link) is reported to {@code onResize}.
     */
    boolean draw() {
        if (due == null) {
            return false;
        }
        if (shownWidth != due.getWidth() || shownHeight != due.getHeight()) {
            boolean first = shownWidth == 0;
            shownWidth = due.getWidth();
            shownHeight = due.getHeight();
            if (!first && onResize != null) {
                onResize.run();
            }
        }
        Dom.draw(renderer, due);
        presented++;
        if (shown != null) {
            give(shown);
        }
        shown = due;
        due = null;
        return true;
    }

    /** Gives back every waiting picture and the picked one (a seek); the canvas keeps its picture. */
    void clear() {
        while (!queue.isEmpty()) {
            give(queue.poll());
        }
        if (due != null) {
            give(due);
            due = null;
        }
        newest = Double.NaN;
        skippedUntil = Double.NEGATIVE_INFINITY;
    }

    /** Forgets everything of the old stream (a new source): its buffers go nowhere. */
    void reset() {
        queue.clear();
        due = null;
        shown = null;
        decoded = 0;
        presented = 0;
        dropped = 0;
        droppedForLatency = 0;
        newest = Double.NaN;
        skippedUntil = Double.NEGATIVE_INFINITY;
        shownWidth = 0;
        shownHeight = 0;
    }

    /** After a seek the shown picture is the old time's; the next draw replaces it. */
    void markStale() {
        if (shown != null) {
            give(shown);
            shown = null;
        }
    }

    int decoded() {
        return decoded;
    }

    int presented() {
        return presented;
    }

    int dropped() {
        return dropped;
    }

    private void give(PictureMessage p) {
        if (recycler != null) {
            recycler.recycle(p);
        }
    }
}
