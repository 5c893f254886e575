package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kinora.core.Md5;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.demux.Demuxer;
import org.kinora.demux.flv.FlvDemuxer;

/**
 * The FLV demuxer against a real live server: node-media-server relays a stream published at real
 * time, and the demuxer reads it as HTTP-FLV (a chunked body with no length) and as WebSocket-FLV,
 * joining after the stream started (the server's GOP cache then starts it at a keyframe).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFlvTest {
    private LiveServer server;
    private List<String> fileVideo;

    @BeforeAll
    void start() throws Exception {
        assertTrue(LiveServer.available(), "node-media-server is not installed in " + LiveServer.home()
                + ": scripts/test.sh installs it (npm ci --prefix browser-tests/live-server)");
        server = LiveServer.start();
        byte[] flv = Files.readAllBytes(Path.of(System.getProperty("kinora.testdata", "../testdata"), "flv", "hevc_aac.flv"));
        server.publish("cam1", flv, 3);
        fileVideo = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("kinora.testdata", "../testdata"), "flv", "hevc_aac.packets"))) {
            if (line.startsWith("video")) {
                fileVideo.add(line.substring(line.lastIndexOf(',') + 1));
            }
        }
        Thread.sleep(1500); // join late: the stream has been running for a while
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** What the demuxer read from a live stream. */
    private static final class Result {
        final List<Packet> video = new ArrayList<>();
        final List<Packet> audio = new ArrayList<>();
        List<TrackInfo> tracks = List.of();
        boolean canSeek;
        double duration;
    }

    /** Demuxes {@code in} as it arrives until {@code videoFrames} video packets were read. */
    private static Result demux(InputStream in, int videoFrames) throws IOException {
        FlvDemuxer d = new FlvDemuxer();
        Result r = new Result();
        byte[] buf = new byte[8192];
        while (r.video.size() < videoFrames) {
            int s = d.poll();
            if (s == Demuxer.NEED_MORE_DATA) {
                int n = in.read(buf);
                if (n < 0) {
                    d.endOfInput();
                } else {
                    d.feed(buf, 0, n);
                }
            } else if (s == Demuxer.TRACKS_CHANGED) {
                r.tracks = d.tracks();
                r.canSeek = d.canSeek();
                r.duration = d.durationSeconds();
            } else if (s == Demuxer.PACKET) {
                Packet p = d.packet().copy();
                (p.trackId == FlvDemuxer.VIDEO_TRACK ? r.video : r.audio).add(p);
            } else if (s == Demuxer.END) {
                break;
            }
        }
        return r;
    }

    private void check(Result r, String how) {
        assertEquals(2, r.tracks.size(), how + ": tracks " + r.tracks + "\n" + server.log());
        TrackInfo v = r.tracks.stream().filter(t -> t.type() == TrackType.VIDEO).findFirst().orElseThrow();
        assertEquals("hevc", v.codec());
        assertEquals(208, v.width());
        assertEquals(120, v.height());
        assertEquals("aac", r.tracks.stream().filter(t -> t.type() == TrackType.AUDIO).findFirst().orElseThrow().codec());
        assertFalse(r.canSeek, how + ": a live stream has no length to seek in");
        assertTrue(Double.isNaN(r.duration), how + ": no duration, got " + r.duration);
        assertTrue(r.video.get(0).keyframe, how + ": the server starts late joiners at a keyframe");
        assertTrue(r.video.get(0).dts >= 1000, how + ": joined late, first video at " + r.video.get(0).dts + " ms");
        // the frames are the file's, in the file's order, across the loops of the publisher
        int at = fileVideo.indexOf("MD5:" + md5(r.video.get(0)));
        assertTrue(at >= 0, how + ": the first frame is one of the file's");
        long lastDts = Long.MIN_VALUE;
        for (Packet p : r.video) {
            assertEquals(fileVideo.get(at), "MD5:" + md5(p), how + ": frame at " + p.dts + " ms");
            at = (at + 1) % fileVideo.size();
            assertTrue(p.dts > lastDts, how + ": decode times increase");
            lastDts = p.dts;
        }
        assertFalse(r.audio.isEmpty(), how + ": audio arrives too");
    }

    private static String md5(Packet p) {
        Md5 m = new Md5();
        m.update(p.data, p.offset, p.length);
        return m.digestHex();
    }

    @Test
    void httpFlv() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.httpUrl("cam1"))).timeout(Duration.ofSeconds(20)).build();
        HttpResponse<InputStream> res = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("content-length").isEmpty(), "a live body has no length");
        try (InputStream in = res.body()) {
            check(demux(in, 60), "HTTP-FLV");
        }
    }

    @Test
    void webSocketFlv() throws Exception {
        MessageStream in = new MessageStream();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                in.add(b);
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                in.add(new byte[0]);
                return null;
            }
        };
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(server.wsUrl("cam1")), listener).get(10, TimeUnit.SECONDS);
        try {
            Result r = CompletableFuture.supplyAsync(() -> {
                try {
                    return demux(in, 60);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            check(r, "WebSocket-FLV");
        } finally {
            ws.abort();
        }
    }

    /** The binary messages of a WebSocket as one byte stream; an empty message marks the end. */
    private static final class MessageStream extends InputStream {
        private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        void add(byte[] b) {
            queue.add(b);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                pos = 0;
                ended = current.length == 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
