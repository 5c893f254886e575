/**
 * FLV (FLV 10.1 Annex E, with Enhanced RTMP v2) for files and for live HTTP-FLV and
 * WebSocket-FLV streams.
 *
 * <p>Decisions:
 * <ul>
 * <li>Both HEVC dialects are one track: video codec id 12 (the CDN extension) and the Enhanced RTMP
 * {@code hvc1} FourCC give the same packets (NAL units with length prefixes, pts = dts +
 * composition time) and the same hvcC configuration; the fixtures prove it by converting one into
 * the other.</li>
 * <li>The track list waits for the configuration of every track the header announces, bounded by
 * tags, time and bytes, so that a live stream whose header lies still starts; later changes (a new
 * sequence header, a track that appears) are announced again before the next packet.</li>
 * <li>A stream without a sequence header (a relay's late joiner) gets its hvcC made from the VPS,
 * SPS and PPS of the first keyframe that carries them; frames before it are skipped and counted.</li>
 * <li>PreviousTagSize is checked, but a wrong one is forgiven when the next tag starts where it
 * should; otherwise the parser scans forward for a header whose trailer matches.</li>
 * <li>Seeking finds the last keyframe presented at or before the target: a scan over tag headers
 * (peeking at the composition time of keyframes), started from the metadata's keyframe index when
 * there is one, else from a bisection over tag timestamps. Live streams (no length) do not seek.</li>
 * <li>Unsupported codecs (AVC, MP3, Opus...) are listed as tracks under their names and their
 * packets dropped; multitrack packets are skipped one at a time, never ending the stream.</li>
 * </ul>
 */
package org.kinora.demux.flv;
