#!/bin/bash
# Vorbis decode speed: `cli bench` next to `ffmpeg -threads 1` on a 20 s stereo 44.1 kHz
# quality-4 file made in /tmp (not committed). Build the CLI first:
#   mvn -q -o install -pl cli -am -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../cli/target/kinora-cli.jar"
f=/tmp/kinora-vorbis-bench-q4.ogg
if [ ! -s "$f" ]; then
    ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi \
        -i "aevalsrc=0.35*sin(440*2*PI*t)+0.15*sin(1327*2*PI*t)*sin(3*t)+0.05*(random(0)-0.5)|0.35*sin(660*2*PI*t)+0.1*sin(2000*2*PI*t)*cos(2*t)+0.05*(random(1)-0.5):s=44100:c=stereo:d=20" \
        -c:a libvorbis -q:a 4 "$f"
fi
java -jar "$jar" bench "$f"
# best of three runs of FFmpeg's decoder
best=""
for i in 1 2 3; do
    t=$(ffmpeg -nostdin -hide_banner -threads 1 -benchmark -i "$f" -f null - 2>&1 | sed -n 's/.*rtime=\([0-9.]*\)s.*/\1/p')
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
done
awk -v t="$best" 'BEGIN{printf "ffmpeg -threads 1: 20.00 s of audio in %.3f s, %.1fx realtime\n", t, 20 / t}'
