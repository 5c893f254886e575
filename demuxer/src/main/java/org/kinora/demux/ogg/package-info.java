/**
 * Ogg demuxer (RFC 3533) for Theora and Vorbis streams.
 *
 * <p>Decisions:
 * <ul>
 * <li>A track's id is its stream's serial number; the three Xiph header packets go to
 * {@link org.kinora.core.TrackInfo#codecHeaders()} and never come out of {@code poll()}.</li>
 * <li>Vorbis timestamps count samples (timescale = sample rate). Each packet carries its sample
 * count and trims, so a decoder that drops {@code trimStart} and {@code trimEnd} samples outputs
 * the stream's length. The first-page rule of Vorbis I A.2 (a first page whose granule position
 * is below the samples it decodes) becomes {@code trimStart}. The end trim is computed as FFmpeg
 * does, so that sample counts equal FFmpeg's: from the previous page's granule position (0 when
 * the only audio page is also the last) and FFmpeg's packet durations, and only when it fits in
 * the last packet. For ordinary multi-page streams this is the spec's rule.</li>
 * <li>Theora timestamps count frames when the frame rate is whole (timescale = rate), otherwise
 * ticks of 1/numerator. Zero-length Theora packets (a repeat of the previous frame) are delivered
 * as they are; FFmpeg outputs no frame for them.</li>
 * <li>Chained files: each link's tracks come with a new {@code TRACKS_CHANGED}, timestamps go on
 * from the previous link's end. The duration of a chained file is unknown and it cannot seek;
 * links are recognised by serial numbers that are new in the tail of the file.</li>
 * <li>Seeking bisects on byte offsets for the last page of the main track (Theora if any, else
 * the first track) at or before the target, then for Theora for the page before the keyframe
 * that page's granule names; Theora packets before that keyframe are dropped.</li>
 * </ul>
 */
package org.kinora.demux.ogg;
