package org.kinora.webapp;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves the bundle, the demo pages and the sample media with embedded Jetty:
 * {@code /} the demo, {@code /dist/} the npm-style bundle, and any extra {@code --root PREFIX=DIR};
 * {@code /live/NAME.flv} plays the demo's {@code media/NAME.flv} out as a live HTTP-FLV stream
 * ({@link LiveFlvHandler}).
 * Range requests are answered with 206; {@code .wasm} goes out as {@code application/wasm};
 * nothing outside the served folders is reachable.
 *
 * <pre>java -jar webapp/target/kinora-server.jar [--port 8080] [--host 127.0.0.1] [--dist DIR] [--demo DIR] [--root /p=DIR]</pre>
 */
public final class DevServer {
    private final Server server;
    private final ServerConnector connector;

    /** {@code roots}: URL prefix ("/" or "/name") to folder. */
    public DevServer(String host, int port, Map<String, Path> roots) {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        List<Handler> contexts = new ArrayList<>();
        ResourceFactory resources = ResourceFactory.of(server);
        for (Map.Entry<String, Path> root : roots.entrySet()) {
            Path dir = root.getValue().toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a folder: " + dir);
            }
            ResourceHandler files = new ResourceHandler();
            files.setBaseResource(resources.newResource(dir));
            files.setDirAllowed(false);
            files.setWelcomeFiles(List.of("index.html"));
            files.setAcceptRanges(true);
            files.setEtags(true);
            files.setCacheControl("no-cache");
            ContextHandler context = new ContextHandler(files, root.getKey());
            MimeTypes.Mutable mime = context.getMimeTypes();
            mime.addMimeMapping("wasm", "application/wasm");
            mime.addMimeMapping("js", "text/javascript;charset=utf-8");
            mime.addMimeMapping("ogg", "application/ogg");
            mime.addMimeMapping("ogv", "video/ogg");
            mime.addMimeMapping("oga", "audio/ogg");
            mime.addMimeMapping("webm", "video/webm");
            mime.addMimeMapping("mkv", "video/x-matroska");
            mime.addMimeMapping("flv", "video/x-flv");
            mime.addMimeMapping("hevc", "video/hevc");
            contexts.add(context);
            if (root.getKey().equals("/") && Files.isDirectory(dir.resolve("media"))) {
                contexts.add(new ContextHandler(new LiveFlvHandler(dir.resolve("media")), "/live"));
            }
        }
        server.setHandler(new ContextHandlerCollection(contexts.toArray(new ContextHandler[0])));
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 8080;
        Path dist = null;
        Path demo = null;
        Map<String, Path> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--host": host = need(a, v); i++; break;
                case "--port": port = Integer.parseInt(need(a, v)); i++; break;
                case "--dist": dist = Path.of(need(a, v)); i++; break;
                case "--demo": demo = Path.of(need(a, v)); i++; break;
                case "--root": {
                    String spec = need(a, v);
                    int eq = spec.indexOf('=');
                    if (eq <= 0 || !spec.startsWith("/")) {
                        usage("--root wants /prefix=DIR");
                    }
                    extra.put(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
                    i++;
                    break;
                }
                case "-h":
                case "--help":
                    usage(null);
                    break;
                default:
                    usage("unknown argument " + a);
            }
        }
        Path home = defaultHome();
        Map<String, Path> roots = new LinkedHashMap<>();
        roots.put("/dist", dist != null ? dist : home.resolve("dist"));
        roots.putAll(extra);
        roots.put("/", demo != null ? demo : home.resolve("demo"));
        DevServer s = new DevServer(host, port, roots);
        s.start();
        System.out.println("Kinora demo on http://" + host + ":" + s.port() + "/  (bundle under /dist/)");
        s.join();
    }

    private static String need(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("kinora-server: " + error);
        }
        System.err.println("usage: java -jar kinora-server.jar [--port 8080] [--host 127.0.0.1] [--dist DIR] [--demo DIR] [--root /prefix=DIR]");
        System.exit(error == null ? 0 : 1);
    }

    /** The folder holding dist/ and demo/: the jar's folder (webapp/target), or the working folder. */
    private static Path defaultHome() {
        try {
            Path code = Path.of(DevServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = code.getParent();
            if (dir != null && Files.isDirectory(dir.resolve("dist"))) {
                return dir;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working folder
        }
        Path target = Path.of("webapp", "target");
        return Files.isDirectory(target.resolve("dist")) ? target : Path.of(".");
    }
}
