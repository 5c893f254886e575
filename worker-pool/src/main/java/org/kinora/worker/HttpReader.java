package org.kinora.worker;

import org.kinora.core.MediaException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * Reads a URL in chunks with HTTP Range requests. A server that ignores ranges answers 200 with
 * the whole body, which is then delivered as one chunk. Answers to requests made before the
 * latest {@link #read} (after a seek) are dropped.
 */
final class HttpReader {
    interface Listener {
        /** Bytes starting at {@code offset}; {@code totalLength} is -1 when the server did not say. */
        void onData(long offset, byte[] data, long totalLength);

        void onError(MediaException error);
    }

    @JSFunctor
    interface DataCallback extends JSObject {
        void call(ArrayBuffer data, boolean ranged, double totalLength);
    }

    @JSFunctor
    interface ErrorCallback extends JSObject {
        void call(int status, String message);
    }

    private final String url;
    private final Listener listener;
    private int generation;
    private boolean inFlight;
    private boolean rangesIgnored;

    HttpReader(String url, Listener listener) {
        this.url = url;
        this.listener = listener;
    }

    boolean inFlight() {
        return inFlight;
    }

    /** Fetches {@code [offset, offset + length)} (or less at the end of the file). */
    void read(long offset, int length) {
        int gen = ++generation;
        inFlight = true;
        if (rangesIgnored) {
            listener.onError(new MediaException(MediaException.MEDIA_ERR_NETWORK, "the server does not support range requests, needed to seek"));
            return;
        }
        fetchRange(url, (double) offset, (double) (offset + length - 1), (data, ranged, total) -> {
            if (gen != generation) {
                return;
            }
            inFlight = false;
            byte[] bytes = new org.teavm.jso.typedarrays.Int8Array(data).copyToJavaArray();
            if (!ranged) {
                if (offset != 0) {
                    listener.onError(new MediaException(MediaException.MEDIA_ERR_NETWORK, "the server ignored a range request"));
                    return;
                }
                rangesIgnored = true;
            }
            listener.onData(offset, bytes, (long) total);
        }, (status, message) -> {
            if (gen != generation) {
                return;
            }
            inFlight = false;
            // An HTTP error answer means the resource is not there to play (HTML: "media source
            // failure", MEDIA_ERR_SRC_NOT_SUPPORTED); a failed fetch is a network error.
            int code = status > 0 ? MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED : MediaException.MEDIA_ERR_NETWORK;
            listener.onError(new MediaException(code, message));
        });
    }

    /** Drops the answer to the request in flight. */
    void cancel() {
        generation++;
        inFlight = false;
    }

    @JSBody(params = {"url", "first", "last", "onData", "onError"}, script = ""
            + "fetch(url, {headers: {'Range': 'bytes=' + first + '-' + last}}).then(function (r) {"
            + "  if (r.status === 416) { onData(new ArrayBuffer(0), true, first); return; }"
            + "  if (!r.ok) { onError(r.status, 'HTTP ' + r.status + ' for ' + url); return; }"
            + "  var ranged = r.status === 206, total = -1, h;"
            + "  if (ranged) { h = /\\/(\\d+)\\s*$/.exec(r.headers.get('Content-Range') || ''); if (h) total = +h[1]; }"
            + "  else { h = r.headers.get('Content-Length'); if (h) total = +h; }"
            + "  return r.arrayBuffer().then(function (b) { onData(b, ranged, ranged || total >= 0 ? total : b.byteLength); });"
            + "}).catch(function (e) { onError(0, 'network error: ' + (e && e.message ? e.message : e)); });")
    private static native void fetchRange(String url, double first, double last, DataCallback onData, ErrorCallback onError);
}
