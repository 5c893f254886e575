/**
 * H.265/HEVC parameter-set syntax (Rec. ITU-T H.265, clause numbers of the 2021 edition), the one
 * parser used by the demuxers (picture size, bit depth, colour and timing of a track, from an
 * hvcC record or an Annex B stream) and by the decoder ({@code codec-hevc}).
 *
 * <ul>
 * <li>{@link org.kinora.hevc.params.Sps}: seq_parameter_set_rbsp() (7.3.2.2) with its derived
 * values, profile_tier_level() (7.3.3, skipped), {@code Vui}: vui_parameters() and
 * hrd_parameters() (E.2.1, E.2.2).</li>
 * <li>{@link org.kinora.hevc.params.ShortTermRps}: st_ref_pic_set() (7.3.7, 7.4.8), also called
 * by the decoder's slice header parser.</li>
 * <li>{@link org.kinora.hevc.params.ScalingList}: scaling_list_data() (7.3.4) and the scaling
 * factors (7.4.5), used by the SPS and by the decoder's PPS.</li>
 * <li>{@link org.kinora.hevc.params.Rbsp}: removal of emulation prevention bytes (7.4.2).</li>
 * </ul>
 *
 * <p>Decisions:
 * <ul>
 * <li>A module of its own between {@code media-core} and both {@code demuxer} and
 * {@code codec-hevc}: the demuxer may not depend on a codec, nor a codec on the demuxer, and
 * {@code media-core} holds no codec syntax. A second, partial SPS walk in the demuxer had
 * already drifted from the decoder's limits; with one parser both read a stream the same way.</li>
 * <li>Parsing is separated from support: {@code Sps.parse} rejects only what the specification
 * forbids ({@code MalformedStreamException} for out-of-range values and inconsistent sizes) and
 * reads every chroma format, bit depth up to 16, range extension flags and any picture size the
 * syntax allows. The decoder refuses what it cannot decode (4:2:2, 4:4:4, more than 10 bits,
 * range extension tools, pictures above level 6.2's size) in its own check, after parsing, so a
 * demuxer still lists such a track with its size, bit depth and colour.</li>
 * <li>Fields are public and mutable, as in the decoder before the move: the decoder reads them in
 * its inner loops and tests build parameter sets by hand. Parsing never allocates by an unchecked
 * value: every count is range-checked against its semantic limit first.</li>
 * <li>The PPS and the slice header stay in {@code codec-hevc}: no demuxer needs them.</li>
 * </ul>
 */
package org.kinora.hevc.params;
