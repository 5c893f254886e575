package org.kinora.player;

import java.util.ArrayList;
import java.util.List;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.TrackMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * Where one session's sound goes. {@link Route#OUTPUT}: a WebAudio output (made when the tracks
 * are known; blocks wait here until it exists), whose played position is the clock.
 * {@link Route#DISCARD}: no output can play (muted without a running AudioContext, no WebAudio):
 * blocks go straight back to the source worker and the wall clock runs.
 */
final class SoundOutput {
    enum Route { NONE, PENDING, OUTPUT, DISCARD }

    /** Called back when the output is made or could not be. */
    interface Ready {
        void ready(boolean ok, String error);
    }

    private final String base;
    private final List<AudioMessage> pending = new ArrayList<>();
    private Route route = Route.NONE;
    private JSObject out;
    private Pipeline pipeline;
    private boolean sourceEnded;
    /** End time of the latest block received, seconds. */
    private double endTime = Double.NaN;
    private int generation;

    SoundOutput(String base) {
        this.base = base;
    }

    Route route() {
        return route;
    }

    /** The output the clock follows, or null when sound does not drive the clock. */
    JSObject clockSource() {
        return route == Route.OUTPUT ? out : null;
    }

    boolean hasOutput() {
        return out != null;
    }

    /** Makes the output for {@code track}; {@code onReport} runs at each of its position reports. */
    void open(Pipeline p, TrackMessage track, double volume, boolean muted, Ready onReady, Dom.Tick onReport) {
        pipeline = p;
        route = Route.PENDING;
        int gen = ++generation;
        Dom.createAudioOutput(base, track.getSampleRate(), track.getChannels(), o -> {
            if (gen != generation) {
                Dom.closeAudio(o);
                return;
            }
            out = o;
            route = Route.OUTPUT;
            Dom.setVolume(out, volume, muted);
            for (AudioMessage m : pending) {
                enqueue(m);
            }
            pending.clear();
            if (sourceEnded) {
                Dom.endAudio(out);
            }
            onReady.ready(true, null);
        }, e -> {
            if (gen != generation) {
                return;
            }
            discard();
            onReady.ready(false, JsUtil.asString(e));
        }, planes -> {
            if (gen == generation && pipeline != null) {
                pipeline.recycleAudio(planes.cast());
            }
        }, onReport);
    }

    void add(AudioMessage m) {
        double end = m.getTime() + (double) m.getFrames() / m.getSampleRate();
        if (!Double.isNaN(end) && !(end <= endTime)) {
            endTime = end;
        }
        switch (route) {
            case OUTPUT:
                enqueue(m);
                break;
            case PENDING:
                pending.add(m);
                break;
            default:
                giveBack(m.getPlanes());
                break;
        }
    }

    private void enqueue(AudioMessage m) {
        Dom.enqueueAudio(out, m.getPlanes(), m.getFrames(), m.getTime(), m.getSampleRate());
    }

    /** End time of the newest block received, NaN when none since the load or the seek. */
    double newestTime() {
        return endTime;
    }

    /**
     * A live stream's jump: the blocks that end at or before {@code t} are dropped unplayed and
     * their arrays go back; the output goes on from the next block's timestamp.
     */
    void skipTo(double t) {
        while (!pending.isEmpty()) {
            AudioMessage m = pending.get(0);
            if (!(m.getTime() + (double) m.getFrames() / m.getSampleRate() <= t)) {
                break;
            }
            giveBack(pending.remove(0).getPlanes());
        }
        if (out != null) {
            Dom.skipAudio(out, t);
        }
    }

    /** Plays faster (pitch kept) to catch up with a live stream, or at 1 again. */
    void setSpeed(double speed) {
        if (out != null) {
            Dom.setAudioSpeed(out, speed);
        }
    }

    /** The source has sent its last block. */
    void end() {
        sourceEnded = true;
        if (out != null) {
            Dom.endAudio(out);
        }
    }

    /** Drops everything queued (a seek); the arrays go back to the source worker. */
    void flush() {
        for (AudioMessage m : pending) {
            giveBack(m.getPlanes());
        }
        pending.clear();
        if (out != null) {
            Dom.flushAudio(out);
        }
        sourceEnded = false;
        endTime = Double.NaN;
    }

    /** From now on sound is not played: the wall clock runs and blocks go back unplayed. */
    void discard() {
        route = Route.DISCARD;
        for (AudioMessage m : pending) {
            giveBack(m.getPlanes());
        }
        pending.clear();
    }

    /** Seconds of sound queued and not played; infinite when sound is discarded. */
    double buffered() {
        if (route == Route.DISCARD) {
            return Double.POSITIVE_INFINITY;
        }
        double queued = 0;
        for (AudioMessage m : pending) {
            queued += (double) m.getFrames() / m.getSampleRate();
        }
        return queued + (out != null ? Dom.audioBuffered(out) : 0);
    }

    boolean sourceEnded() {
        return sourceEnded;
    }

    /** Every sound sample has been played (or, discarding, its time has passed). */
    boolean finished(double now) {
        if (!sourceEnded) {
            return false;
        }
        if (route == Route.OUTPUT) {
            return Dom.audioDrained(out);
        }
        return Double.isNaN(endTime) || now >= endTime;
    }

    boolean starved() {
        return route == Route.OUTPUT && !sourceEnded && Dom.audioStarved(out);
    }

    boolean running() {
        return out != null && Dom.audioRunning(out);
    }

    /** Asks the AudioContext to run; {@code done(false)} when it does not within {@code timeoutMs}. */
    void resume(int timeoutMs, Dom.Done done) {
        if (out == null) {
            done.done(false);
            return;
        }
        Dom.resumeAudio(out, timeoutMs, done);
    }

    void setVolume(double volume, boolean muted) {
        if (out != null) {
            Dom.setVolume(out, volume, muted);
        }
    }

    String kind() {
        return out == null ? "none" : Dom.audioKind(out);
    }

    /** Closes the output; back to {@link Route#NONE}. */
    void close() {
        generation++;
        pending.clear();
        if (out != null) {
            Dom.closeAudio(out);
            out = null;
        }
        route = Route.NONE;
        pipeline = null;
        sourceEnded = false;
        endTime = Double.NaN;
    }

    private void giveBack(JSArray<Float32Array> planes) {
        if (pipeline != null) {
            pipeline.recycleAudio(planes);
        }
    }
}
