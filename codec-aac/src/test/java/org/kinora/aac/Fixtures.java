package org.kinora.aac;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;

/** The fixtures of testdata/aac and a minimal ADTS frame splitter for the decoder tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testdata/aac"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("testdata/aac not found");
        }
        return p.resolve("testdata/aac");
    }

    static byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir().resolve(name));
    }

    /** ffmpeg's reference samples, interleaved. */
    static short[] reference(String name) throws IOException {
        byte[] b;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir().resolve(name + ".s16.gz")))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            b = out.toByteArray();
        }
        short[] s = new short[b.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
        }
        return s;
    }

    /** An ADTS frame: header fields and its raw_data_block bytes (CRC removed). */
    static final class Frame {
        int profile;
        int sfIndex;
        int channelConfig;
        byte[] payload;
    }

    /** Splits an ADTS stream (1.A.2.2), one raw_data_block per frame as ffmpeg writes. */
    static List<Frame> adtsFrames(byte[] b) {
        List<Frame> frames = new ArrayList<>();
        int p = 0;
        while (p + 7 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF || (b[p + 1] & 0xF0) != 0xF0) {
                throw new IllegalStateException("lost ADTS sync at " + p);
            }
            boolean protectionAbsent = (b[p + 1] & 1) != 0;
            Frame f = new Frame();
            f.profile = (b[p + 2] >> 6) & 3;
            f.sfIndex = (b[p + 2] >> 2) & 15;
            f.channelConfig = ((b[p + 2] & 1) << 2) | ((b[p + 3] >> 6) & 3);
            int length = ((b[p + 3] & 3) << 11) | ((b[p + 4] & 0xFF) << 3) | ((b[p + 5] & 0xFF) >> 5);
            int header = protectionAbsent ? 7 : 9;
            f.payload = java.util.Arrays.copyOfRange(b, p + header, p + length);
            frames.add(f);
            p += length;
        }
        return frames;
    }

    /** Decodes every frame and returns the samples interleaved, as floats. */
    static float[] decode(AacDecoder d, List<byte[]> packets) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        int channels = 0;
        for (byte[] data : packets) {
            d.decode(new Packet(1, data, 0, data.length));
            AudioBlock b;
            while ((b = d.receive()) != null) {
                channels = b.channels;
                float[] inter = new float[b.frames * b.channels];
                for (int i = 0; i < b.frames; i++) {
                    for (int c = 0; c < b.channels; c++) {
                        inter[i * b.channels + c] = b.samples[c][i];
                    }
                }
                parts.add(inter);
                total += inter.length;
            }
        }
        float[] all = new float[total];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, o, p.length);
            o += p.length;
        }
        return all;
    }

    /** float to 16 bits as ffmpeg's conversion does: round to nearest, clip. */
    static int toS16(float v) {
        float x = v * 32768f;
        if (x >= 32767f) {
            return 32767;
        }
        if (x <= -32768f) {
            return -32768;
        }
        return (int) Math.floor(x + 0.5f);
    }
}
