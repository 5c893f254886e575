#!/bin/sh
# Makes the benchmark's test media (not committed) into bench/media/:
#   theora-720p.ogv   1280x720,  30 fps, 10 s, Theora ~15 Mb/s, no audio
#   theora-1080p.ogv  1920x1080, 30 fps, 10 s, Theora ~25 Mb/s, no audio
# The picture is lavfi testsrc2 (moving pattern, scrolling gradient, counter) with light
# temporal noise so that the encoder really spends the bit rate on every frame (a clean
# synthetic pattern would be coded in far fewer bits than asked for). Needs Debian's ffmpeg
# (/usr/bin/ffmpeg, built with libtheora). Existing files are kept; pass -f to remake them.
set -eu
cd "$(dirname "$0")"
mkdir -p media
FFMPEG=${FFMPEG:-/usr/bin/ffmpeg}
force=no
[ "${1:-}" = "-f" ] && force=yes

make() { # name size bitrate
    out=media/$1
    if [ -s "$out" ] && [ $force = no ]; then
        echo "keeping $out"
        return
    fi
    echo "making $out ($2, $3 b/s)"
    "$FFMPEG" -hide_banner -loglevel error -y \
        -f lavfi -i "testsrc2=size=$2:rate=30:duration=10" \
        -vf "noise=alls=12:allf=t,format=yuv420p" \
        -c:v libtheora -b:v "$3" -maxrate "$3" -g 64 -an "$out.tmp.ogv"
    mv "$out.tmp.ogv" "$out"
}

make theora-720p.ogv 1280x720 15M
make theora-1080p.ogv 1920x1080 25M
ls -l media
