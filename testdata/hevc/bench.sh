#!/usr/bin/env bash
# Speed of the HEVC decoder next to libde265 (scalar, one thread) and FFmpeg (one thread), in the
# same run, on streams made here in $TMPDIR (not committed):
#   - 720p all-intra (x265 --keyint 1), 100 frames;
#   - 720p and 1080p inter streams: x265 default preset (B pictures, pyramid, open GOP), about
#     2.5 and 3 Mb/s, 6 s of a zooming, panning fractal with film grain.
# Prints frames per second of each decoder and Kinora's ratio to the other two, by wall clock and
# by CPU time (Kinora: its decoding thread; libde265: user + system time of the process), the
# second being steadier when the machine is shared.
# Build the CLI first:
#   mvn -q -o install -pl cli -am -DskipTests
# Usage: bench.sh [intra|inter|all]   (default all)
# KINORA_CLI=path/to/kinora-cli.jar runs another build of the CLI (to compare two builds).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=${TMPDIR:-/tmp}
which=${1:-all}

intra=$tmp/kinora-hevc-720p-intra.hevc
if [ ! -s "$intra" ]; then
    ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=25 -frames:v 100 -pix_fmt yuv420p -f yuv4mpegpipe - |
        x265 --log-level error --no-progress --input - --y4m --keyint 1 --frames 100 -o "$intra"
fi

# inter OUT SIZE KBPS: default preset, B pictures, average bit rate KBPS
inter() {
    local out=$1 size=$2 kbps=$3
    if [ ! -s "$out" ]; then
        ffmpeg -v error -f lavfi \
            -i "mandelbrot=size=$size:rate=25:maxiter=256:start_scale=2:end_scale=0.5:end_pts=400,scroll=h=0.001:v=0.0007,noise=alls=3:allf=t" \
            -frames:v 150 -pix_fmt yuv420p -f yuv4mpegpipe - |
            x265 --log-level error --no-progress --input - --y4m --bitrate "$kbps" --frames 150 -o "$out.part"
        mv "$out.part" "$out"
    fi
}
inter720=$tmp/kinora-hevc-720p-inter.hevc
inter1080=$tmp/kinora-hevc-1080p-inter.hevc
if [ "$which" != intra ]; then
    inter "$inter720" 1280x720 2500
    inter "$inter1080" 1920x1080 3000
fi

ratio() { # A B: A / B with two decimals, or "-" when either is missing
    awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else printf "-" }'
}

bench() {
    local clip=$1 frames kin kincpu de decpu ff rtime kbps cpu
    frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$clip")
    kbps=$(awk -v s="$(stat -c %s "$clip")" -v n="$frames" 'BEGIN { printf "%.0f", s * 8 / (n / 25) / 1000 }')
    echo "== $(basename "$clip"): $frames frames, $kbps kb/s at 25 fps"
    # Kinora on the JVM (the CLI warms up and repeats)
    if out=$(java -jar "${KINORA_CLI:-cli/target/kinora-cli.jar}" bench "$clip" 2>&1); then
        kin=$(echo "$out" | sed -n 's/^video .* \([0-9.]*\) frames\/s.*/\1/p' | head -1)
        kincpu=$(echo "$out" | sed -n 's/^video .* \([0-9.]*\) frames per CPU second.*/\1/p' | head -1)
    else
        echo "   kinora failed: $(echo "$out" | grep -m1 -iE 'exception|error' || echo "$out" | tail -1)"
        kin=0
    fi
    # libde265 without SIMD and threads; it prints its own frames per second
    cpu=$( { TIMEFORMAT='%U %S'; time libde265-dec265 -q -t 0 --noaccel "$clip" >"$tmp/kinora-de265.log" 2>&1; } 2>&1 )
    de=$(tr '\r' '\n' <"$tmp/kinora-de265.log" | sed -n 's/.*@ *\([0-9.]*\) fps.*/\1/p' | tail -1)
    decpu=$(echo "$cpu" | awk -v n="$frames" '{ t = $1 + $2; if (t > 0) printf "%.1f", n / t; else print 0 }')
    # FFmpeg, one thread: frames / real time
    rtime=$(ffmpeg -threads 1 -benchmark -i "$clip" -f null - 2>&1 | sed -n 's/.*rtime=\([0-9.]*\)s.*/\1/p')
    ff=$(awk -v n="$frames" -v t="$rtime" 'BEGIN { if (t > 0) printf "%.1f", n / t; else print 0 }')
    printf '   %-34s %8s fps\n' "kinora (JVM, cli bench)" "${kin:-0}" "libde265-dec265 -q -t 0 --noaccel" "${de:-0}" \
        "ffmpeg -threads 1" "$ff"
    printf '   kinora / libde265 = %s   kinora / ffmpeg = %s\n' "$(ratio "${kin:-0}" "${de:-0}")" "$(ratio "${kin:-0}" "$ff")"
    printf '   per CPU second: kinora %s, libde265 %s, kinora / libde265 = %s\n' "${kincpu:-0}" "${decpu:-0}" \
        "$(ratio "${kincpu:-0}" "${decpu:-0}")"
}

if [ "$which" != inter ]; then bench "$intra"; fi
if [ "$which" != intra ]; then
    bench "$inter720"
    bench "$inter1080"
fi
