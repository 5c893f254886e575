/**
 * Ogg demuxer (RFC 3533) for Theora and Vorbis streams.
 *
 * <p>Decisions: a track's id is its stream's serial number; the three Xiph header packets go to
 * {@link org.kinora.core.TrackInfo#codecHeaders()} and never come out of {@code poll()}. Vorbis
 * timestamps count samples (timescale = sample rate) and each packet carries its sample count
 * and the start/end trims of Vorbis I appendix A, so a decoder that drops {@code trimStart} and
 * {@code trimEnd} samples outputs exactly the granule-defined length. Theora timestamps count
 * frames when the frame rate is whole (timescale = rate), otherwise ticks of 1/numerator;
 * zero-length Theora packets (a repeat of the previous frame) are delivered as they are.
 */
package org.kinora.demux.ogg;
