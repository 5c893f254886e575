package org.kinora.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.core.Version;

class DevServerTest {
    @TempDir
    static Path tmp;
    static DevServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static byte[] media;

    @BeforeAll
    static void start() throws Exception {
        Path dist = Path.of(System.getProperty("kinora.dist"));
        Path demo = tmp.resolve("demo");
        Files.createDirectories(demo.resolve("media"));
        media = new byte[5000];
        for (int i = 0; i < media.length; i++) {
            media[i] = (byte) (i * 31 + 7);
        }
        Files.write(demo.resolve("media/clip.ogg"), media);
        Files.writeString(demo.resolve("index.html"), "<!doctype html><title>t</title>");
        Files.writeString(tmp.resolve("secret.txt"), "outside the roots");
        Map<String, Path> roots = new LinkedHashMap<>();
        roots.put("/dist", dist);
        roots.put("/", demo);
        server = new DevServer("127.0.0.1", 0, roots);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void rangeRequestsGet206WithExactBytes() throws Exception {
        HttpResponse<byte[]> r = get("/media/clip.ogg", "bytes=0-99");
        assertEquals(206, r.statusCode());
        assertEquals("bytes 0-99/5000", r.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(media, 0, 100), r.body());

        HttpResponse<byte[]> mid = get("/media/clip.ogg", "bytes=4990-");
        assertEquals(206, mid.statusCode());
        assertEquals("bytes 4990-4999/5000", mid.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(media, 4990, 5000), mid.body());

        HttpResponse<byte[]> whole = get("/media/clip.ogg", null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(media, whole.body());
    }

    @Test
    void wasmIsServedAsApplicationWasm() throws Exception {
        HttpResponse<byte[]> r = get("/dist/kinora-worker.wasm", null);
        assertEquals(200, r.statusCode());
        assertEquals("application/wasm", r.headers().firstValue("Content-Type").orElse(""));
        byte[] magic = {0, 'a', 's', 'm'};
        assertArrayEquals(magic, Arrays.copyOf(r.body(), 4));
    }

    @Test
    void distIsAnNpmPackageWithTheCodeVersion() throws Exception {
        String pkg = new String(get("/dist/package.json", null).body(), StandardCharsets.UTF_8);
        assertTrue(pkg.contains("\"name\": \"kinora\""), pkg);
        assertTrue(pkg.contains("\"version\": \"" + Version.VERSION + "\""), "package.json and Version.VERSION must agree: " + pkg);
        for (String f : new String[] {"kinora.js", "kinora.css", "kinora-worker-wasm.js", "kinora-worker.wasm",
                "kinora-worker-js.js", "kinora-worker.js", "kinora-audio-worklet.js"}) {
            assertTrue(pkg.contains("\"" + f + "\""), f + " listed in files");
            assertEquals(200, get("/dist/" + f, null).statusCode(), f);
        }
    }

    @Test
    void nothingOutsideTheRootsIsReachable() throws Exception {
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/media/..%2f..%2fsecret.txt",
                "/dist/../../secret.txt", "/media/%2e%2e/%2e%2e/secret.txt"}) {
            String response = raw(path);
            assertTrue(!response.contains("outside the roots"), path + " leaked: " + response);
            assertNotEquals("200", response.split(" ")[1], path);
        }
    }

    /** Sends a request line as is (HttpClient would normalise the path). */
    private static String raw(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
