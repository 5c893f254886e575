package org.kinora.worker.pool;

/**
 * The page's workers. Every player and API call on the page goes through the one pool, which
 * starts workers of the requested build lazily and replaces a worker that died.
 */
public final class WorkerPool {
    private final String base;
    private WorkerHandle wasmWorker;
    private WorkerHandle jsWorker;

    /** {@code base}: URL of the folder holding the worker scripts, ending in '/'. */
    public WorkerPool(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A running (or starting) worker of {@code build} ("wasm" or "js"), shared by its callers. */
    public WorkerHandle shared(String build) {
        if ("wasm".equals(build)) {
            if (wasmWorker == null || wasmWorker.isDead()) {
                wasmWorker = new WorkerHandle(base, "wasm");
            }
            return wasmWorker;
        }
        if ("js".equals(build)) {
            if (jsWorker == null || jsWorker.isDead()) {
                jsWorker = new WorkerHandle(base, "js");
            }
            return jsWorker;
        }
        throw new IllegalArgumentException("unknown build '" + build + "': use 'wasm' or 'js'");
    }

    /** Stops every worker. */
    public void shutdown() {
        if (wasmWorker != null) {
            wasmWorker.terminate();
            wasmWorker = null;
        }
        if (jsWorker != null) {
            jsWorker.terminate();
            jsWorker = null;
        }
    }
}
