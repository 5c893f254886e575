/**
 * The worker protocol's messages as typed views ({@code @JSProperty} interfaces) on the plain
 * objects that cross threads, so that a renamed field is a compile error on both ends.
 *
 * <p>Sessions: the main thread gives every loaded source a new {@code session} number and sends
 * it with {@code open} and {@code video}; a seek starts a new {@code epoch}. Every stream message
 * (tracks, audio, pictures, ends, errors) carries both, and the main thread drops any whose
 * session or epoch is not current: after a {@code src} change, a seek, or when a pooled worker
 * passes from one player to another, nothing of the old stream is shown or heard. Buffers in
 * dropped messages still go back to their worker.
 */
package org.kinora.worker.protocol;
