#!/usr/bin/env bash
# The demo's sample media (served under /media/ by the demo server).
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
# -fflags +bitexact keeps Ogg serial numbers and metadata reproducible.

# sample.ogg: 10 s, 640x360 at 25 fps Theora (q6) with a stereo 44.1 kHz Vorbis tone (q4).
ff -f lavfi -i "testsrc2=size=640x360:rate=25:duration=10" \
   -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=10,aformat=channel_layouts=stereo" \
   -map 0:v -map 1:a -c:v libtheora -q:v 6 -g 50 -c:a libvorbis -q:a 4 -fflags +bitexact sample.ogg

# bars.ogg: 2 s of SMPTE colour bars with light temporal noise (so that every frame is coded),
# 320x240 at 25 fps Theora (q8), 48 kHz stereo Vorbis tone: the browser tests sample the canvas
# against the bar colours.
ff -f lavfi -i "smptebars=size=320x240:rate=25:duration=2,noise=alls=3:allf=t" \
   -f lavfi -i "sine=frequency=1000:sample_rate=48000:duration=2,aformat=channel_layouts=stereo" \
   -map 0:v -map 1:a -c:v libtheora -q:v 8 -g 25 -c:a libvorbis -q:a 3 -fflags +bitexact bars.ogg

# References: frame MD5s, and the number of audio sample frames ffmpeg decodes.
for f in sample bars; do
  ffmpeg -hide_banner -loglevel error -i "$f.ogg" -map 0:v -f framemd5 - > "$f.framemd5"
  bytes=$(ffmpeg -hide_banner -loglevel error -i "$f.ogg" -map 0:a -f s16le - | wc -c)
  echo $((bytes / 4)) > "$f.audio-frames"
done

# sample-cut.ogg: the first 2000 bytes of sample.ogg, cut inside the Theora setup header.
head -c 2000 sample.ogg > sample-cut.ogg

# camera.flv: 10 s, 640x360 at 25 fps HEVC (B pictures, a keyframe every 2 s) with mono AAC, as
# Enhanced RTMP FLV. The demo server plays it out as a live stream under /live/camera.flv.
# Needs FFmpeg 7.1 for the FLV (see testdata/flv/make.sh): FFMPEG7_DIR.
if [ -n "${FFMPEG7_DIR:-}" ]; then
  tmp=$(mktemp -d)
  ff -f lavfi -i "testsrc2=size=640x360:rate=25:duration=10" \
     -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=10" \
     -map 0:v -map 1:a -c:v libx265 -x265-params "log-level=error:keyint=50:min-keyint=50:crf=32" \
     -pix_fmt yuv420p -c:a aac -b:a 48k "$tmp/camera.mp4"
  LD_LIBRARY_PATH="$FFMPEG7_DIR" "$FFMPEG7_DIR/ffmpeg" -hide_banner -loglevel error -y -i "$tmp/camera.mp4" \
     -c copy -f flv camera.flv
  rm -rf "$tmp"
fi
