#!/usr/bin/env bash
# Regenerates every committed test fixture and reference with Debian's ffmpeg, x265 and mkvmerge:
#   apt-get install ffmpeg x265 mkvtoolnix
# flv/ (and the demo's samples/camera.flv) also need FFmpeg 7.1, which writes Enhanced RTMP HEVC and
# G.711 FLV: set FFMPEG7_DIR to the folder of its ffmpeg and ffprobe (the unpacked
# org.bytedeco:ffmpeg:7.1.1-1.5.12:linux-x86_64 jar from Maven Central, org/bytedeco/ffmpeg/linux-x86_64).
# Each folder has its own make.sh; this runs them all. Pass folder names to run only those.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -gt 0 ]; then dirs=("$@"); else dirs=(); for d in "$here"/*/; do dirs+=("$(basename "$d")"); done; fi
for d in "${dirs[@]}"; do
  if [ -x "$here/$d/make.sh" ] || [ -f "$here/$d/make.sh" ]; then
    echo "== $d"
    bash "$here/$d/make.sh"
  fi
done
