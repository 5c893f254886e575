package org.kinora.worker;

import org.kinora.core.MediaException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Reads an HTTP resource for the source worker, as real servers behave:
 * <ul>
 * <li>Range requests, with {@code If-Range} once the first answer gave an ETag or Last-Modified,
 * so that a file replaced between requests is noticed instead of mixed.</li>
 * <li>A server that ignores ranges (200 with the whole body) is read as a stream, chunk by chunk
 * as the body arrives, with the same read-ahead limits: memory stays bounded. A seek forward
 * within the stream skips bytes; a seek backwards restarts the request. A body that never ends
 * (a live URL) is read the same way.</li>
 * <li>Bodies are read as streams in every case, so a response cut part way delivers what arrived
 * and the rest is asked for again with a Range from the first missing byte. A response that
 * breaks before any of its body was delivered (a connection cut at once, or cut before the body
 * could be read: the browser drops what it had buffered when the response fails) makes later
 * requests ask for pieces of at most {@link #FIRST_PIECE}, halved down to {@link #MIN_PIECE} while
 * they keep breaking and doubled again after {@link #GROW_AFTER} whole pieces in a row, so a
 * server or proxy that cuts long responses is still read to the end.</li>
 * <li>Network errors, 408, 429 and 5xx answers are retried with exponential backoff and jitter,
 * honouring Retry-After; only when the retries are exhausted does reading fail, with
 * MEDIA_ERR_NETWORK. An answer that says the resource is not there (404, 403, other 4xx) fails
 * at once: MEDIA_ERR_SRC_NOT_SUPPORTED before anything was read, MEDIA_ERR_NETWORK after.</li>
 * <li>A live stream ({@link #liveMode}) is not retried here: a new request would be a new stream,
 * so the failure or the end of the body goes to the listener, which reconnects.</li>
 * </ul>
 */
final class HttpReader implements ByteSource {
    static final int MAX_ATTEMPTS = 6;
    private static final double BASE_DELAY_MS = 250;
    private static final double MAX_DELAY_MS = 8000;
    /** A seek forward in a streamed body closer than this skips bytes instead of asking again. */
    private static final long SKIP_LIMIT = 4L << 20;
    /** The piece asked for after the first response that broke with nothing delivered. */
    static final int FIRST_PIECE = 256 * 1024;
    static final int MIN_PIECE = 64 * 1024;
    /** Whole pieces in a row after which the piece size doubles again (none above {@link #MAX_PIECE}). */
    static final int GROW_AFTER = 8;
    private static final int MAX_PIECE = 8 << 20;

    @JSFunctor
    interface ResponseCallback extends JSObject {
        void call(int status, double total, String validator, double retryAfterSeconds);
    }

    @JSFunctor
    interface ChunkCallback extends JSObject {
        void call(Int8Array chunk);
    }

    @JSFunctor
    interface EndCallback extends JSObject {
        void call();
    }

    @JSFunctor
    interface FailCallback extends JSObject {
        void call(String message);
    }

    private final String url;
    private final Listener listener;
    private final boolean crossOrigin;

    /** Bumped by every new request; callbacks of older ones are dropped. */
    private int generation;
    private JSObject request;
    private boolean inFlight;
    /** The server answered 200 to a Range request: the body is read as a stream. */
    private boolean streaming;
    private boolean rangesWork;
    private String validator;
    private long total = -1;
    private boolean anyBytes;

    /** File offset of the next byte the open response delivers. */
    private long position;
    /** Bytes of a streamed body before this offset are dropped (a seek forward without ranges). */
    private long skipUntil;
    /** Where the current read wants to end (exclusive); -1 for "until the end". */
    private long wantEnd;
    /** The open response has been read to its end. */
    private boolean responseDone = true;
    private int attempts;
    private int timer;
    /** Ranged requests ask for at most this many bytes; 0 while no response broke empty. */
    private int piece;
    /** Whole pieces read in a row since the piece size last changed. */
    private int wholePieces;
    /** End (exclusive) of the range the open request asked for; -1 when open-ended. */
    private long requestEnd = -1;
    /** Bytes of the open response delivered so far. */
    private long responseBytes;
    /** A chunk has been asked of the open response and not delivered yet. */
    private boolean pulling;
    /** A live stream: failures are not retried here (see {@link #liveMode}). */
    private boolean live;
    /**
     * The answer the main thread will pass on for the first {@link #earlyLength} bytes (see
     * {@link #expectEarly}), until it comes; the first request takes it while unclaimed.
     */
    private JSObject earlyAnswer;
    private boolean earlyUnclaimed;
    private boolean earlySettled;
    private int earlyLength;

    HttpReader(String url, Listener listener) {
        this.url = url;
        this.listener = listener;
        this.crossOrigin = isCrossOrigin(url);
    }

    /**
     * The main thread has asked for bytes 0 to {@code length - 1} of the URL while the workers
     * started (the same request, made sooner); its answer comes in an {@code early} message
     * ({@link #early}), and the first read of those bytes takes it instead of asking again. The
     * answer is handled as this reader's own: a failed or refused one is retried the usual way.
     */
    void expectEarly(int length) {
        earlyAnswer = deferred();
        earlyUnclaimed = true;
        earlyLength = length;
    }

    /** The main thread's {@code early} message: the answer the first request waits for, or its failure. */
    void early(JSObject data) {
        if (earlyAnswer == null || earlySettled) {
            dropEarly(data);
            return;
        }
        earlySettled = true;
        settleEarly(earlyAnswer, data);
    }

    @Override
    public boolean inFlight() {
        return inFlight;
    }

    @Override
    public void read(long offset, int length) {
        inFlight = true;
        attempts = 0;
        wantEnd = offset + length;
        if (streaming && request != null && !responseDone && offset >= position && offset - position <= SKIP_LIMIT) {
            skipUntil = offset;
            pull();
            return;
        }
        open(offset);
    }

    @Override
    public void liveMode() {
        live = true;
    }

    @Override
    public void cancel() {
        if (earlyUnclaimed) {
            earlyUnclaimed = false;
            discardEarly(earlyAnswer);
        }
        generation++;
        inFlight = false;
        closeRequest();
        if (timer != 0) {
            Timers.clearTimeout(timer);
            timer = 0;
        }
    }

    private void closeRequest() {
        if (request != null) {
            abort(request);
            request = null;
        }
        pulling = false;
        responseDone = true;
    }

    /** Starts a request for the bytes from {@code offset}. */
    private void open(long offset) {
        closeRequest();
        int gen = ++generation;
        position = offset;
        skipUntil = offset;
        responseDone = false;
        responseBytes = 0;
        long end = streaming || wantEnd <= offset ? -1 : wantEnd;
        if (piece > 0 && !streaming && (end < 0 || end - offset > piece)) {
            end = offset + piece;
        }
        requestEnd = end;
        String range = streaming && offset == 0 ? null
                : "bytes=" + offset + "-" + (end < 0 ? "" : Long.toString(end - 1));
        JSObject early = null;
        if (earlyUnclaimed) {
            earlyUnclaimed = false;
            if (offset == 0 && end == earlyLength && !streaming && validator == null) {
                early = earlyAnswer;
            } else {
                discardEarly(earlyAnswer);
            }
        }
        request = fetch(url, range, rangesWork ? validator : null, early,
                (status, length, tag, retryAfter) -> onResponse(gen, offset, status, length, tag, retryAfter),
                chunk -> onChunk(gen, chunk),
                () -> onEnd(gen),
                message -> onFailure(gen, message, -1));
    }

    private void onResponse(int gen, long offset, int status, double length, String tag, double retryAfter) {
        if (gen != generation) {
            return;
        }
        if (status == 206) {
            rangesWork = true;
            if (length >= 0) {
                total = (long) length;
            }
            if (validator == null) {
                validator = tag;
            }
            pull();
        } else if (status == 200) {
            if (rangesWork && validator != null) {
                fail(new MediaException(MediaException.MEDIA_ERR_NETWORK, "the file changed on the server while it was being read"));
                return;
            }
            // no ranges: the whole body from byte 0, read as a stream; bytes before the offset are skipped
            streaming = true;
            position = 0;
            skipUntil = offset;
            total = length >= 0 ? (long) length : -1;
            if (validator == null) {
                validator = tag;
            }
            pull();
        } else if (status == 416) {
            closeRequest();
            done(offset, true);
        } else if (status == 408 || status == 429 || status >= 500) {
            closeRequest();
            retry(offset, "HTTP " + status, retryAfter);
        } else {
            closeRequest();
            int code = anyBytes ? MediaException.MEDIA_ERR_NETWORK : MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED;
            fail(new MediaException(code, "HTTP " + status + " for " + url));
        }
    }

    private void pull() {
        if (request != null && !pulling) {
            pulling = true;
            pullChunk(request);
        }
    }

    private void onChunk(int gen, Int8Array chunk) {
        if (gen != generation) {
            return;
        }
        pulling = false;
        int n = chunk.getLength();
        long start = position;
        position += n;
        responseBytes += n;
        attempts = 0;
        int skip = (int) Math.max(0, Math.min(n, skipUntil - start));
        if (skip < n) {
            byte[] bytes = (skip == 0 ? chunk : subarray(chunk, skip, n)).copyToJavaArray();
            anyBytes = true;
            listener.onData(start + skip, bytes, total);
            if (gen != generation) {
                return; // the listener asked for something else meanwhile
            }
        }
        if (wantEnd >= 0 && position >= wantEnd && position > skipUntil) {
            // enough for this read: a ranged answer is complete, a streamed one pauses here
            if (!streaming) {
                closeRequest();
            }
            inFlight = false;
            listener.onReady();
            return;
        }
        pull();
    }

    private void onEnd(int gen) {
        if (gen != generation) {
            return;
        }
        pulling = false;
        responseDone = true;
        request = null;
        boolean atEnd = total >= 0 ? position >= total : streaming;
        if (!atEnd && (wantEnd < 0 || position < wantEnd)) {
            if (piece > 0 && requestEnd >= 0 && position >= requestEnd) {
                // a whole piece: the next one at once
                if (++wholePieces >= GROW_AFTER) {
                    wholePieces = 0;
                    piece = piece * 2 > MAX_PIECE ? 0 : piece * 2;
                }
                open(position);
                return;
            }
            broke();
            retry(position, "the response ended early", -1); // a cut response: ask for the rest
            return;
        }
        done(position, atEnd);
    }

    private void done(long offset, boolean endOfResource) {
        inFlight = false;
        if (endOfResource) {
            listener.onData(offset, new byte[0], total);
        }
        listener.onReady();
    }

    private void onFailure(int gen, String message, double retryAfter) {
        if (gen != generation) {
            return;
        }
        pulling = false;
        request = null;
        responseDone = true;
        broke();
        retry(position, message, retryAfter);
    }

    /** The open ranged response broke: when none of its body arrived, ask for smaller pieces. */
    private void broke() {
        if (responseBytes == 0 && rangesWork && !streaming) {
            piece = piece == 0 ? FIRST_PIECE : Math.max(MIN_PIECE, piece / 2);
            wholePieces = 0;
        }
    }

    /** Asks again from {@code offset} after a backoff, or fails when the attempts are used up. */
    private void retry(long offset, String reason, double retryAfterSeconds) {
        if (live) {
            fail(new MediaException(MediaException.MEDIA_ERR_NETWORK, reason));
            return;
        }
        if (++attempts >= MAX_ATTEMPTS) {
            String message = "network error after " + attempts + " attempts: " + reason;
            if (crossOrigin && !anyBytes) {
                message += " (a cross-origin URL: the server must allow this page's origin with CORS headers)";
            }
            fail(new MediaException(MediaException.MEDIA_ERR_NETWORK, message));
            return;
        }
        double delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * (1 << (attempts - 1)));
        delay *= 0.75 + 0.5 * Math.random();
        if (retryAfterSeconds > 0) {
            delay = Math.max(delay, Math.min(60_000, retryAfterSeconds * 1000));
        }
        int gen = ++generation;
        timer = Timers.setTimeout(() -> {
            timer = 0;
            if (gen == generation) {
                if (streaming && !rangesWork) {
                    // without ranges the body restarts from 0; what was delivered is skipped
                    open(0);
                    skipUntil = offset;
                } else {
                    open(offset);
                }
            }
        }, delay);
    }

    private void fail(MediaException e) {
        inFlight = false;
        generation++;
        closeRequest();
        listener.onError(e);
    }

    /**
     * Starts a fetch; calls {@code onResponse} with the status, the resource's total length (from
     * Content-Range, else Content-Length, else -1), its ETag or Last-Modified and Retry-After (or
     * -1). The body is then read chunk by chunk with {@link #pullChunk}. Returns the request handle.
     */
    @JSBody(params = {"url", "range", "ifRange", "early", "onResponse", "onChunk", "onEnd", "onFail"}, script = ""
            + "var h = {ctrl: new AbortController(), reader: null, next: null, onChunk: onChunk, onEnd: onEnd, onFail: onFail};"
            // one read always outstanding: a chunk that arrives is handed to it at once, so an error
            // after it (a cut response) cannot discard it from the stream's queue before it is read
            + "h.ahead = function () { h.next = h.reader.read(); h.next['catch'](function () {}); };"
            + "var headers = {};"
            + "if (range) headers['Range'] = range;"
            + "if (range && ifRange) headers['If-Range'] = ifRange;"
            + "var ask = function () { return fetch(url, {headers: headers, signal: h.ctrl.signal}); };"
            // the main thread's answer to the same request when it made it (null: it failed, ask)
            + "(early ? early.promise.then(function (r) { return r || ask(); }) : ask()).then(function (r) {"
            + "  if (h.ctrl.signal.aborted) { if (r.body) r.body.cancel()['catch'](function () {}); return; }"
            + "  var total = -1, m;"
            + "  if (r.status === 206) { m = /\\/(\\d+)\\s*$/.exec(r.headers.get('Content-Range') || ''); if (m) total = +m[1]; }"
            + "  else if (r.status === 416) { m = /\\/(\\d+)\\s*$/.exec(r.headers.get('Content-Range') || ''); if (m) total = +m[1]; }"
            + "  else { m = r.headers.get('Content-Length'); if (m !== null && m !== '' && !r.headers.get('Content-Encoding')) total = +m; }"
            + "  var ra = r.headers.get('Retry-After'), retry = -1;"
            + "  if (ra) { retry = /^\\d+$/.test(ra) ? +ra : Math.max(0, (Date.parse(ra) - Date.now()) / 1000); }"
            + "  if (r.body && (r.status === 200 || r.status === 206)) { h.reader = r.body.getReader(); h.ahead(); }"
            + "  else if (r.body) r.body.cancel().catch(function () {});"
            + "  var tag = r.headers.get('ETag'); if (tag && tag.indexOf('W/') === 0) tag = null;"
            + "  onResponse(r.status, total, tag || r.headers.get('Last-Modified') || null, retry);"
            + "}).catch(function (e) { if (!h.ctrl.signal.aborted) onFail(String(e && e.message ? e.message : e)); });"
            + "return h;")
    private static native JSObject fetch(String url, String range, String ifRange, JSObject early, ResponseCallback onResponse,
            ChunkCallback onChunk, EndCallback onEnd, FailCallback onFail);

    /**
     * Reads the next chunk of the body: {@code onChunk} or {@code onEnd} follows. The read after it
     * is started before the chunk is handed on.
     */
    @JSBody(params = "h", script = ""
            + "if (!h.reader) { h.onEnd(); return; }"
            + "var p = h.next || h.reader.read(); h.next = null;"
            + "p.then(function (x) {"
            + "  if (h.ctrl.signal.aborted) return;"
            + "  if (x.done) { h.onEnd(); return; }"
            + "  h.ahead();"
            + "  h.onChunk(new Int8Array(x.value.buffer, x.value.byteOffset, x.value.byteLength));"
            + "}).catch(function (e) { if (!h.ctrl.signal.aborted) h.onFail(String(e && e.message ? e.message : e)); });")
    private static native void pullChunk(JSObject h);

    @JSBody(params = {"a", "from", "to"}, script = "return a.subarray(from, to);")
    private static native Int8Array subarray(Int8Array a, int from, int to);

    /** Stops the request; a body that came from the main thread is cancelled, which stops its request there. */
    @JSBody(params = "h", script = "try { h.ctrl.abort(); } catch (e) {}"
            + "if (h.reader) { try { h.reader.cancel()['catch'](function () {}); } catch (e) {} }")
    private static native void abort(JSObject h);

    @JSBody(script = "var d = {}; d.promise = new Promise(function (resolve) { d.resolve = resolve; }); return d;")
    private static native JSObject deferred();

    /** The answer of an {@code early} message as a Response (null when it failed). */
    @JSBody(params = {"d", "data"}, script = ""
            + "var r = null;"
            + "if (!data.failed && data.status) {"
            + "  try { r = new Response(data.body || null, {status: data.status, statusText: data.statusText || '', headers: data.headers || []}); }"
            + "  catch (e) { if (data.body) data.body.cancel()['catch'](function () {}); r = null; }"
            + "}"
            + "d.resolve(r);")
    private static native void settleEarly(JSObject d, JSObject data);

    /** An answer no request takes: its body is cancelled when it comes. */
    @JSBody(params = "d", script = "d.promise.then(function (r) { if (r && r.body) r.body.cancel()['catch'](function () {}); });")
    private static native void discardEarly(JSObject d);

    /** An {@code early} message nobody waits for: its body is cancelled. */
    @JSBody(params = "data", script = "if (data && data.body) { try { data.body.cancel()['catch'](function () {}); } catch (e) {} }")
    static native void dropEarly(JSObject data);

    @JSBody(params = "url", script = ""
            + "try { return new URL(url, self.location.href).origin !== self.location.origin; } catch (e) { return false; }")
    private static native boolean isCrossOrigin(String url);
}
