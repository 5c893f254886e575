/**
 * MP4 / QuickTime (ISO/IEC 14496-12) demuxer, plain and fragmented.
 *
 * <p>Decisions:
 * <ul>
 * <li>Timestamps follow FFmpeg's mov demuxer so that the packet list equals
 * {@code ffprobe -show_packets}: the first edit with media (after leading empty edits) shifts
 * dts and pts by (empty duration - media_time); more edits are not applied; negative composition
 * offsets (ctts or trun version 1) lower dts by the largest of them (FFmpeg's dts_shift) in
 * sample tables, and raise pts by it in fragments (which get the edit shift too). Audio packets
 * that end up before 0 (AAC priming) carry {@code trimStart}.</li>
 * <li>Constant-size one-tick samples (PCM, G.711) are delivered as FFmpeg reads them: each chunk
 * cut into packets of at most 1024 samples.</li>
 * <li>Samples of sample tables are delivered in FFmpeg's order (of the tracks' next samples, the
 * first in the file unless their decode times are more than a second apart, then the earliest):
 * one read through the mdat for well-interleaved files. Samples of a fragment are delivered in
 * file order. Samples behind the read position, and gaps larger than {@link
 * org.kinora.demux.mp4.Mp4Demuxer#SEEK_THRESHOLD} bytes beyond what is buffered, cost a SEEK. An
 * mdat before the moov is passed the same way.</li>
 * <li>Sample entries other than hvc1/hev1, mp4a, alaw and ulaw become tracks with
 * {@code supported() == false}; their packets are still delivered.</li>
 * <li>Seeking in sample tables: the reference track (the first video track, else the first) starts
 * at its last sync sample whose pts is at or before the target; the other tracks at their last
 * sync sample at or before that time, audio one packet earlier (MDCT pre-roll). Fragmented files:
 * the sidx of the reference track when there is one (DASH: one per segment, appended); else the
 * moofs indexed while reading when they reach past the target; else, when every traf so far had a
 * tfdt, the tfra of the reference track read through mfro and mfra at the end of the file (tfra
 * times taken as given); else scanning moofs forward (a moof qualifies when its first
 * reference-track sample is a sync sample), with the decode times of fragments without tfdt
 * restored from the index.</li>
 * <li>Duration: mvhd, else mehd, else the sidx, else (fragmented) the end of the last packet once
 * the whole file was read.</li>
 * </ul>
 */
package org.kinora.demux.mp4;
