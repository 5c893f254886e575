/**
 * Types shared by every Kinora module: {@link org.kinora.core.Packet},
 * {@link org.kinora.core.TrackInfo}, {@link org.kinora.core.Picture},
 * {@link org.kinora.core.AudioBlock}, the decoder interfaces, the readers and the
 * {@link org.kinora.core.MediaException} family.
 *
 * <p>Decoders are made from a {@link org.kinora.core.TrackInfo} (which carries the stream's
 * headers) and then fed data packets only. They own the pictures and sample blocks they return and
 * reuse them, so steady-state decoding allocates nothing; consumers copy at their boundary.
 *
 * <p>Everything here compiles with TeaVM to WebAssembly and JavaScript: no reflection, threads,
 * I/O, {@code java.nio} or {@code MessageDigest}.
 */
package org.kinora.core;
