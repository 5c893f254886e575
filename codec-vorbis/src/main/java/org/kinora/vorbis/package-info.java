/**
 * Vorbis I decoder, one class per chapter of the spec: {@code VorbisSetup} (4.2, the three
 * headers), {@code Codebook} (3), {@code Floor0} (6), {@code Floor1} (7), {@code Residue} (8),
 * {@code VorbisDecoder} (4.3, packet decode, coupling, windows and overlap-add). The inverse MDCT
 * of 1.3.2 is the one shared by the audio codecs, {@code org.kinora.core.dsp.Imdct} in media-core.
 *
 * <p>Decisions:
 * <ul>
 * <li>Output equals FFmpeg's within 1 LSB at 16 bits. Where FFmpeg leaves the spec on broken
 * streams it is followed (floor 1 Y values clipped to 16 bits, window shapes taken from the actual
 * neighbouring block sizes rather than the packet's window flags).</li>
 * <li>The sample count is set by the demuxer's {@code Packet.trimStart} / {@code trimEnd}; the
 * Ogg demuxer computes the end trim the way FFmpeg does (see {@code VorbisOggCodec}).</li>
 * <li>3 to 8 channels are reordered to WAVE order, as FFmpeg does; above 8 the Vorbis order stays.</li>
 * <li>A packet that cannot be decoded is skipped and counted ({@code skippedPackets()}); broken
 * headers throw {@link org.kinora.core.MalformedStreamException} from the constructor. Codebook
 * memory is bounded by the size of the setup header and a fixed budget.</li>
 * <li>Floor 0 evaluates its curve with {@code Math.exp} per Bark band; no encoder in use makes
 * floor 0, so it is kept plain rather than table-driven.</li>
 * </ul>
 */
package org.kinora.vorbis;
