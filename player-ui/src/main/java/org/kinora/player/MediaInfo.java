package org.kinora.player;

import org.kinora.worker.protocol.TrackMessage;
import org.kinora.worker.protocol.TracksMessage;

/** What the loaded source is: its tracks, duration, picture size and whether it can seek. */
final class MediaInfo {
    double duration = Double.NaN;
    boolean seekable;
    /** A live stream: infinite duration, nothing to seek in. */
    boolean live;
    int videoWidth;
    int videoHeight;
    boolean hasVideo;
    boolean hasAudio;
    TrackMessage audio;

    void clear() {
        duration = Double.NaN;
        seekable = false;
        live = false;
        videoWidth = 0;
        videoHeight = 0;
        hasVideo = false;
        hasAudio = false;
        audio = null;
    }

    void set(TracksMessage m) {
        duration = m.getDuration();
        seekable = m.isSeekable();
        live = m.isLive();
        TrackMessage v = m.getVideo();
        audio = JsUtil.isNullish(m.getAudio()) ? null : m.getAudio();
        hasVideo = !JsUtil.isNullish(v);
        hasAudio = audio != null;
        videoWidth = hasVideo ? v.getWidth() : 0;
        videoHeight = hasVideo ? v.getHeight() : 0;
    }

    /** {@code t} limited to [0, duration]. */
    double clamp(double t) {
        return Math.max(0, Double.isNaN(duration) ? t : Math.min(t, duration));
    }
}
