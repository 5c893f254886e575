package org.kinora.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file server on loopback that misbehaves the way real ones do, chosen by the first path
 * segment: {@code /ok/} honours Range; {@code /norange/} always answers 200 with the whole body;
 * {@code /cut/} honours Range but cuts every response after {@value #CUT} bytes; {@code /flaky/}
 * answers 500 to every second request; {@code /busy/} answers the first request 503 with
 * Retry-After; {@code /down/} answers 500 to everything; {@code /gone/} 404. CORS headers let a
 * page of another origin read it, as a CDN would.
 */
final class FaultyServer implements AutoCloseable {
    static final int CUT = 100 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Path root;
    private final AtomicInteger requests = new AtomicInteger();

    FaultyServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String mode, String file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/" + file;
    }

    /** Requests answered so far (preflights not counted). */
    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            var h = ex.getResponseHeaders();
            h.add("Access-Control-Allow-Origin", "*");
            h.add("Access-Control-Allow-Headers", "Range, If-Range");
            h.add("Access-Control-Expose-Headers", "Content-Range, Content-Length, ETag, Retry-After, Accept-Ranges");
            if ("OPTIONS".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(204, -1);
                return;
            }
            int n = requests.incrementAndGet();
            String[] parts = ex.getRequestURI().getPath().split("/", 3);
            if (parts.length < 3) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String mode = parts[1];
            Path file = root.resolve(parts[2]).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || mode.equals("gone")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (mode.equals("down") || (mode.equals("flaky") && n % 2 == 0)) {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            if (mode.equals("busy") && n == 1) {
                h.add("Retry-After", "1");
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] data = Files.readAllBytes(file);
            h.add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(data)) + "\"");
            h.add("Content-Type", "application/octet-stream");
            String range = ex.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (mode.equals("norange") || m == null || !m.matches()) {
                ex.sendResponseHeaders(200, data.length);
                write(ex.getResponseBody(), data, 0, data.length, mode);
                return;
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? data.length - 1 : Math.min(data.length - 1, Long.parseLong(m.group(2)));
            if (first >= data.length) {
                h.add("Content-Range", "bytes */" + data.length);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            h.add("Content-Range", "bytes " + first + "-" + last + "/" + data.length);
            int len = (int) (last - first + 1);
            ex.sendResponseHeaders(206, len);
            write(ex.getResponseBody(), data, (int) first, len, mode);
        }
    }

    private static void write(OutputStream out, byte[] data, int offset, int length, String mode) throws IOException {
        if (mode.equals("cut") && length > CUT) {
            out.write(data, offset, CUT);
            out.flush();
            throw new IOException("response cut on purpose"); // the exchange is closed without the rest
        }
        out.write(data, offset, length);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
