#!/usr/bin/env bash
# Regenerates the FLV fixtures and their references.
# Needs Debian's ffmpeg (with libx265), python3, and FFmpeg 7.1, which writes Enhanced RTMP HEVC
# FLV and G.711 FLV (5.1 cannot): set FFMPEG7_DIR to the folder holding its ffmpeg and ffprobe,
# e.g. the unpacked org.bytedeco:ffmpeg:7.1.1-1.5.12:linux-x86_64 jar from Maven Central
# (org/bytedeco/ffmpeg/linux-x86_64 inside it).
#
# References: NAME.packets is ffprobe 7.1's packet list (codec_type, pts, dts, size, flags, MD5 of
# the data); NAME.framemd5 the decoded pictures. The codec id 12 files (hevc12_*) carry the same
# packets as the Enhanced RTMP file they were converted from by to-codec12.py (ffprobe cannot read
# codec id 12), so they share its references.
set -euo pipefail
cd "$(dirname "$0")"
: "${FFMPEG7_DIR:?set FFMPEG7_DIR to the folder of FFmpeg 7.1 ffmpeg and ffprobe}"
ff7() { LD_LIBRARY_PATH="$FFMPEG7_DIR" "$FFMPEG7_DIR/ffmpeg" "$@"; }
probe7() {
    LD_LIBRARY_PATH="$FFMPEG7_DIR" "$FFMPEG7_DIR/ffprobe" -v error -show_data_hash MD5 \
        -show_entries packet=codec_type,pts,dts,size,flags,data_hash -of csv=p=0 "$1" > "${1%.flv}.packets"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# hevc SIZE FRAMES OUT.mp4 X265PARAMS: libx265 with an MD5 SEI per picture (hash=1), in MP4 so that
# presentation times survive the copy into FLV
hevc() {
    ffmpeg -v error -f lavfi -i "testsrc2=size=$1:rate=25" -frames:v "$2" -pix_fmt yuv420p \
        -c:v libx265 -x265-params "log-level=error:hash=1:$4" -y "$3"
}

# HEVC with B pictures (composition times) and AAC, 3 s, a keyframe every second
hevc 208x120 75 "$tmp/v.mp4" keyint=25:min-keyint=25:bframes=3:b-adapt=0:open-gop=0
ffmpeg -v error -i "$tmp/v.mp4" -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=3" \
    -map 0:v -map 1:a -c:v copy -c:a aac -b:a 48k -y "$tmp/va.mp4"
ff7 -v error -i "$tmp/va.mp4" -c copy -f flv -y hevc_aac.flv
ff7 -v error -i "$tmp/va.mp4" -c copy -f flv -flvflags add_keyframe_index -y hevc_aac_index.flv
probe7 hevc_aac.flv
probe7 hevc_aac_index.flv
ff7 -v error -i hevc_aac.flv -map 0:v -f framemd5 -y hevc_aac.framemd5
python3 to-codec12.py hevc_aac.flv hevc12_aac.flv

# all-intra HEVC as codec id 12, video only
hevc 208x120 10 "$tmp/i.mp4" keyint=1
ff7 -v error -i "$tmp/i.mp4" -c copy -f flv -y "$tmp/hevc_intra.flv"
LD_LIBRARY_PATH="$FFMPEG7_DIR" "$FFMPEG7_DIR/ffprobe" -v error -show_data_hash MD5 \
    -show_entries packet=codec_type,pts,dts,size,flags,data_hash -of csv=p=0 "$tmp/hevc_intra.flv" > hevc12_intra.packets
ff7 -v error -i "$tmp/hevc_intra.flv" -f framemd5 -y hevc12_intra.framemd5
python3 to-codec12.py "$tmp/hevc_intra.flv" hevc12_intra.flv

# G.711: A-law audio only, and mu-law (stereo) beside HEVC video
ffmpeg -v error -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=2" -f wav -y "$tmp/s.wav"
ff7 -v error -i "$tmp/s.wav" -c:a pcm_alaw -f flv -y alaw.flv
probe7 alaw.flv
ff7 -v error -i "$tmp/i.mp4" -i "$tmp/s.wav" -map 0:v -map 1:a -c:v copy -c:a pcm_mulaw -ac 2 \
    -f flv -y hevc_mulaw.flv
probe7 hevc_mulaw.flv

# G.711 decodes exactly: the MD5 of FFmpeg's s16le output is the reference
for f in alaw hevc_mulaw; do
    ff7 -v error -i "$f.flv" -map 0:a -f s16le - | md5sum | cut -d' ' -f1 > "$f.s16.md5"
done
