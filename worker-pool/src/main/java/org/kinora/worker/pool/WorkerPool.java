package org.kinora.worker.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.kinora.worker.Js;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * The page's workers, shared by every player and API call on the page. It starts workers of the
 * requested build lazily, caps how many run at once (a request over the cap waits for a release),
 * gives released workers to the next user, drops a worker that died so the next request gets
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
    private WorkerHandle wasmControl;
    private WorkerHandle jsControl;
    private int idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
    private boolean idleCheckScheduled;

    @JSFunctor
    interface Timeout extends JSObject {
        void run();
    }

    private static final class Waiter {
        final String build;
        final JSConsumer<WorkerHandle> resolve;

        Waiter(String build, JSConsumer<WorkerHandle> resolve) {
            this.build = build;
            this.resolve = resolve;
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
        for (int i = 0; i < idle.size(); i++) {
            WorkerHandle w = idle.get(i);
            if (w.build().equals(build)) {
                idle.remove(i);
                return JSPromise.resolve(w);
            }
        }
        if (all.size() < maxWorkers) {
            return JSPromise.resolve(start(build));
        }
        if (!idle.isEmpty()) {
            // at the cap with idle workers of the other build: replace one
            WorkerHandle w = idle.remove(0);
            all.remove(w);
            w.terminate();
            return JSPromise.resolve(start(build));
        }
        return new JSPromise<>((resolve, reject) -> waiting.add(new Waiter(build, resolve)));
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
                wasmControl = new WorkerHandle(base, "wasm");
            }
            return wasmControl;
        }
        if (jsControl == null || jsControl.isDead()) {
            jsControl = new WorkerHandle(base, "js");
        }
        return jsControl;
    }

    private WorkerHandle start(String build) {
        WorkerHandle w = new WorkerHandle(base, build);
        all.add(w);
        return w;
    }

    private void serveWaiting() {
        prune();
        while (!waiting.isEmpty()) {
            Waiter next = waiting.peek();
            WorkerHandle w = null;
            for (int i = 0; i < idle.size(); i++) {
                if (idle.get(i).build().equals(next.build)) {
                    w = idle.remove(i);
                    break;
                }
            }
            if (w == null && all.size() < maxWorkers) {
                w = start(next.build);
            } else if (w == null && !idle.isEmpty()) {
                WorkerHandle other = idle.remove(0);
                all.remove(other);
                other.terminate();
                w = start(next.build);
            }
            if (w == null) {
                return;
            }
            waiting.poll();
            next.resolve.accept(w);
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
        setTimeout(this::endIdleWorkers, idleTimeoutMs);
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

    @JSBody(params = {"fn", "ms"}, script = "setTimeout(fn, ms);")
    private static native void setTimeout(Timeout fn, int ms);

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
