/**
 * The main thread's end of the workers, compiled into {@code kinora.js}:
 * {@link org.kinora.worker.pool.WorkerPool} (one per page, shared by every player, capped, hands
 * released workers on, replaces dead ones) and {@link org.kinora.worker.pool.WorkerHandle}
 * (requests with ids, a stream listener, death notification; messages wait until the worker's
 * code has loaded).
 */
package org.kinora.worker.pool;
