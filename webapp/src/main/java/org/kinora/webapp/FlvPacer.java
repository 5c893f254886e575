package org.kinora.webapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Plays an FLV file out as a live stream: the header, then each tag when its timestamp is due,
 * the file over and over with timestamps that keep increasing, as an encoder publishing live
 * would send it. The onMetaData duration is set to 0 (live encoders write 0) and the sequence
 * headers and metadata go out once, before the first loop.
 */
public final class FlvPacer {
    /** Where the paced bytes go: each call is one piece to send now (an HTTP chunk, a WebSocket message). */
    public interface Sink {
        void write(byte[] data, int offset, int length) throws IOException;
    }

    private final byte[] flv;
    private final int dataOffset;

    public FlvPacer(byte[] flv) {
        if (flv.length < 13 || flv[0] != 'F' || flv[1] != 'L' || flv[2] != 'V') {
            throw new IllegalArgumentException("not an FLV file");
        }
        this.flv = withLiveMetadata(flv);
        this.dataOffset = ((flv[5] & 0xFF) << 24) | ((flv[6] & 0xFF) << 16) | ((flv[7] & 0xFF) << 8) | (flv[8] & 0xFF);
    }

    /**
     * Sends {@code loops} rounds of the file (0: until the sink fails or the thread is
     * interrupted), pacing tags by their timestamps.
     */
    public void play(Sink sink, int loops) throws IOException, InterruptedException {
        sink.write(flv, 0, dataOffset + 4);
        long started = System.nanoTime();
        long loopOffset = 0;
        long lastTs = 0;
        for (int loop = 0; loops <= 0 || loop < loops; loop++) {
            int p = dataOffset + 4;
            while (p + 11 <= flv.length) {
                int size = ((flv[p + 1] & 0xFF) << 16) | ((flv[p + 2] & 0xFF) << 8) | (flv[p + 3] & 0xFF);
                int end = Math.min(flv.length, p + 11 + size + 4);
                long ts = (((flv[p + 4] & 0xFF) << 16) | ((flv[p + 5] & 0xFF) << 8) | (flv[p + 6] & 0xFF)
                        | ((long) (flv[p + 7] & 0xFF) << 24)) + loopOffset;
                if (loop > 0 && (isSequenceHeader(flv, p) || (flv[p] & 0x1F) == 18)) {
                    p = end;
                    continue;
                }
                long wait = started + TimeUnit.MILLISECONDS.toNanos(ts) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] tag = Arrays.copyOfRange(flv, p, end);
                tag[4] = (byte) (ts >> 16);
                tag[5] = (byte) (ts >> 8);
                tag[6] = (byte) ts;
                tag[7] = (byte) (ts >> 24);
                sink.write(tag, 0, tag.length);
                lastTs = Math.max(lastTs, ts);
                p = end;
            }
            loopOffset = lastTs + 40;
        }
    }

    /** The file with its onMetaData duration set to 0. */
    private static byte[] withLiveMetadata(byte[] flv) {
        byte[] key = "\0\bduration\0".getBytes(StandardCharsets.US_ASCII);
        byte[] out = flv.clone();
        for (int i = 0; i + key.length + 8 <= Math.min(out.length, 4096); i++) {
            if (Arrays.equals(out, i, i + key.length, key, 0, key.length)) {
                Arrays.fill(out, i + key.length, i + key.length + 8, (byte) 0);
                break;
            }
        }
        return out;
    }

    /** An audio or video tag that carries a decoder configuration instead of frames. */
    private static boolean isSequenceHeader(byte[] f, int p) {
        int type = f[p] & 0x1F;
        if (p + 12 >= f.length) {
            return false;
        }
        int b0 = f[p + 11] & 0xFF;
        if (type == 9) {
            if ((b0 & 0x80) != 0) {
                return (b0 & 0x0F) == 0 || ((b0 >> 4) & 7) == 5;
            }
            return (f[p + 12] & 0xFF) == 0;
        }
        if (type == 8) {
            if ((b0 >> 4) == 10) {
                return (f[p + 12] & 0xFF) == 0;
            }
            if ((b0 >> 4) == 9) {
                return (b0 & 0x0F) == 0;
            }
        }
        return false;
    }
}
