package org.kinora.worker;

import java.util.ArrayDeque;
import org.kinora.worker.protocol.AudioMessage;
import org.kinora.worker.protocol.AudioProgressMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.RecycleMessage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;

/**
 * Where a source worker's sound blocks go, and the pool of plane arrays they travel in. With an
 * audio port (the player), blocks and the end go straight to the sound output over it, their arrays
 * come back on it, and the main thread only hears {@code audio-progress}; without one
 * ({@code Kinora.decode}), blocks go to the main thread. Held (muted playback without a running
 * AudioContext), blocks stay here and the ones the playhead has passed are dropped, so the output
 * can take over at the playhead when sound comes back.
 */
final class AudioSink {
    /** Smallest plane array made: the largest Vorbis block's output (8192 / 2). */
    private static final int MIN_PLANE = 4096;
    private static final double PROGRESS_STEP = 0.1;

    private final JSObject main;
    private final JSObject port;
    private final int session;
    private final ArrayDeque<Float32Array> freePlanes = new ArrayDeque<>();
    /** Messages kept while held: blocks and the end, in order. */
    private final ArrayDeque<Message> held = new ArrayDeque<>();
    private boolean hold;
    private int planesAllocated;
    private double progressSent = Double.NEGATIVE_INFINITY;
    private double newestEnd = Double.NaN;
    private double playhead;
    private int epoch;

    AudioSink(JSObject main, JSObject port, int session) {
        this.main = main;
        this.port = port;
        this.session = session;
        if (port != null) {
            Port.listen(port, data -> {
                Message m = Messages.of(data);
                if (Messages.RECYCLE_AUDIO.equals(m.getType())) {
                    recycle(m.<RecycleMessage>cast().getPlanes());
                }
            });
        }
    }

    /** Whether the blocks go to a sound output (a player), not to the main thread ({@code Kinora.decode}). */
    boolean toOutput() {
        return port != null;
    }

    int planesAllocated() {
        return planesAllocated;
    }

    /** A plane array of at least {@code frames} samples: a returned one, or a new one. */
    Float32Array planeFor(int frames) {
        while (!freePlanes.isEmpty()) {
            Float32Array p = freePlanes.poll();
            if (p.getLength() >= frames) {
                return p;
            }
        }
        planesAllocated++;
        return Float32Array.create(Math.max(frames, MIN_PLANE));
    }

    /**
     * Plane arrays the sound output has played, back for reuse. All of them are kept (the pool
     * never holds more than were made), so a seek that returns the whole read-ahead at once is
     * refilled from them.
     */
    void recycle(JSArray<Float32Array> planes) {
        if (planes == null) {
            return;
        }
        for (int i = 0; i < planes.getLength() && freePlanes.size() < planesAllocated; i++) {
            Float32Array p = planes.get(i);
            if (p.getLength() > 0) {
                freePlanes.add(p);
            }
        }
    }

    /** Sends (or keeps) one block, its planes transferred. */
    void block(AudioMessage m) {
        double end = m.getTime() + (double) m.getFrames() / m.getSampleRate();
        if (port == null) {
            Port.post(main, m, buffersOf(m.getPlanes()));
            return;
        }
        if (hold) {
            held.add(m);
            dropPassed();
        } else {
            Port.post(port, m, buffersOf(m.getPlanes()));
        }
        if (!Double.isNaN(end)) {
            newestEnd = Double.isNaN(newestEnd) ? end : Math.max(newestEnd, end);
        }
        if (!(newestEnd - progressSent < PROGRESS_STEP)) {
            progress();
        }
    }

    /** The last block was sent: the output hears it after that block (the main thread has its own {@code eos}). */
    void end(Message eos) {
        if (port == null) {
            return;
        }
        progress();
        if (hold) {
            held.add(eos);
        } else {
            Port.post(port, eos);
        }
    }

    /** The playhead moved on: while held, the blocks it has passed are dropped. */
    void playhead(double seconds) {
        playhead = seconds;
        dropPassed();
    }

    void setHold(boolean h) {
        hold = h;
        if (!hold) {
            while (!held.isEmpty()) {
                Message m = held.poll();
                if (Messages.AUDIO.equals(m.getType())) {
                    Port.post(port, m, buffersOf(m.<AudioMessage>cast().getPlanes()));
                } else {
                    Port.post(port, m);
                }
            }
        }
    }

    /** A seek: whatever is kept belongs to the old position. */
    void seek(int newEpoch, double seconds) {
        epoch = newEpoch;
        playhead = seconds;
        while (!held.isEmpty() && Messages.AUDIO.equals(held.peek().getType())) {
            recycle(held.poll().<AudioMessage>cast().getPlanes());
        }
        held.clear();
        newestEnd = Double.NaN;
        progressSent = Double.NEGATIVE_INFINITY;
    }

    void close() {
        held.clear();
        if (port != null) {
            Port.close(port);
        }
    }

    private void dropPassed() {
        while (!held.isEmpty() && Messages.AUDIO.equals(held.peek().getType())) {
            AudioMessage m = held.peek().cast();
            if (!(m.getTime() + (double) m.getFrames() / m.getSampleRate() <= playhead)) {
                break;
            }
            recycle(held.poll().<AudioMessage>cast().getPlanes());
        }
    }

    private void progress() {
        if (Double.isNaN(newestEnd)) {
            return;
        }
        progressSent = newestEnd;
        AudioProgressMessage p = Messages.create(Messages.AUDIO_PROGRESS);
        p.setSession(session);
        p.setEpoch(epoch);
        p.setEnd(newestEnd);
        p.setPlanesAllocated(planesAllocated);
        Port.post(main, p);
    }

    @JSBody(params = "planes", script = "return planes.map(function (p) { return p.buffer; });")
    private static native JSArray<JSObject> buffersOf(JSArray<Float32Array> planes);
}
