package org.kinora.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live stream's timestamps placed on one timeline: packets fed as a sender would send them. */
class LiveTimelineTest {
    private static final int VIDEO = 0;
    private static final int AUDIO = 1;

    /** Feeds interleaved video (25 fps) and audio (about 43 blocks/s) from {@code from} to {@code to} sender seconds. */
    private static List<double[]> feed(LiveTimeline t, double from, double to, boolean audio) {
        List<double[]> placed = new ArrayList<>();
        double v = from;
        double a = from;
        while (v < to || (audio && a < to)) {
            if (!audio || v <= a) {
                t.place(VIDEO, v);
                placed.add(new double[] {VIDEO, v + t.shift()});
                t.reached(v + t.shift() + 0.04);
                v += 0.04;
            } else {
                t.place(AUDIO, a);
                placed.add(new double[] {AUDIO, a + t.shift()});
                t.reached(a + t.shift() + 1024.0 / 44100);
                a += 1024.0 / 44100;
            }
        }
        return placed;
    }

    /** Within each track, placed times only go forward, by at most {@code maxStep}. */
    private static void assertContinuous(List<double[]> placed, double maxStep) {
        double[] last = {Double.NaN, Double.NaN};
        for (double[] p : placed) {
            int k = (int) p[0];
            if (!Double.isNaN(last[k])) {
                assertTrue(p[1] > last[k] && p[1] - last[k] <= maxStep,
                        "track " + k + " goes from " + last[k] + " to " + p[1]);
            }
            last[k] = p[1];
        }
    }

    @Test
    void steadyTimestampsAreLeftAlone() {
        LiveTimeline t = new LiveTimeline();
        List<double[]> placed = feed(t, 100, 110, true);
        assertEquals(0, t.shift());
        assertEquals(0, t.splices());
        assertEquals(100, placed.get(0)[1]);
        assertContinuous(placed, 0.1);
    }

    @Test
    void aRestartFromZeroWithinTheConnectionContinuesTheTimeline() {
        LiveTimeline t = new LiveTimeline();
        List<double[]> placed = feed(t, 0, 8, true);
        placed.addAll(feed(t, 0, 8, true)); // the encoder restarted behind the server
        assertEquals(1, t.splices(), "one jump, placed once for both tracks");
        assertContinuous(placed, 0.1);
        assertEquals(16, placed.get(placed.size() - 1)[1], 0.2);
    }

    @Test
    void jumpsForwardAndBackWithinOneTrackAreSpliced() {
        LiveTimeline t = new LiveTimeline();
        List<double[]> placed = feed(t, 50, 52, false);
        placed.addAll(feed(t, 80, 82, false)); // 28 s ahead
        placed.addAll(feed(t, 10, 12, false)); // 72 s back
        placed.addAll(feed(t, 10.5, 12, false)); // 1.5 s back
        assertEquals(3, t.splices());
        assertContinuous(placed, 0.1);
    }

    @Test
    void smallIrregularitiesAreNotJumps() {
        LiveTimeline t = new LiveTimeline();
        assertFalse(t.place(VIDEO, 5));
        t.reached(5.04);
        assertFalse(t.place(VIDEO, 5.5), "half a second ahead: a dropped frame or two");
        t.reached(5.54);
        assertFalse(t.place(VIDEO, 4.8), "back by less than a second");
        assertFalse(t.place(VIDEO, Double.NaN), "no timestamp");
        assertEquals(0, t.splices());
    }

    @Test
    void aTrackSilentForAWhileComesBackWithoutMovingTheOther() {
        LiveTimeline t = new LiveTimeline();
        List<double[]> placed = feed(t, 0, 4, true);
        placed.addAll(feed(t, 4, 20, false)); // audio muted for 16 s, video goes on
        placed.addAll(feed(t, 20, 24, true));
        assertEquals(0, t.splices());
        assertEquals(0, t.shift());
    }

    @Test
    void aNewConnectionStartsRightAfterWhatWasSent() {
        LiveTimeline t = new LiveTimeline();
        feed(t, 0, 6, true);
        t.newConnection();
        assertTrue(t.awaitingConnection());
        assertTrue(t.place(AUDIO, 3.2), "the new connection's first packet starts it");
        assertFalse(t.awaitingConnection());
        assertEquals(6 + LiveTimeline.GAP, 3.2 + t.shift(), 0.05);
        assertFalse(t.place(VIDEO, 3.2), "the other track follows the same shift");
    }
}
