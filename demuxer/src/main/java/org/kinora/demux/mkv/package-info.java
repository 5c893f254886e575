/**
 * Matroska and WebM (RFC 9559) demuxer.
 *
 * <p>Decisions:
 * <ul>
 * <li>Track timescale is 1e9 / TimestampScale (1000 for the default scale): packet timestamps are
 * the Block's absolute timestamps, as in ffprobe. A TimestampScale that does not divide a second
 * is refused.</li>
 * <li>Laced frames (Xiph, EBML, fixed): the block's duration is BlockDuration, else DefaultDuration
 * times the frame count; frame i gets the block time plus floor(duration * i / frames), as FFmpeg
 * does. Without either, frames after the first have no timestamp (FFmpeg fills them from its codec
 * parsers).</li>
 * <li>Matroska stores no decode times: dts equals pts except for HEVC, whose dts is left unknown.</li>
 * <li>V_THEORA and A_VORBIS: the Xiph-laced CodecPrivate becomes the three header packets; HEVC's
 * CodecPrivate is the hvcC record; A_AAC's the AudioSpecificConfig. Other CodecIDs are listed as
 * unsupported tracks. Header stripping (ContentCompAlgo 3) is undone; other compression and
 * encryption are refused. CodecDelay and SeekPreRoll are read but not applied yet (they matter
 * for Opus, which Kinora does not decode).</li>
 * <li>Seeking: through the Cues of the reference track (the first video track, else the first),
 * fetched with a SEEK through the SeekHead when they follow the Clusters; without Cues, from the
 * Clusters indexed while reading when they reach past the target; otherwise the bytes after the
 * last indexed Cluster are bisected on Cluster timestamps (a Cluster ID, a size and a Timestamp
 * as first child recognise a Cluster) down to {@link
 * org.kinora.demux.mkv.MatroskaDemuxer#BISECT_GRANULARITY} bytes, and the Clusters from the best
 * one are scanned for the last whose first reference-track block is a keyframe at or before the
 * target. A Cluster's Timestamp is its earliest block, which with B pictures comes before its
 * first keyframe: when the scanned Clusters have no keyframe at or before the target, the bytes
 * before the scan's start are bisected again. {@code canSeek()} is true as soon as the Tracks are known (with the input length), before
 * any Cluster was read: a caller that asks once, at the first TRACKS_CHANGED, gets the answer that
 * holds for the whole file.</li>
 * <li>Duration: Info's Duration; without it (live WebM), the end of the last packet once the whole
 * file was read.</li>
 * </ul>
 */
package org.kinora.demux.mkv;
