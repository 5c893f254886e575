package org.kinora.player;

import org.kinora.worker.Js;
import org.kinora.worker.protocol.PictureMessage;
import org.teavm.jso.JSObject;

/** The figures of {@code getStats()} that are counted as the stream goes (per loaded source). */
final class PlayerStats {
    int pictureBuffersAllocated;
    int audioPlanesAllocated;
    int decodeErrors;
    double decodeMs;
    double avOffsetMs;
    /** New connections made to a live stream after its connection was lost. */
    int reconnects;
    /** From the first play() of this source to the first picture shown while playing. */
    double firstFrameMs = Double.NaN;
    double playCalledAt = Double.NaN;

    void clear() {
        pictureBuffersAllocated = 0;
        audioPlanesAllocated = 0;
        decodeErrors = 0;
        decodeMs = 0;
        avOffsetMs = 0;
        reconnects = 0;
        firstFrameMs = Double.NaN;
        playCalledAt = Double.NaN;
    }

    void picture(PictureMessage m) {
        decodeMs = m.getDecodeMs();
        pictureBuffersAllocated = m.getBuffersAllocated();
    }

    void playCalled() {
        if (Double.isNaN(playCalledAt)) {
            playCalledAt = JsUtil.now();
        }
    }

    /** A picture is on screen while playing. */
    void pictureShownPlaying() {
        if (Double.isNaN(firstFrameMs) && !Double.isNaN(playCalledAt)) {
            firstFrameMs = JsUtil.now() - playCalledAt;
        }
    }

    JSObject toJs(FrameQueue frames, SoundOutput sound, MediaClock clock, double now, boolean hasAudio) {
        JSObject s = Js.object();
        Js.setInt(s, "framesDecoded", frames.decoded());
        Js.setInt(s, "framesPresented", frames.presented());
        Js.setInt(s, "framesDropped", frames.dropped());
        Js.setInt(s, "decodeErrors", decodeErrors);
        Js.setNumber(s, "decodeMsPerFrame", frames.decoded() == 0 ? 0 : decodeMs / frames.decoded());
        Js.setNumber(s, "avOffsetMs", avOffsetMs);
        Js.setNumber(s, "firstFrameMs", firstFrameMs);
        Js.setString(s, "audioOutput", sound.kind());
        Js.setString(s, "clock", clock.source().name().toLowerCase());
        Js.setNumber(s, "audioBuffered", hasAudio ? sound.buffered(now) : 0);
        Js.setInt(s, "queuedFrames", frames.size());
        Js.setInt(s, "pictureBuffersAllocated", pictureBuffersAllocated);
        Js.setInt(s, "audioPlanesAllocated", audioPlanesAllocated);
        Js.setInt(s, "reconnects", reconnects);
        return s;
    }
}
