/**
 * The one push-input layer of every demuxer (the role Media3's ExtractorInput plays).
 *
 * <p>{@link org.kinora.demux.io.InputBuffer} holds the bytes fed and not yet consumed, with their
 * file offsets; parsers peek at it, consume what they parsed, skip ahead over bytes not fed yet,
 * and reset it when they answer a SEEK. A structure whose size comes from the stream is waited for
 * only through {@link org.kinora.demux.io.InputBuffer#require}, which checks the size against the
 * parser's limit first, so the buffer never grows from an unchecked field.
 *
 * <p>Once a structure is complete in the buffer, it is parsed with media-core's
 * {@link org.kinora.core.ByteReader} (the role of Media3's ParsableByteArray): bounds-checked
 * reads over a byte range, throwing {@link org.kinora.core.TruncatedStreamException} past its end.
 */
package org.kinora.demux.io;
