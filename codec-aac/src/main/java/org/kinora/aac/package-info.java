/**
 * AAC-LC decoder (ISO/IEC 14496-3 subpart 4, object type 2) and G.711 A-law / mu-law decoders.
 *
 * <p>One class per part of the spec: {@code AudioSpecificConfig} (1.6.2.1 with GASpecificConfig
 * 4.4.1), {@code ProgramConfig} (4.4.1.1), {@code AacDecoder} (raw_data_block 4.4.2.1 and the
 * channel elements), {@code IcsInfo} (4.5.2.3), {@code IndividualChannelStream} (section data,
 * scale factors, pulses and spectral data, 4.6.2 and 4.6.3), {@code Tns} (4.6.9),
 * {@code StereoTools} (M/S 4.6.8.1, intensity 4.6.8.2, PNS 4.6.13), {@code Filterbank} and
 * {@code Windows} (4.6.11); the tables of the spec are data in {@code HuffmanTables} (Annex 4.A)
 * and {@code ScalefactorBands} (4.5.4). The inverse MDCT is the shared
 * {@code org.kinora.core.dsp.Imdct}.
 *
 * <p>Decisions:
 * <ul>
 * <li>Output is planar float like FFmpeg's decoder: the IMDCT's 2/N and the 1/32768 of float
 * output are folded into the dequantisation gain. Every raw_data_block yields 1024 samples, the
 * first one included (its left half is silence), exactly as FFmpeg outputs an ADTS stream; the
 * container's priming and end trim come in as {@code Packet.trimStart} / {@code trimEnd}.</li>
 * <li>Intensity stereo inside a channel pair with ms_mask_present = 2 (M/S on all bands) is
 * sign-inverted as if ms_used were set in those bands, as FFmpeg's encoder and decoder both do.
 * FAAD2 reads invert_intensity as depending on ms_mask_present = 1 only and so differs from
 * FFmpeg by whole-band sign flips on such streams (testdata/aac/stereo_44k_ms.aac).</li>
 * <li>channelConfiguration 7 is laid out as FFmpeg does by default (the three pairs as front,
 * side and back, 7.1), not as Table 1.19's 7.1 wide; a program_config_element without an LFE
 * keeps its side channels before its back channels, again as FFmpeg does.</li>
 * <li>PNS noise comes from a 32-bit linear congruential generator; the noise is not normative,
 * only its energy per band is.</li>
 * <li>A block that fails to decode ({@code MalformedStreamException}) costs 1024 samples of
 * silence and the overlap of the next block, never the stream. Coupling channel elements,
 * prediction (Main, LTP), gain control (SSR) and 960-sample frames are refused with
 * {@code UnsupportedFeatureException}. SBR and PS (HE-AAC) are not decoded: their AAC-LC core
 * plays at the core rate, and {@code AudioSpecificConfig.describe()} says what was left out.</li>
 * </ul>
 */
package org.kinora.aac;
