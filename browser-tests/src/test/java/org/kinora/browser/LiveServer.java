package org.kinora.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real live media server for the tests: node-media-server (installed by {@code scripts/test.sh}
 * into {@code browser-tests/live-server}) on loopback, with free ports, and a publisher that pushes
 * an FLV file into it over HTTP POST at the pace of its timestamps, as an encoder would. Players
 * then read the stream as HTTP-FLV ({@link #httpUrl}) or WebSocket-FLV ({@link #wsUrl}).
 */
final class LiveServer implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    final int httpPort;
    private final List<Thread> publishers = new ArrayList<>();
    private volatile boolean closed;

    private LiveServer(Process process, Path dataDir, int httpPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
    }

    /** The folder node-media-server is installed in. */
    static Path home() {
        return Path.of(System.getProperty("kinora.liveServer", "live-server"));
    }

    /** True when node and node-media-server are installed (scripts/test.sh installs them). */
    static boolean available() {
        return Files.isRegularFile(home().resolve("node_modules/node-media-server/bin/app.js"));
    }

    static LiveServer start() throws IOException, InterruptedException {
        int http = freePort();
        int rtmp = freePort();
        int rtmps = freePort();
        int https = freePort();
        Path data = Files.createTempDirectory("kinora-live");
        Path app = home().resolve("node_modules/node-media-server/bin/app.js").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("node", app.toString(), "--bind", "127.0.0.1",
                "--http-port", Integer.toString(http), "--rtmp-port", Integer.toString(rtmp),
                "--rtmps-port", Integer.toString(rtmps), "--https-port", Integer.toString(https),
                "--no-admin", "--data-path", data.resolve("store").toString(),
                "--record-path", data.resolve("record").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("server.log").toFile());
        pb.directory(data.toFile());
        Process p = pb.start();
        LiveServer server = new LiveServer(p, data, http);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("node-media-server exited: " + Files.readString(data.resolve("server.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", http), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IOException("node-media-server did not start listening on port " + http);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String httpUrl(String name) {
        return "http://127.0.0.1:" + httpPort + "/live/" + name + ".flv";
    }

    String wsUrl(String name) {
        return "ws://127.0.0.1:" + httpPort + "/live/" + name + ".flv";
    }

    /**
     * Publishes {@code flv} as stream {@code name}, {@code loops} times in a row with continuing
     * timestamps, each tag sent when its timestamp is due. Returns at once; the push runs on its
     * own thread until done or until the server closes.
     */
    void publish(String name, byte[] flv, int loops) {
        Thread t = new Thread(() -> {
            try {
                push(name, flv, loops);
            } catch (IOException | InterruptedException e) {
                if (!closed) {
                    System.err.println("live publisher for " + name + " stopped: " + e);
                }
            }
        }, "live-publisher-" + name);
        t.setDaemon(true);
        publishers.add(t);
        t.start();
    }

    private void push(String name, byte[] file, int loops) throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", httpPort)) {
            OutputStream out = s.getOutputStream();
            byte[] flv = file;
            String head = "POST /live/" + name + ".flv HTTP/1.1\r\nHost: 127.0.0.1:" + httpPort
                    + "\r\nContent-Type: video/x-flv\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            int dataOffset = ((flv[5] & 0xFF) << 24) | ((flv[6] & 0xFF) << 16) | ((flv[7] & 0xFF) << 8) | (flv[8] & 0xFF);
            chunk(out, flv, 0, dataOffset + 4);
            flv = liveMetadata(flv);
            long started = System.nanoTime();
            long loopOffset = 0;
            long lastTs = 0;
            for (int loop = 0; loop < loops && !closed; loop++) {
                int p = dataOffset + 4;
                while (p + 11 <= flv.length && !closed) {
                    int size = ((flv[p + 1] & 0xFF) << 16) | ((flv[p + 2] & 0xFF) << 8) | (flv[p + 3] & 0xFF);
                    int end = Math.min(flv.length, p + 11 + size + 4);
                    long ts = (((flv[p + 4] & 0xFF) << 16) | ((flv[p + 5] & 0xFF) << 8) | (flv[p + 6] & 0xFF)
                            | ((long) (flv[p + 7] & 0xFF) << 24)) + loopOffset;
                    boolean sequenceHeader = isSequenceHeader(flv, p);
                    if (loop > 0 && (sequenceHeader || (flv[p] & 0x1F) == 18)) {
                        p = end;
                        continue; // headers and metadata once, as a real encoder sends them
                    }
                    long due = started + TimeUnit.MILLISECONDS.toNanos(ts);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] tag = java.util.Arrays.copyOfRange(flv, p, end);
                    tag[4] = (byte) (ts >> 16);
                    tag[5] = (byte) (ts >> 8);
                    tag[6] = (byte) ts;
                    tag[7] = (byte) (ts >> 24);
                    chunk(out, tag, 0, tag.length);
                    lastTs = Math.max(lastTs, ts);
                    p = end;
                }
                loopOffset = lastTs + 40;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            s.setSoTimeout(2000);
            try {
                in.read();
            } catch (IOException ignored) {
                // the server may keep the connection open
            }
        }
    }

    /**
     * The file with its onMetaData duration set to 0, as encoders publishing live write it (a file's
     * duration would make a live stream look like a file).
     */
    private static byte[] liveMetadata(byte[] flv) {
        byte[] key = "\0\bduration\0".getBytes(StandardCharsets.US_ASCII);
        byte[] out = flv.clone();
        for (int i = 0; i + key.length + 8 <= Math.min(out.length, 4096); i++) {
            if (java.util.Arrays.equals(out, i, i + key.length, key, 0, key.length)) {
                java.util.Arrays.fill(out, i + key.length, i + key.length + 8, (byte) 0);
                break;
            }
        }
        return out;
    }

    /** An audio or video tag that carries a decoder configuration instead of frames. */
    private static boolean isSequenceHeader(byte[] f, int p) {
        int type = f[p] & 0x1F;
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

    private static void chunk(OutputStream out, byte[] b, int off, int len) throws IOException {
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The server's log, for failure messages. */
    String log() {
        try {
            return Files.readString(dataDir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (Thread t : publishers) {
            t.interrupt();
        }
    }
}
