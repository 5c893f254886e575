package org.kinora.player;

import org.kinora.worker.Js;
import org.kinora.worker.protocol.AudioFormatMessage;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.AudioProgressMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.PictureMessage;
import org.kinora.worker.protocol.ProgressMessage;
import org.kinora.worker.protocol.TracksMessage;
import org.teavm.jso.JSObject;

/**
 * The transitions of a {@link PlayerCore} that come from its stream and from time: the
 * {@link Pipeline}'s messages (tracks, sound, pictures, ends, errors), the ready state they give,
 * and {@link #tick} (time, late pictures, the end, stalls, the playhead sent to the source worker
 * for read-ahead). Nothing here runs on animation frames except drawing: {@link #tick} runs on the
 * sound output's position reports and on a timer, so a hidden tab keeps its sound and reaches
 * {@code ended}.
 */
final class PlayerStream implements Pipeline.Listener {
    private final PlayerCore core;
    private double lastTick;
    private double lastTimeUpdate;
    private double lastPositionReport;

    PlayerStream(PlayerCore core) {
        this.core = core;
        core.frames.setOnResize(this::resized);
    }

    /** The picture on screen has a new size: videoWidth and videoHeight follow, {@code resize} fires. */
    private void resized() {
        core.info.videoWidth = core.frames.shownWidth();
        core.info.videoHeight = core.frames.shownHeight();
        core.events.emit("resize");
    }

    @Override
    public void onAudioFormat(AudioFormatMessage m) {
        if (core.load != PlayerCore.Load.READY) {
            core.sound.prepare(m.getSampleRate());
        }
    }

    @Override
    public void onTracks(TracksMessage m) {
        if (core.load == PlayerCore.Load.READY) {
            // The next link of a chained stream: its pictures report their size when shown.
            setDuration(m.getDuration());
            return;
        }
        core.info.set(m);
        core.videoEnded = !core.info.hasVideo;
        if (core.info.hasAudio) {
            core.sound.open(core.pipeline, core.info.audio, core.volume, core.muted, (ok, err) -> metadataReady(), this::onSoundReport);
        }
        if (core.info.hasVideo) {
            // while the sound output starts and the first picture is decoded
            core.prepareRenderer();
        }
        if (!core.info.hasAudio) {
            core.sound.dropPrepared();
            metadataReady();
        }
    }

    private void metadataReady() {
        core.load = PlayerCore.Load.READY;
        core.ready.metadata();
        core.events.emit("durationchange");
        core.events.emit("loadedmetadata");
        if (core.startAt > 0) {
            core.seek(core.startAt, true);
        }
        showFirstPicture();
        updateReadiness();
    }

    @Override
    public void onAudio(AudioMessage m) {
        // the player's sound goes to its output's port: nothing comes here
    }

    @Override
    public void onAudioProgress(AudioProgressMessage m) {
        core.stats.audioPlanesAllocated = m.getPlanesAllocated();
        core.sound.progress(m);
        updateReadiness();
    }

    @Override
    public void onPicture(PictureMessage m) {
        core.stats.picture(m);
        core.frames.add(m);
        showFirstPicture();
        updateReadiness();
    }

    /** The first picture after a load or a seek is drawn at once, paused or not. */
    private void showFirstPicture() {
        if (core.frames.hasCurrent() || core.load != PlayerCore.Load.READY || core.frames.isEmpty()) {
            return;
        }
        if (!core.frames.select(core.clock.now())) {
            core.frames.selectFirst();
        }
        double shownTime = core.frames.nextDueTime();
        if (core.frames.draw() && core.seeking && !core.seekExact && !Double.isNaN(shownTime)) {
            core.clock.set(shownTime); // fastSeek: playback goes on from the random-access picture
        }
    }

    /** A new duration (a chained link, the end of a stream of unknown length): {@code durationchange}. */
    private void setDuration(double d) {
        double old = core.info.duration;
        if (d != old && !(Double.isNaN(d) && Double.isNaN(old))) {
            core.info.duration = d;
            core.events.emit("durationchange");
        }
    }

    @Override
    public void onProgress(ProgressMessage m) {
        if (core.error == null) {
            core.network.onProgress(m);
        }
    }

    @Override
    public void onSourceEnd(EndMessage m) {
        core.sourceEnded = true;
        core.network.ended();
        core.sound.end();
        updateReadiness();
    }

    @Override
    public void onVideoEnd(EndMessage m) {
        core.videoEnded = true;
        updateReadiness();
    }

    @Override
    public void onDecodeError(ErrorMessage m) {
        core.stats.decodeErrors++;
    }

    @Override
    public void onReconnect(int count) {
        core.stats.reconnects = count;
    }

    @Override
    public void onFatal(int code, String message) {
        if (core.error != null) {
            return;
        }
        JSObject e = Js.object();
        Js.setInt(e, "code", code);
        Js.setString(e, "message", message == null ? "" : message);
        core.error = e;
        core.networkState = core.ready.get() == ReadyState.HAVE_NOTHING ? PlayerCore.NETWORK_NO_SOURCE : PlayerCore.NETWORK_IDLE;
        core.load = PlayerCore.Load.FAILED;
        core.teardown();
        core.playPromises.rejectAll(JsUtil.mediaError(code, message));
        core.events.emit("error");
    }

    void updateReadiness() {
        if (core.load != PlayerCore.Load.READY || core.error != null) {
            return;
        }
        // A video track that ended without a decodable picture has nothing more to show.
        boolean current = !core.info.hasVideo || core.frames.hasCurrent() || (core.videoEnded && core.frames.isEmpty());
        boolean soundEnded = !core.info.hasAudio || core.sound.sourceEnded();
        double soundQueued = core.info.hasAudio ? core.sound.buffered(core.clock.now()) : Double.POSITIVE_INFINITY;
        int level = ReadyState.level(current, core.videoEnded, core.frames.size(), soundEnded, soundQueued);
        if (core.seeking) {
            if (level < ReadyState.HAVE_FUTURE_DATA) {
                return;
            }
            core.seeking = false;
            core.events.emit("timeupdate");
            core.events.emit("seeked");
        }
        core.ready.rise(level, core.events);
        core.tryStart();
    }

    // ---- time --------------------------------------------------------------------------------

    private void onSoundReport() {
        if (JsUtil.now() - lastTick >= 15) {
            tick();
        }
    }

    /** Time moves on: late pictures, the end, stalls, timeupdate, the playhead for read-ahead. */
    void tick() {
        if (core.error != null) {
            return;
        }
        core.network.tick();
        if (core.load != PlayerCore.Load.READY) {
            return;
        }
        double now = JsUtil.now();
        lastTick = now;
        double t = core.clock.now();
        if (core.play == PlayerCore.Play.PLAYING && !core.seeking) {
            if (core.info.hasAudio && core.clock.source() == MediaClock.Source.AUDIO && core.sound.finished(t)) {
                core.clock.soundEnded(); // sound shorter than the pictures: the wall clock goes on
            }
            if (core.info.live && core.latency.control(core.frames, core.sound, core.clock, t)) {
                t = core.clock.now();
            }
            if (core.frames.select(t)) {
                requestDraw();
            }
            core.markPlayed(t);
            boolean videoDone = !core.info.hasVideo || (core.videoEnded && core.frames.isEmpty());
            boolean soundDone = !core.info.hasAudio || core.sound.finished(t);
            if (videoDone && soundDone) {
                reachEnd();
                return;
            }
            // A live stream on the wall clock waits only when nothing newer than now was received:
            // pictures held back (a hidden tab, where nothing is drawn and timers are slow) or
            // decoded late are dropped, the stream goes on.
            boolean starved = core.clock.source() == MediaClock.Source.AUDIO ? core.sound.starved(t)
                    : core.info.live ? !(LiveLatency.newest(core.frames, core.sound) > t)
                    : core.info.hasVideo && !core.videoEnded && core.frames.isEmpty();
            if (starved) {
                core.clock.stop();
                core.play = PlayerCore.Play.WAITING;
                core.ready.drop(ReadyState.HAVE_CURRENT_DATA);
                core.events.emit("waiting");
            }
            if (now - lastTimeUpdate > 250) {
                lastTimeUpdate = now;
                core.events.emit("timeupdate");
            }
        }
        if (core.pipeline != null && now - lastPositionReport > 200) {
            lastPositionReport = now;
            core.pipeline.position(t, core.readAhead());
        }
        if (core.play == PlayerCore.Play.WAITING) {
            updateReadiness();
        }
    }

    private void requestDraw() {
        if (core.rafId < 0) {
            core.rafId = Dom.requestAnimationFrame(rafTime -> {
                core.rafId = -1;
                double t = core.clock.now();
                if (core.play == PlayerCore.Play.PLAYING && core.frames.select(t)) {
                    double due = core.frames.nextDueTime();
                    if (core.frames.draw()) {
                        core.stats.avOffsetMs = (due - t) * 1000;
                        core.stats.pictureShownPlaying();
                    }
                }
            });
        }
    }

    private void reachEnd() {
        if (Double.isNaN(core.info.duration) || Double.isInfinite(core.info.duration)) {
            setDuration(core.clock.now()); // a stream of unknown length or a live one: its end is now known
        }
        if (core.loop && core.info.seekable && !core.info.live) {
            core.seek(0, true); // HTML: loop seeks to the start, no ended event, playing goes on
            return;
        }
        core.clock.set(Math.max(core.info.duration, core.clock.now()));
        core.markPlayed(core.clock.now());
        core.play = PlayerCore.Play.ENDED;
        core.events.emit("timeupdate");
        core.events.emit("pause");
        core.events.emit("ended");
    }

}
