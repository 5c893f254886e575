package org.kinora.worker;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.kinora.codecs.Codecs;
import org.kinora.core.AudioBlock;
import org.kinora.core.AudioDecoder;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.Messages;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * The source worker's audio track: decodes its packets, cuts the sound before an exact seek's
 * target, and sends the blocks through the {@link AudioSink} in plane arrays the output gives
 * back. A packet that fails to decode is lost and reported ({@code decode-error}); the decoder
 * stays usable, as its contract says.
 */
final class SourceAudio {
    private final SourceRole source;
    private final AudioSink sink;
    private TrackInfo track;
    private AudioDecoder decoder;
    /** After an exact seek: audio before this time (seconds) is cut off; NaN otherwise. */
    private double from = Double.NaN;
    private int samples;
    private double decodeMs;
    private int decodeErrors;

    SourceAudio(SourceRole source, AudioSink sink) {
        this.source = source;
        this.sink = sink;
    }

    /**
     * Decodes {@code t} from now on (null: no audio); the previous track's last samples are sent
     * first. The decoder is made with the track's first packet: files often carry their first
     * pictures before their first sound, and a Vorbis decoder's codebooks take a while to set up.
     */
    void open(TrackInfo t, boolean finishPrevious) {
        if (finishPrevious) {
            finish();
        }
        track = t;
        decoder = null;
    }

    TrackInfo track() {
        return track;
    }

    boolean carries(Packet p) {
        return track != null && p.trackId == track.id();
    }

    /** A seek: the decoder restarts; with {@code exact}, sound before {@code seconds} is cut. */
    void seek(double seconds, boolean exact) {
        if (decoder != null) {
            decoder.reset();
        }
        from = exact ? seconds : Double.NaN;
    }

    void decode(Packet p) {
        if (decoder == null) {
            decoder = Codecs.audio(track); // headers it refuses end the stream, as at the tracks
        }
        double t0 = Port.now();
        try {
            decoder.decode(p);
        } catch (MediaException e) {
            if (e.code() == MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED) {
                throw e; // not a damaged packet: a feature the decoder does not have
            }
            // The decoder contract: this packet is lost, the decoder stays usable.
            decodeErrors++;
            ErrorMessage err = source.stamp(Messages.create(Messages.DECODE_ERROR));
            err.setCode(MediaException.MEDIA_ERR_DECODE);
            err.setMessage("audio: " + e.getMessage());
            err.setCount(decodeErrors);
            Port.post(source.main(), err);
        }
        decodeMs += Port.now() - t0;
        drain();
        source.reached(source.time(p.pts, track));
    }

    /** The end of the track: the decoder's last samples go out. */
    void finish() {
        if (decoder != null) {
            decoder.flush();
            drain();
        }
    }

    int samples() {
        return samples;
    }

    double decodeMs() {
        return decodeMs;
    }

    private void drain() {
        for (AudioBlock b = decoder.receive(); b != null; b = decoder.receive()) {
            double time = source.time(b.pts, track);
            int skip = 0;
            if (!Double.isNaN(from) && !Double.isNaN(time) && b.sampleRate > 0) {
                // Exact seek: the first sample heard is the one at the target.
                double cut = (from - time) * b.sampleRate;
                skip = cut <= 0 ? 0 : cut >= b.frames ? b.frames : (int) (cut + 0.5);
                if (skip < b.frames) {
                    from = Double.NaN;
                }
                time += (double) skip / b.sampleRate;
            }
            int frames = b.frames - skip;
            if (frames <= 0) {
                continue;
            }
            AudioMessage msg = source.stamp(Messages.create(Messages.AUDIO));
            msg.setTime(time);
            msg.setSampleRate(b.sampleRate);
            msg.setChannels(b.channels);
            msg.setFrames(frames);
            JSArray<Float32Array> planes = new JSArray<>();
            for (int c = 0; c < b.channels; c++) {
                Float32Array plane = sink.planeFor(frames);
                FloatBuffer scratch = DirectBuffers.get(DirectBuffers.AUDIO, 4 * frames).order(ByteOrder.nativeOrder()).asFloatBuffer();
                scratch.put(b.samples[c], skip, frames);
                // A fresh view each time: growing the Wasm memory detaches views made before.
                copyInto(plane, Float32Array.fromJavaBuffer(scratch), frames);
                planes.push(plane);
            }
            msg.setPlanes(planes);
            msg.setPlanesAllocated(sink.planesAllocated());
            samples += frames;
            sink.block(msg);
            source.reached(b.sampleRate > 0 ? time + (double) frames / b.sampleRate : time);
        }
    }

    @JSBody(params = {"target", "source", "frames"}, script = "target.set(source.subarray(0, frames));")
    private static native void copyInto(Float32Array target, Float32Array source, int frames);
}
