package org.kinora.player;

import org.kinora.worker.protocol.AudioProgressMessage;
import org.kinora.worker.protocol.TrackMessage;
import org.teavm.jso.JSObject;

/**
 * Where one session's sound goes. The blocks never come here: the source worker posts them to the
 * pipeline's audio port, which this class hands to the WebAudio output it makes when the tracks
 * are known (blocks sent before wait in the port; the output's context is made earlier when the
 * source worker sends the sound's format ahead of the tracks); this thread only controls the output, reads its
 * position reports (the clock) and hears from the worker how far the sound sent reaches.
 * {@link Route#OUTPUT}: the output plays. {@link Route#DISCARD}: no output can play (muted without
 * a running AudioContext, no WebAudio): the worker holds the blocks and drops those the playhead
 * has passed, the wall clock runs; {@link #restore} brings the output back in at the playhead.
 */
final class SoundOutput {
    enum Route { NONE, PENDING, OUTPUT, DISCARD }

    /** Called back when the output is made or could not be. */
    interface Ready {
        void ready(boolean ok, String error);
    }

    /** Sound sent this far (seconds) past the time played is taken as on its way, not missing. */
    private static final double IN_FLIGHT = 0.1;

    private final String base;
    private Route route = Route.NONE;
    private JSObject out;
    /** A sound output started ahead of the tracks ({@link #prepare}), until {@link #open} takes it. */
    private JSObject prepared;
    private Pipeline pipeline;
    private boolean sourceEnded;
    /** End time of the newest block the source worker has sent, seconds. */
    private double endTime = Double.NaN;
    private int generation;
    /** The speed the output plays at, and whether it keeps the pitch (time-stretch) or resamples. */
    private double speed = 1;
    private boolean keepPitch = true;

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
        JSObject ahead = prepared;
        prepared = null;
        JSObject port = p.takeAudioPort();
        if (port == null) {
            if (ahead != null) {
                Dom.closePreparedAudio(ahead);
            }
            discard();
            onReady.ready(false, "no audio port");
            return;
        }
        Dom.createAudioOutput(base, track.getSampleRate(), track.getChannels(), port, o -> {
            if (gen != generation) {
                Dom.closeAudio(o);
                return;
            }
            out = o;
            route = Route.OUTPUT;
            Dom.setVolume(out, volume, muted);
            if (speed != 1 || !keepPitch) {
                Dom.setAudioSpeed(out, speed, keepPitch);
            }
            onReady.ready(true, null);
        }, e -> {
            if (gen != generation) {
                return;
            }
            discard();
            onReady.ready(false, JsUtil.asString(e));
        }, onReport, ahead);
    }

    /**
     * The sound's format came ahead of the tracks: the output's context is made now (it takes a
     * while: the audio thread, the worklet's module), and {@link #open} takes it when the track
     * has the same rate.
     */
    void prepare(int sampleRate) {
        if (route == Route.NONE && out == null && prepared == null) {
            prepared = Dom.prepareAudioOutput(base, sampleRate);
        }
    }

    /** An output started ahead that no track will take (the tracks have no sound) is closed. */
    void dropPrepared() {
        if (prepared != null) {
            Dom.closePreparedAudio(prepared);
            prepared = null;
        }
    }

    /** The source worker's {@code audio-progress}: how far the sound sent reaches. */
    void progress(AudioProgressMessage m) {
        double end = m.getEnd();
        if (!Double.isNaN(end) && !(end <= endTime)) {
            endTime = end;
        }
    }

    /** End time of the newest block sent, NaN when none since the load or the seek. */
    double newestTime() {
        return endTime;
    }

    /**
     * A live stream's jump: the output drops the blocks that end at or before {@code t} unplayed
     * and goes on from the next block's timestamp.
     */
    void skipTo(double t) {
        if (out != null) {
            Dom.skipAudio(out, t);
        }
    }

    /** Plays at {@code s} (playbackRate, or a live stream catching up) from now on, and after the next open. */
    void setSpeed(double s) {
        if (s != speed) {
            speed = s;
            if (out != null) {
                Dom.setAudioSpeed(out, speed, keepPitch);
            }
        }
    }

    /** A speed other than 1 keeps the pitch (time-stretch, the default) or moves it (resampling). */
    void setKeepPitch(boolean keep) {
        if (keep != keepPitch) {
            keepPitch = keep;
            if (out != null) {
                Dom.setAudioSpeed(out, speed, keepPitch);
            }
        }
    }

    /** The source has sent its last block (the output hears it from the worker, after that block). */
    void end() {
        sourceEnded = true;
    }

    /** Drops everything queued (a seek to {@code epoch}); the arrays go back to the source worker. */
    void flush(int epoch) {
        if (out != null) {
            Dom.flushAudio(out, epoch);
        }
        sourceEnded = false;
        endTime = Double.NaN;
    }

    /** From now on sound is not played: the wall clock runs, the worker holds and drops the blocks. */
    void discard() {
        route = Route.DISCARD;
        if (pipeline != null) {
            pipeline.holdAudio(true);
        }
    }

    /**
     * Sound plays again from the playhead (unmuted while discarding, the context running): the
     * output drops what it has before it, the worker sends what it held, and the clock, when
     * {@code playing}, goes from the wall clock to the sound.
     */
    void restore(MediaClock clock, boolean playing) {
        if (route != Route.DISCARD || out == null) {
            return;
        }
        if (playing) {
            clock.stop();
        }
        route = Route.OUTPUT;
        Dom.audioFrom(out, clock.now());
        if (pipeline != null) {
            pipeline.holdAudio(false);
        }
        clock.setAudio(out);
        if (playing) {
            clock.start(true);
        }
    }

    /** Seconds of sound sent and not played at media time {@code now}; infinite when sound is discarded. */
    double buffered(double now) {
        if (route == Route.DISCARD) {
            return Double.POSITIVE_INFINITY;
        }
        double sent = Double.isNaN(endTime) ? 0 : Math.max(0, endTime - now);
        return Math.max(sent, out != null ? Dom.audioBuffered(out) : 0);
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

    /**
     * The output ran out of sound at media time {@code now} and the source worker has sent none
     * beyond it. An output that ran dry while blocks the worker has sent are still on their way
     * (they travel on another channel than the worker's progress) only holds the clock.
     */
    boolean starved(double now) {
        return route == Route.OUTPUT && !sourceEnded && Dom.audioStarved(out) && !(endTime > now + IN_FLIGHT);
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

    /** Blocks the output has received from the source worker. */
    int blocksReceived() {
        return out == null ? 0 : Dom.audioReceived(out);
    }

    /** {@code {time, head}} of the first block the output received since the load or the seek; null before. */
    JSObject firstBlock() {
        return out == null ? null : Dom.audioFirstBlock(out);
    }

    /** Media time where sound last came back ({@link #restore}), NaN when it did not. */
    double restoredAt() {
        return out == null ? Double.NaN : Dom.audioFromTime(out);
    }

    /** Closes the output; back to {@link Route#NONE}. */
    void close() {
        generation++;
        dropPrepared();
        if (out != null) {
            Dom.closeAudio(out);
            out = null;
        }
        route = Route.NONE;
        pipeline = null;
        sourceEnded = false;
        endTime = Double.NaN;
    }
}
