#!/bin/bash
# Theora decode speed: `cli bench` next to `ffmpeg -threads 1` on 720p and 1080p files of about
# 15 Mb/s, made in /tmp (not committed). Build the CLI first:
#   mvn -q -o install -pl cli -am -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../cli/target/kinora-cli.jar"
for size in 1280x720 1920x1080; do
    f=/tmp/kinora-theora-bench-$size.ogg
    if [ ! -s "$f" ]; then
        # Moving test pattern with grain: busy enough to need ~15 Mb/s.
        ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi \
            -i "testsrc2=size=$size:rate=25:duration=8,noise=alls=10:allf=t" \
            -c:v libtheora -b:v 15M -g 250 "$f"
    fi
    echo "== $f ($(( $(stat -c %s "$f") * 8 / 8000 )) kb/s)"
    java -jar "$jar" bench "$f"
    best=""
    for i in 1 2 3; do
        t=$(ffmpeg -nostdin -hide_banner -threads 1 -benchmark -i "$f" -f null - 2>&1 | sed -n 's/.*rtime=\([0-9.]*\)s.*/\1/p')
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    frames=$(ffprobe -v error -count_packets -select_streams v -show_entries stream=nb_read_packets -of csv=p=0 "$f")
    awk -v t="$best" -v n="$frames" 'BEGIN{printf "ffmpeg -threads 1: %d frames in %.3f s, %.1f frames/s\n", n, t, n / t}'
done
