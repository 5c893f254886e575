#!/usr/bin/env bash
# Speed of the AAC-LC decoder next to FFmpeg (one thread) on a 20 s stereo 44.1 kHz 128 kb/s
# ADTS stream made here (not committed). Build the CLI first:
#   mvn -q -o install -pl cli -am -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
clip=${TMPDIR:-/tmp}/kinora-aac-20s-stereo-44k-128k.aac
if [ ! -s "$clip" ]; then
    ffmpeg -v error -f lavfi -i "aevalsrc=exprs='0.3*sin(2*PI*220*t)+0.15*sin(2*PI*1330*t+t*t*90)+0.1*sin(2*PI*5100*t)+0.05*(random(0)*2-1)|0.3*sin(2*PI*260*t)+0.15*sin(2*PI*1500*t+t*t*70)+0.1*sin(2*PI*5400*t)+0.05*(random(1)*2-1)':s=44100:c=stereo:d=20" \
        -c:a aac -b:a 128k -f adts "$clip"
fi
echo "== kinora (JVM)"
java -jar cli/target/kinora-cli.jar bench "$clip"
echo "== ffmpeg -threads 1 -benchmark (20 s of audio)"
ffmpeg -threads 1 -benchmark -i "$clip" -f null - 2>&1 | grep 'bench: utime'
