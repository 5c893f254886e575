#!/usr/bin/env bash
# Speed of the HEVC decoder next to libde265 (scalar) and FFmpeg (one thread) on a 720p
# all-intra stream made here (not committed). Build the CLI first:
#   mvn -q -o install -pl cli -am -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
clip=${TMPDIR:-/tmp}/kinora-hevc-720p-intra.hevc
if [ ! -s "$clip" ]; then
    ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=25 -frames:v 100 -pix_fmt yuv420p -f yuv4mpegpipe - |
        x265 --log-level error --no-progress --input - --y4m --keyint 1 --frames 100 -o "$clip"
fi
echo "== kinora (JVM)"
java -jar cli/target/kinora-cli.jar bench "$clip"
echo "== libde265-dec265 -q -t 0 --noaccel"
libde265-dec265 -q -t 0 --noaccel "$clip" 2>&1 | tr '\r' '\n' | tail -1
echo
echo "== ffmpeg -threads 1 -benchmark (100 frames)"
ffmpeg -threads 1 -benchmark -i "$clip" -f null - 2>&1 | grep 'bench: utime'
