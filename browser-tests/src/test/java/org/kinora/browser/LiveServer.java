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
import org.kinora.webapp.FlvPacer;

/**
 * A real live media server for the tests: node-media-server (installed by {@code scripts/test.sh}
 * into {@code browser-tests/live-server}) on loopback, with free ports, and a publisher that pushes
 * an FLV file into it over HTTP POST at the pace of its timestamps ({@link FlvPacer}), as an
 * encoder would. Players
 * then read the stream as HTTP-FLV ({@link #httpUrl}) or WebSocket-FLV ({@link #wsUrl}).
 */
final class LiveServer implements AutoCloseable {
    private final List<String> command;
    private final Path dataDir;
    final int httpPort;
    private final List<Thread> publishers = new ArrayList<>();
    private Process process;
    private volatile boolean closed;
    /** Bumped when the server is killed: the publishers of before stop quietly. */
    private volatile int run;

    private LiveServer(List<String> command, Path dataDir, int httpPort) {
        this.command = command;
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

    /**
     * Starts a server on four free ports. A port found free can be taken by another process before
     * the server binds it (an outgoing connection's ephemeral port): then it starts again on others.
     */
    static LiveServer start() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePorts();
            } catch (IOException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("already in use")) {
                    throw e;
                }
            }
        }
    }

    private static LiveServer startOnFreePorts() throws IOException, InterruptedException {
        int[] ports = freePorts(4);
        int http = ports[0];
        int rtmp = ports[1];
        int rtmps = ports[2];
        int https = ports[3];
        Path data = Files.createTempDirectory("kinora-live");
        Path app = home().resolve("node_modules/node-media-server/bin/app.js").toAbsolutePath();
        LiveServer server = new LiveServer(List.of("node", app.toString(), "--bind", "127.0.0.1",
                "--http-port", Integer.toString(http), "--rtmp-port", Integer.toString(rtmp),
                "--rtmps-port", Integer.toString(rtmps), "--https-port", Integer.toString(https),
                "--no-admin", "--data-path", data.resolve("store").toString(),
                "--record-path", data.resolve("record").toString()), data, http);
        server.launch();
        return server;
    }

    /** Starts the server process and waits until it listens. */
    private void launch() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        pb.directory(dataDir.toFile());
        Process p = pb.start();
        process = p;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("node-media-server exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", httpPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("node-media-server did not start listening on port " + httpPort);
    }

    /** Kills the server (SIGKILL, as a crash): every connection drops, the publishers stop. */
    void kill() throws InterruptedException {
        run++;
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Starts the killed server again on the same ports; nothing is published until {@link #publish}. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    /**
     * A started server publishing {@code testdata/flv/FIXTURE} as stream {@code name}, {@code loops}
     * times; fails with the install hint when node-media-server is missing.
     */
    static LiveServer publishing(String name, String fixture, int loops) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("node-media-server is not installed in " + home()
                    + ": scripts/test.sh installs it (npm ci --prefix browser-tests/live-server)");
        }
        LiveServer server = start();
        server.publish(name, Files.readAllBytes(Path.of(System.getProperty("kinora.testdata", "../testdata"), "flv", fixture)), loops);
        return server;
    }

    /** {@code n} distinct ports free on loopback now (all held open together while they are chosen). */
    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
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
    Thread publish(String name, byte[] flv, int loops) {
        return publish(name, flv, loops, "127.0.0.1");
    }

    /**
     * As {@link #publish(String, byte[], int)}, from the loopback address {@code from} (another
     * address is another client to the server: it takes the stream over at once instead of
     * resuming the last publisher's timeline). Returns the publishing thread.
     */
    Thread publish(String name, byte[] flv, int loops, String from) {
        int current = run;
        Thread t = new Thread(() -> {
            try {
                push(name, flv, loops, current, from);
            } catch (IOException | InterruptedException e) {
                if (!closed && current == run) {
                    System.err.println("live publisher for " + name + " stopped: " + e);
                }
            }
        }, "live-publisher-" + name);
        t.setDaemon(true);
        publishers.add(t);
        t.start();
        return t;
    }

    private void push(String name, byte[] flv, int loops, int current, String from) throws IOException, InterruptedException {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), httpPort, java.net.InetAddress.getByName(from), 0)) {
            OutputStream out = s.getOutputStream();
            String head = "POST /live/" + name + ".flv HTTP/1.1\r\nHost: 127.0.0.1:" + httpPort
                    + "\r\nContent-Type: video/x-flv\r\nTransfer-Encoding: chunked\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            new FlvPacer(flv).play((b, off, len) -> {
                if (closed || current != run) {
                    throw new IOException("server closed");
                }
                chunk(out, b, off, len);
            }, loops);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            s.setSoTimeout(200);
            try {
                in.read();
            } catch (IOException ignored) {
                // the server may keep the connection open
            }
        }
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
