package org.kinora.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file server on loopback that misbehaves the way real ones do, chosen by the first path
 * segment: {@code /ok/} honours Range; {@code /norange/} always answers 200 with the whole body;
 * {@code /cut/} honours Range but cuts every response after {@value #CUT} bytes; {@code /hollow/}
 * honours Range but breaks every response longer than {@value #CUT} bytes after its headers,
 * before any of the body (what a client sees of a cut response whose body it could not read in
 * time); {@code /flaky/}
 * answers 500 to every second request; {@code /busy/} answers the first request for each URL (query
 * included) 503 with Retry-After; {@code /down/} answers 500 to everything; {@code /gone/} 404. Slow ones:
 * {@code /trickle/} sends {@value #TRICKLE} bytes every {@value #TRICKLE_MS} ms; {@code /stall/}
 * stops for {@value #STALL_MS} ms before byte {@value #STALL_AT}, once per URL (query included);
 * {@code /latetail/} holds every ranged request that starts in the last {@value #TAIL} bytes for
 * {@value #LATE_TAIL_MS} ms (an Ogg file's tail, read for its duration, far away);
 * {@code /endless/} answers 200 with no length, sends the whole file and then never ends the
 * response (a file URL that behaves like a live one); {@code /chunked/} answers 200 with no length
 * and the whole file, then ends properly; {@code /paced/} does the same at about the pace of a
 * live stream ({@value #PACE} bytes every {@value #PACE_MS} ms). CORS headers let a page of another origin
 * read it, as a CDN would.
 */
final class FaultyServer implements AutoCloseable {
    static final int CUT = 100 * 1024;
    static final int TRICKLE = 16 * 1024;
    static final int TRICKLE_MS = 50;
    static final int STALL_MS = 4500;
    static final int STALL_AT = 400 * 1024;
    static final int TAIL = 256 * 1024;
    static final int LATE_TAIL_MS = 1500;
    static final int PACE = 4096;
    static final int PACE_MS = 150;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Path root;
    private final AtomicInteger requests = new AtomicInteger();
    /** Each request: its path, Range (or "-") and who made it ("page" when it has a Referer, else "worker"). */
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<String> stalled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> busied = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Opened by {@link #close}: endless responses end then. */
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

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

    /**
     * The requests for {@code path} so far, in order, as "Range by": a document's request carries
     * a Referer, a worker started from a {@code blob:} URL (Kinora's) sends none.
     */
    List<String> requestsFor(String path) {
        List<String> out = new ArrayList<>();
        synchronized (log) {
            for (String e : log) {
                if (e.startsWith(path + " ")) {
                    out.add(e.substring(path.length() + 1));
                }
            }
        }
        return out;
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
            String asked = ex.getRequestHeaders().getFirst("Range");
            log.add(ex.getRequestURI() + " " + (asked == null ? "-" : asked) + " by "
                    + (ex.getRequestHeaders().getFirst("Referer") != null ? "page" : "worker"));
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
            if (mode.equals("busy") && busied.add(ex.getRequestURI().toString())) {
                h.add("Retry-After", "1");
                ex.sendResponseHeaders(503, -1);
                return;
            }
            byte[] data = Files.readAllBytes(file);
            h.add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(data)) + "\"");
            h.add("Content-Type", "application/octet-stream");
            h.add("Cache-Control", "no-store"); // every request reaches the server, as the tests count on
            String range = ex.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (mode.equals("endless")) {
                ex.sendResponseHeaders(200, 0); // chunked: no length
                ex.getResponseBody().write(data);
                ex.getResponseBody().flush();
                try {
                    closing.await(); // and nothing more, ever
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (mode.equals("chunked")) {
                ex.sendResponseHeaders(200, 0); // chunked: no length, then a proper end
                ex.getResponseBody().write(data);
                ex.getResponseBody().close();
                return;
            }
            if (mode.equals("paced")) {
                ex.sendResponseHeaders(200, 0); // chunked: no length, sent over time, then a proper end
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < data.length; i += PACE) {
                    out.write(data, i, Math.min(PACE, data.length - i));
                    out.flush();
                    sleep(PACE_MS);
                }
                out.close();
                return;
            }
            if (mode.equals("latetail") && m != null && m.matches() && Long.parseLong(m.group(1)) >= data.length - TAIL) {
                sleep(LATE_TAIL_MS);
            }
            if (mode.equals("stall") && m != null && m.matches()) {
                long from = Long.parseLong(m.group(1));
                long to = m.group(2).isEmpty() ? data.length - 1 : Long.parseLong(m.group(2));
                if (from < STALL_AT && STALL_AT <= to && STALL_AT < data.length && stalled.add(ex.getRequestURI().toString())) {
                    mode = "stall-here";
                }
            }
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
        if (mode.equals("trickle")) {
            for (int i = 0; i < length; i += TRICKLE) {
                out.write(data, offset + i, Math.min(TRICKLE, length - i));
                out.flush();
                sleep(TRICKLE_MS);
            }
            return;
        }
        if (mode.equals("stall-here") && offset + length > STALL_AT) {
            out.write(data, offset, STALL_AT - offset);
            out.flush();
            sleep(STALL_MS);
            out.write(data, STALL_AT, offset + length - STALL_AT);
            return;
        }
        if (mode.equals("hollow") && length > CUT) {
            out.flush();
            throw new IOException("response broken on purpose before its body");
        }
        if (mode.equals("cut") && length > CUT) {
            out.write(data, offset, CUT);
            out.flush();
            throw new IOException("response cut on purpose"); // the exchange is closed without the rest
        }
        out.write(data, offset, length);
    }

    private static void sleep(int ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
