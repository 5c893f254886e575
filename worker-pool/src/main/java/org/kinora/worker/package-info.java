/**
 * The worker side of Kinora: {@link org.kinora.worker.WorkerMain} is the entry point of the worker
 * bundle, compiled by TeaVM to WebAssembly GC ({@code kinora-worker.wasm}) and to JavaScript
 * ({@code kinora-worker.js}); {@code kinora-worker-js.js} loads the second, and
 * {@code kinora-worker-wasm.js} is TeaVM's loader with Kinora's start appended. kinora.js carries
 * that script in itself (player-ui's build puts it there), and a Wasm worker starts from its text:
 * no request for a script once its thread has started. The page compiles {@code kinora-worker.wasm}
 * once, when its first Wasm worker starts, and sends the module to each Wasm worker as its first
 * message: the workers only instantiate it, and they share its compiled code (a function compiled
 * lazily or optimised in one worker is ready in the others). A worker whose module does not come
 * (the page's compilation failed) compiles the file itself.
 *
 * <p>A worker serves one role at a time for one session (a player's loaded source, or one
 * {@code Kinora.decode}); the messages are typed in {@link org.kinora.worker.protocol} and carry
 * the session and seek epoch they belong to.
 * <ul>
 *   <li>{@link org.kinora.worker.SourceRole}: fetches with HTTP Range requests, demuxes, decodes
 *       sound, and sends video packets straight to the video worker over a MessageChannel port
 *       (never through the main thread). It reads a bounded time ahead of the playhead the main
 *       thread reports. A seek repositions the demuxer through {@code Demuxer.seekTo} and resets
 *       the audio decoder; an exact seek cuts the sound before the target to the sample. A sound
 *       packet that fails to decode is dropped and reported. Its {@link org.kinora.worker.VideoOut}
 *       keeps the video port's messages in stream order; with two decode threads it runs the
 *       first stage of a decoder that splits in two (Theora: parsing and the chroma planes) and
 *       sends parsed frames instead of packets, at most three ahead of the video worker.</li>
 *   <li>{@link org.kinora.worker.VideoRole}: decodes pictures and sends each as one transferred
 *       ArrayBuffer of packed Y, U, V planes; the main thread returns buffers for reuse and decoding
 *       waits while too many are out. A packet that fails to decode is dropped and reported; the
 *       decoder is reset and packets are skipped to the next keyframe. After a seek it holds the
 *       pictures before the target and sends only the last of them. Parsed frames go to a
 *       {@link org.kinora.worker.SplitVideoDecoder}, the second stage.</li>
 * </ul>
 * Errors travel as {@code {type: 'error', code, message}} with MediaError codes. A worker that
 * traps (a WebAssembly trap leaves its instance unusable) is seen by the main thread's
 * {@link org.kinora.worker.pool.WorkerHandle} as dead: its player gets an error and the
 * {@link org.kinora.worker.pool.WorkerPool} starts a fresh worker for the next request.
 */
package org.kinora.worker;
