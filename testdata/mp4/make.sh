#!/usr/bin/env bash
# Regenerates the MP4 fixtures and their packet references with Debian's ffmpeg and x265.
# NAME.packets is `ffprobe -show_packets -show_data_hash MD5` in compact form: one line per
# packet, stream_index|pts|dts|duration|size|flags|data_hash, in file order.
set -euo pipefail
cd "$(dirname "$0")"
V="-f lavfi -i testsrc2=size=96x64:rate=25"
A="-f lavfi -i sine=frequency=440:sample_rate=22050"
X265="-c:v libx265 -x265-params log-level=error"
q() { ffmpeg -v error -y "$@"; }
packets() {
    ffprobe -v error -show_packets -show_data_hash MD5 \
        -show_entries packet=stream_index,pts,dts,duration,size,flags,data_hash -of compact=p=0:nk=1 "$1" |
        # side data (skip samples) is printed inside a record: keep the seven fields
        awk -F'|' '{ r = r $0 } /MD5:/ { n = split(r, a, "|"); print a[1] "|" a[2] "|" a[3] "|" a[4] "|" a[5] "|" a[6] "|" a[n]; r = "" }' \
        > "${1%.*}.packets"
}
# moov after mdat (ffmpeg's default), B-frames (edit list shifts by the reorder delay), AAC priming
q $V $A -t 1 $X265 -pix_fmt yuv420p -tag:v hvc1 -c:a aac -b:a 32k moov_last.mp4
# moov first, hev1 sample entry (parameter sets also in band)
q $V -t 0.6 $X265 -pix_fmt yuv420p -tag:v hev1 -movflags +faststart moov_first_hev1.mp4
# Main 10, intra only (decoded and compared with ffmpeg's framemd5)
q $V -t 0.2 $X265 -x265-params log-level=error:keyint=1 -pix_fmt yuv420p10le -tag:v hvc1 intra_main10.mp4
ffmpeg -v error -i intra_main10.mp4 -map 0:v -f framemd5 -y intra_main10.framemd5
# 8-bit intra only
q $V -t 0.2 $X265 -x265-params log-level=error:keyint=1 -pix_fmt yuv420p -tag:v hvc1 intra.mp4
ffmpeg -v error -i intra.mp4 -map 0:v -f framemd5 -y intra.framemd5
# G.711 in QuickTime
q $A -t 0.5 -c:a pcm_alaw alaw.mov
q $A -t 0.5 -c:a pcm_mulaw ulaw.mov
# fragmented: one moof per keyframe, without and with sidx; a leading empty moov
q $V $A -t 1 $X265 -x265-params log-level=error:keyint=10 -tag:v hvc1 -c:a aac -b:a 32k \
    -movflags +frag_keyframe+empty_moov+default_base_moof frag.mp4
q $V $A -t 1 $X265 -x265-params log-level=error:keyint=10 -tag:v hvc1 -c:a aac -b:a 32k \
    -movflags +frag_keyframe+empty_moov+default_base_moof+global_sidx frag_sidx.mp4
# fragmented with mfra/tfra at the end (ismv-style, no default-base-is-moof)
q $V -t 1 $X265 -x265-params log-level=error:keyint=10 -tag:v hvc1 -frag_duration 400000 -movflags +empty_moov+separate_moof -write_tmcd 0 frag_mfra.ismv
# an unsupported video track (MPEG-4 part 2) next to AAC: listed, the rest plays
q $V $A -t 0.5 -c:v mpeg4 -c:a aac -b:a 32k unsupported_video.mp4
# ctts version 1: negative composition offsets, no edit list
q $V -t 0.6 $X265 -tag:v hvc1 -use_editlist 0 -movflags +negative_cts_offsets ctts_v1.mp4
# DASH: the init segment followed by media segments that start with styp and sidx
rm -rf dash.tmp && mkdir dash.tmp
ffmpeg -v error -y $V -t 1 $X265 -x265-params log-level=error:keyint=10 -tag:v hvc1 -f dash -seg_duration 0.4 \
    -use_template 1 -use_timeline 0 dash.tmp/d.mpd
cat dash.tmp/init-stream0.m4s dash.tmp/chunk-stream0-*.m4s > dash_segments.mp4
rm -rf dash.tmp
# display properties: 4:3 pixels (pasp), BT.709 full range (colr nclx), a display matrix
# (rotation 90 counterclockwise as ffprobe reports it, set on a stream copy)
q $V -t 0.2 $X265 -tag:v hvc1 -vf setsar=4/3 -color_primaries bt709 -color_trc bt709 -colorspace bt709 \
    -color_range pc props.tmp.mp4
q -i props.tmp.mp4 -c copy -metadata:s:v:0 rotate=90 -movflags +write_colr props.mp4
rm props.tmp.mp4
for f in *.mp4 *.mov *.ismv; do packets "$f"; done
# decoded audio references: AAC as s16le (compared within 2 LSB), G.711 as the MD5 of s16le (exact);
# frag.s16.gz also serves frag_sidx.mp4 and ../matroska/hevc_aac_laced.mkv (the same AAC stream)
for f in moov_last.mp4 frag.mp4; do ffmpeg -v error -i "$f" -map 0:a -f s16le - | gzip -n9 > "${f%.*}.s16.gz"; done
for f in alaw.mov ulaw.mov; do ffmpeg -v error -i "$f" -map 0:a -f s16le - | md5sum | cut -d' ' -f1 > "${f%.*}.s16.md5"; done
