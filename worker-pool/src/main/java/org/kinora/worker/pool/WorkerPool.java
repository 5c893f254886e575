package org.kinora.worker.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.kinora.worker.Js;
import org.kinora.worker.Timers;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * The page's workers, shared by every player and API call on the page. It starts workers of the
 * requested build lazily, caps how many run at once (a request over the cap waits for a release),
 * gives released workers to the next user (in the order asked; a request for a pair is served
 * only when both can be had at once, so two users each holding one of a pair never wait on each
 * other), drops a worker that died so the next request gets
 * a fresh one (a WebAssembly trap leaves an instance unusable), and ends workers that stayed idle
 * for {@link #DEFAULT_IDLE_TIMEOUT_MS}.
 */
public final class WorkerPool {
    /** Default cap: enough for four players (a source and a video worker each). */
    public static final int DEFAULT_MAX_WORKERS = 8;
    /** A worker idle for this long is ended (its memory given back); the next user starts a new one. */
    public static final int DEFAULT_IDLE_TIMEOUT_MS = 30000;

    private final String base;
    private final int maxWorkers;
    private final List<WorkerHandle> all = new ArrayList<>();
    private final List<WorkerHandle> idle = new ArrayList<>();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    /** The promise of the compiled {@code kinora-worker.wasm}, made when the first Wasm worker starts. */
    private JSObject wasmModule;
    private WorkerHandle wasmControl;
    private WorkerHandle jsControl;
    private int idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
    private boolean idleCheckScheduled;

    /** Takes the two workers of a {@link #acquirePair} request. */
    public interface PairTaker {
        void take(WorkerHandle first, WorkerHandle second);
    }

    private static final class Waiter {
        final String build;
        /** One of the two is set: a single worker, or a pair. */
        final JSConsumer<WorkerHandle> resolve;
        final PairTaker pair;

        Waiter(String build, JSConsumer<WorkerHandle> resolve, PairTaker pair) {
            this.build = build;
            this.resolve = resolve;
            this.pair = pair;
        }

        int count() {
            return pair != null ? 2 : 1;
        }
    }

    /** {@code base}: URL of the folder holding the worker scripts, ending in '/'. */
    public WorkerPool(String base, int maxWorkers) {
        this.base = base;
        this.maxWorkers = Math.max(2, maxWorkers);
    }

    public String base() {
        return base;
    }

    /** Workers alive now (control workers included). */
    public int size() {
        prune();
        return all.size() + (wasmControl != null ? 1 : 0) + (jsControl != null ? 1 : 0);
    }

    public int maxWorkers() {
        return maxWorkers;
    }

    /** Workers lent to players now. */
    public int busy() {
        prune();
        return all.size() - idle.size();
    }

    public int idle() {
        prune();
        return idle.size();
    }

    /** Requests waiting for a worker (the cap is reached). */
    public int waiting() {
        return waiting.size();
    }

    /**
     * A worker of {@code build} for one user's exclusive use until {@link #release}: an idle one,
     * a new one while under the cap, or the next one released.
     */
    public JSPromise<WorkerHandle> acquire(String build) {
        check(build);
        prune();
        WorkerHandle w = obtainable() >= 1 ? take(build) : null;
        if (w != null) {
            return JSPromise.resolve(w);
        }
        return new JSPromise<>((resolve, reject) -> waiting.add(new Waiter(build, resolve, null)));
    }

    /**
     * Two workers of {@code build} at once (a player's source and video workers), given to
     * {@code taker} now or, at the cap, when two are free: a user never holds one of them while
     * waiting for the other.
     */
    public void acquirePair(String build, PairTaker taker) {
        check(build);
        prune();
        if (waiting.isEmpty() && obtainable() >= 2) {
            WorkerHandle first = take(build);
            taker.take(first, take(build));
            return;
        }
        waiting.add(new Waiter(build, null, taker));
    }

    /** Whether {@link #acquirePair} would hand over two workers at once, nobody waiting before it. */
    public boolean pairAvailable() {
        prune();
        return waiting.isEmpty() && obtainable() >= 2;
    }

    /** How many workers could be had now: idle ones (of either build: one of the other is replaced), new ones. */
    private int obtainable() {
        return idle.size() + maxWorkers - all.size();
    }

    /**
     * A worker of {@code build} now: an idle one, a new one under the cap, or a new one in place
     * of an idle worker of the other build; null when none can be had.
     */
    private WorkerHandle take(String build) {
        for (int i = 0; i < idle.size(); i++) {
            if (idle.get(i).build().equals(build)) {
                return idle.remove(i);
            }
        }
        if (all.size() < maxWorkers) {
            return start(build);
        }
        if (!idle.isEmpty()) {
            // at the cap with idle workers of the other build: replace one
            WorkerHandle other = idle.remove(0);
            all.remove(other);
            other.terminate();
            return start(build);
        }
        return null;
    }

    /** Gives a worker back: it drops its player's state and serves the next user. */
    public void release(WorkerHandle w) {
        if (w == null) {
            return;
        }
        w.setStreamListener(null);
        w.setDeathListener(null);
        if (w.isDead()) {
            all.remove(w);
        } else {
            JSObject close = Js.object();
            Js.setString(close, "type", org.kinora.worker.protocol.Messages.CLOSE);
            w.post(close, Js.array());
            w.idleSince = now();
            idle.add(w);
            scheduleIdleCheck();
        }
        serveWaiting();
    }

    /**
     * A shared worker of {@code build} for stateless requests (hello, echo), outside the cap; a
     * dead one is replaced.
     */
    public WorkerHandle control(String build) {
        check(build);
        if ("wasm".equals(build)) {
            if (wasmControl == null || wasmControl.isDead()) {
                wasmControl = new WorkerHandle(base, "wasm", wasmModule());
            }
            return wasmControl;
        }
        if (jsControl == null || jsControl.isDead()) {
            jsControl = new WorkerHandle(base, "js", null);
        }
        return jsControl;
    }

    private WorkerHandle start(String build) {
        WorkerHandle w = new WorkerHandle(base, build, "wasm".equals(build) ? wasmModule() : null);
        all.add(w);
        return w;
    }

    /**
     * The Wasm workers' module, compiled once for the page (while the first workers start) and
     * handed to every Wasm worker, which then only instantiates it. Null without streaming
     * compilation: each worker then compiles the file itself.
     */
    private JSObject wasmModule() {
        if (wasmModule == null) {
            wasmModule = compileModule(base + "kinora-worker.wasm");
        }
        return wasmModule;
    }

    /** The options are those TeaVM's loader compiles with (JS string builtins where the browser has them). */
    @JSBody(params = "url", script = ""
            + "if (typeof WebAssembly === 'undefined' || !WebAssembly.compileStreaming) return null;"
            + "var p = WebAssembly.compileStreaming(fetch(url), {builtins: ['js-string']});"
            + "p.catch(function () {});"
            + "return p;")
    private static native JSObject compileModule(String url);

    private void serveWaiting() {
        prune();
        while (!waiting.isEmpty()) {
            Waiter next = waiting.peek();
            if (obtainable() < next.count()) {
                return;
            }
            waiting.poll();
            WorkerHandle first = take(next.build);
            if (next.pair != null) {
                next.pair.take(first, take(next.build));
            } else {
                next.resolve.accept(first);
            }
        }
    }

    /** Forgets dead workers, so the cap counts only live ones. */
    private void prune() {
        all.removeIf(WorkerHandle::isDead);
        idle.removeIf(WorkerHandle::isDead);
    }

    private static void check(String build) {
        if (!"wasm".equals(build) && !"js".equals(build)) {
            throw new IllegalArgumentException("unknown build '" + build + "': use 'wasm' or 'js'");
        }
    }

    /** Sets how long a worker may stay idle before it is ended (tests shorten it). */
    public void setIdleTimeout(int ms) {
        idleTimeoutMs = Math.max(0, ms);
        idleCheckScheduled = false;
        scheduleIdleCheck();
    }

    private void scheduleIdleCheck() {
        if (idleCheckScheduled || idle.isEmpty()) {
            return;
        }
        idleCheckScheduled = true;
        Timers.setTimeout(this::endIdleWorkers, idleTimeoutMs);
    }

    private void endIdleWorkers() {
        idleCheckScheduled = false;
        double now = now();
        for (WorkerHandle w : new ArrayList<>(idle)) {
            if (now - w.idleSince >= idleTimeoutMs - 1) {
                idle.remove(w);
                all.remove(w);
                w.terminate();
            }
        }
        scheduleIdleCheck();
    }

    @JSBody(script = "return performance.now();")
    private static native double now();

    /** Stops every worker. */
    public void shutdown() {
        for (WorkerHandle w : all) {
            w.terminate();
        }
        all.clear();
        idle.clear();
        if (wasmControl != null) {
            wasmControl.terminate();
        }
        if (jsControl != null) {
            jsControl.terminate();
        }
        wasmControl = null;
        jsControl = null;
    }
}
