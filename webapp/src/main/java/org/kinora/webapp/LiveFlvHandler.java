package org.kinora.webapp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A live source for the demo: {@code /live/NAME.flv} plays {@code NAME.flv} of the media folder
 * out as an HTTP-FLV live stream (a chunked body with no length that never ends), looping with
 * increasing timestamps ({@link FlvPacer}). Kinora is a player, not a media server: this exists so
 * that the demo shows live playback with nothing else to install.
 */
final class LiveFlvHandler extends Handler.Abstract {
    private static final Pattern NAME = Pattern.compile("/[A-Za-z0-9_-]+\\.flv");
    /** A client that stays longer than this is ended: a demo source, not a broadcast. */
    private static final int MAX_LOOPS = 1000;

    private final Path media;

    LiveFlvHandler(Path media) {
        this.media = media;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Path file = NAME.matcher(path).matches() ? media.resolve(path.substring(1)) : null;
        if (file == null || !Files.isRegularFile(file)) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        FlvPacer pacer;
        try {
            pacer = new FlvPacer(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            Response.writeError(request, response, callback, 415);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "video/x-flv");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            pacer.play((b, off, len) -> {
                out.write(b, off, len);
                out.flush();
            }, MAX_LOOPS);
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e); // the viewer went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        }
        return true;
    }
}
