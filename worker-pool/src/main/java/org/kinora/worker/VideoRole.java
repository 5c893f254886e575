package org.kinora.worker;

import java.util.ArrayDeque;
import org.kinora.codecs.Codecs;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.Picture;
import org.kinora.core.TrackInfo;
import org.kinora.core.VideoDecoder;
import org.kinora.worker.protocol.ConfigMessage;
import org.kinora.worker.protocol.EndMessage;
import org.kinora.worker.protocol.ErrorMessage;
import org.kinora.worker.protocol.FrameMessage;
import org.kinora.worker.protocol.Message;
import org.kinora.worker.protocol.Messages;
import org.kinora.worker.protocol.PacketMessage;
import org.kinora.worker.protocol.PictureMessage;
import org.kinora.worker.protocol.SeekMessage;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The video worker of one session: takes packets from the source worker's port, decodes them and
 * sends pictures to the main thread. Each picture travels as the visible Y, U and V planes packed
 * without padding in one ArrayBuffer, transferred; the main thread sends buffers back
 * ({@code recycle}) and decoding waits while all {@link PicturePacker#MAX_BUFFERS} are out, so a slow page
 * holds the pipeline instead of growing memory.
 *
 * <p>A packet that fails to decode is dropped and reported ({@code decode-error}); the decoder is
 * reset and packets are skipped up to the next keyframe. An unsupported feature
 * ({@code MEDIA_ERR_SRC_NOT_SUPPORTED}) is not a damaged packet and ends the session. Only {@link #MAX_ERRORS_IN_A_ROW} failures
 * without a picture in between end the session with an error.
 *
 * <p>A {@code seek} marker on the port starts a new epoch: queued packets are dropped, the decoder
 * is reset; with an exact seek the pictures before the target are decoded but not sent, except
 * the last one, whose interval contains the target.
 *
 * <p>A {@code config} after the first (the next link of a chained file) waits in line with the
 * packets: the old decoder is flushed, the new one decodes the link's packets.
 *
 * <p>A {@code config} marked {@code split} means the source worker runs the first stage of the
 * track's decoder: {@code frame} messages come instead of packets, and a {@link SplitVideoDecoder}
 * builds their pictures. A packet the first stage could not parse arrives as a
 * {@code decode-error} marker in its place and counts as a failed packet here.
 *
 * <p>In decode-only mode pictures are not sent; each frame's MD5 and timing are.
 */
final class VideoRole {
    static final int MAX_ERRORS_IN_A_ROW = 64;

    private final JSObject main;
    private final JSObject port;
    private final int session;
    private final boolean decodeOnly;
    private final PicturePacker packer;
    /** Packets, and the configs of chained links in their place between them. */
    private final ArrayDeque<Message> packets = new ArrayDeque<>();
    private final Packet packet = new Packet();
    private int epoch;
    private TrackInfo track;
    private VideoDecoder decoder;
    private boolean eos;
    /** The end was sent; a seek starts again. */
    private boolean ended;
    /** Stopped, or a fatal error. */
    private boolean closed;
    private boolean needKeyframe;
    private int errorsInARow;
    private int decodeErrors;
    /** Exact seek target (seconds), NaN when none is pending. */
    private double target = Double.NaN;
    /** The latest picture before {@link #target}, packed and not yet sent. */
    private PictureMessage held;
    private int frames;
    private double decodeMs;
    /** With a split decoder: the source worker's first stage's time, as its latest frame says. */
    private double parseMs;

    VideoRole(JSObject main, int session, JSObject port, boolean decodeOnly, boolean md5) {
        this.main = main;
        this.session = session;
        this.port = port;
        this.decodeOnly = decodeOnly;
        this.packer = new PicturePacker(decodeOnly, md5);
        Port.listen(port, this::onPortMessage);
    }

    void stop() {
        closed = true;
        Port.close(port);
    }

    /** A picture buffer back from the main thread. */
    void recycle(ArrayBuffer buffer) {
        packer.recycle(buffer);
        run();
    }

    private void onPortMessage(JSObject data) {
        if (closed) {
            return;
        }
        Message m = Messages.of(data);
        String type = m.getType();
        try {
            if (Messages.CONFIG.equals(type)) {
                if (decoder == null) {
                    configure(m.cast());
                } else {
                    packets.add(m); // a chained link: the new decoder takes over after the old packets
                }
            } else if (Messages.PACKET.equals(type) || Messages.FRAME.equals(type) || Messages.DECODE_ERROR.equals(type)) {
                packets.add(m);
            } else if (Messages.SEEK.equals(type)) {
                SeekMessage s = m.cast();
                epoch = s.getEpoch();
                target = s.isExact() ? s.getTime() : Double.NaN;
                dropHeld();
                dropQueued();
                eos = false;
                ended = false;
                needKeyframe = true;
                if (decoder != null) {
                    decoder.reset();
                }
            } else if (Messages.EOS.equals(type)) {
                eos = true;
            }
            run();
        } catch (MediaException e) {
            fail(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            fail(MediaException.MEDIA_ERR_DECODE, "internal error: " + e);
        }
    }

    private boolean canSend() {
        return packer.canSend();
    }

    private void run() {
        if (closed || ended) {
            return;
        }
        if (decoder == null) {
            if (eos) {
                end(); // the stream had no video track
            }
            return;
        }
        while (canSend() && !packets.isEmpty()) {
            Message next = packets.poll();
            if (Messages.CONFIG.equals(next.getType())) {
                try {
                    decoder.flush();
                    drain();
                } catch (RuntimeException e) {
                    if (!packetLost(e)) {
                        return;
                    }
                }
                configure(next.cast());
                continue;
            }
            if (Messages.DECODE_ERROR.equals(next.getType())) {
                // the source worker's first stage could not parse this packet
                ErrorMessage e = next.cast();
                if (!packetLost(new MediaException(e.getCode(), e.getMessage()))) {
                    return;
                }
                continue;
            }
            if (Messages.FRAME.equals(next.getType())) {
                if (!decodeFrame(next.cast())) {
                    return;
                }
                continue;
            }
            PacketMessage msg = next.cast();
            boolean key = msg.isKeyframe();
            if (needKeyframe && !key) {
                continue;
            }
            needKeyframe = false;
            byte[] bytes = new Int8Array(msg.getData()).copyToJavaArray();
            packet.set(track.id(), bytes, 0, bytes.length);
            double pts = msg.getPts();
            packet.pts = Double.isNaN(pts) ? Packet.NO_TIMESTAMP : (long) pts;
            packet.keyframe = key;
            double t0 = Port.now();
            try {
                decoder.decode(packet);
                drain();
            } catch (RuntimeException e) {
                if (!packetLost(e)) {
                    return;
                }
            } finally {
                decodeMs += Port.now() - t0;
            }
        }
        if (eos && packets.isEmpty() && canSend()) {
            double t0 = Port.now();
            try {
                decoder.flush();
                drain();
            } catch (RuntimeException e) {
                if (!packetLost(e)) {
                    return;
                }
            }
            decodeMs += Port.now() - t0;
            if (held != null) {
                PictureMessage last = held;
                held = null;
                post(last);
            }
            end();
        }
    }

    /** A frame parsed by the source worker: built by the split decoder; false when that ends the session. */
    private boolean decodeFrame(FrameMessage msg) {
        if (!(decoder instanceof SplitVideoDecoder) || needKeyframe && !msg.isKeyframe()) {
            SplitVideoDecoder.giveBack(port, msg);
            return true;
        }
        needKeyframe = false;
        parseMs = msg.getParseMs();
        double t0 = Port.now();
        try {
            ((SplitVideoDecoder) decoder).decode(msg);
            drain();
        } catch (RuntimeException e) {
            return packetLost(e);
        } finally {
            decodeMs += Port.now() - t0;
        }
        return true;
    }

    /** Drops the queued packets and frames (a seek); the frames' buffers go back to the source worker. */
    private void dropQueued() {
        for (Message m : packets) {
            if (Messages.FRAME.equals(m.getType())) {
                SplitVideoDecoder.giveBack(port, m.cast());
            }
        }
        packets.clear();
    }

    /** A (new) video track: its decoder replaces the previous one. */
    private void configure(ConfigMessage config) {
        track = TrackMessages.fromJs(config.getTrack());
        decoder = config.isSplit() ? new SplitVideoDecoder(track, port) : Codecs.video(track);
        needKeyframe = true;
    }

    /** Counts and reports a packet that failed; false when that ends the session. */
    private boolean packetLost(RuntimeException e) {
        if (e instanceof MediaException && ((MediaException) e).code() == MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED) {
            // A feature the decoder does not have is not a damaged packet: the stream cannot play.
            fail(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED, e.getMessage());
            return false;
        }
        decodeErrors++;
        errorsInARow++;
        if (errorsInARow > MAX_ERRORS_IN_A_ROW) {
            fail(MediaException.MEDIA_ERR_DECODE, "no decodable picture after " + errorsInARow + " packets: " + e.getMessage());
            return false;
        }
        ErrorMessage err = stamp(Messages.create(Messages.DECODE_ERROR));
        err.setCode(MediaException.MEDIA_ERR_DECODE);
        err.setMessage("video: " + e.getMessage());
        err.setCount(decodeErrors);
        Port.post(main, err);
        decoder.reset();
        needKeyframe = true;
        return true;
    }

    private void end() {
        EndMessage done = stamp(Messages.create(Messages.VIDEO_EOS));
        done.setFrames(frames);
        done.setDecodeMs(decodeMs);
        done.setParseMs(parseMs);
        Port.post(main, done);
        ended = true;
    }

    private void drain() {
        for (Picture pic = decoder.receive(); pic != null; pic = decoder.receive()) {
            errorsInARow = 0;
            double time = pic.pts == Packet.NO_TIMESTAMP ? Double.NaN : (double) pic.pts / track.timescale();
            if (!Double.isNaN(target)) {
                if (!Double.isNaN(time) && time <= target + 1e-6) {
                    // Before the target: keep only the latest, its interval may contain the target.
                    dropHeld();
                    held = build(pic, time);
                    continue;
                }
                target = Double.NaN;
                if (held != null) {
                    PictureMessage h = held;
                    held = null;
                    post(h);
                }
            }
            post(build(pic, time));
        }
    }

    private void dropHeld() {
        if (held != null) {
            packer.release(held);
            held = null;
        }
    }

    private PictureMessage build(Picture pic, double time) {
        frames++;
        PictureMessage msg = stamp(Messages.create(Messages.PICTURE));
        msg.setTime(time);
        msg.setWidth(pic.cropWidth);
        msg.setHeight(pic.cropHeight);
        msg.setChroma(pic.chromaFormat);
        msg.setChromaWidth(pic.visibleWidth(1));
        msg.setChromaHeight(pic.visibleHeight(1));
        msg.setPixelAspectNum(pic.pixelAspectNum);
        msg.setPixelAspectDen(pic.pixelAspectDen);
        msg.setMatrix(pic.colour.matrixCoefficients);
        msg.setFullRange(pic.colour.fullRange);
        msg.setDecodeMs(decodeMs);
        packer.fill(msg, pic);
        return msg;
    }

    private void post(PictureMessage msg) {
        msg.setEpoch(epoch);
        packer.post(main, msg);
    }

    private void fail(int code, String message) {
        if (closed) {
            return;
        }
        closed = true;
        ErrorMessage msg = stamp(Messages.create(Messages.ERROR));
        msg.setCode(code);
        msg.setMessage(message == null ? "error" : message);
        Port.post(main, msg);
    }

    private <T extends Message> T stamp(T m) {
        m.setSession(session);
        m.setEpoch(epoch);
        return m;
    }
}
