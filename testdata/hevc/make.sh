#!/usr/bin/env bash
# Regenerates the HEVC fixtures and their ffmpeg framemd5 references.
# Needs Debian's x265 and ffmpeg. Every clip is all-intra (--keyint 1) with an MD5 SEI per
# picture (--hash 1), so the decoder can check itself as well as against ffmpeg.
set -euo pipefail
cd "$(dirname "$0")"

# make NAME SIZE FRAMES SOURCE [x265 options...]
make() {
    local name=$1 size=$2 frames=$3 src=$4
    shift 4
    ffmpeg -v error -f lavfi -i "$src=size=$size:rate=25" -frames:v "$frames" -pix_fmt yuv420p \
        -f yuv4mpegpipe - |
        x265 --log-level error --no-progress --input - --y4m --keyint 1 --hash 1 --frames "$frames" \
            "$@" -o "$name.hevc"
    ffmpeg -v error -i "$name.hevc" -map 0:v -f framemd5 -y "$name.framemd5"
}

# deblocking and SAO off: intra prediction, transforms and residuals alone
make intra_plain      416x240 2 testsrc2   --ctu 64 --no-deblock --no-sao --no-wpp
make intra_ctu16      208x120 2 mandelbrot --ctu 16 --min-cu-size 8 --no-deblock --no-sao --no-wpp --qp 30
make intra_ctu32_tu   200x136 2 testsrc2   --ctu 32 --tu-intra-depth 3 --max-tu-size 16 --no-deblock --no-sao --no-wpp
# loop filters
make intra_deblock    416x240 2 testsrc2   --ctu 64 --no-sao --no-wpp
make intra_sao        416x240 2 mandelbrot --ctu 32 --no-wpp
make intra_full       416x240 2 testsrc2
# QP extremes, lossless
make intra_qp0        128x96  2 testsrc2   --qp 0 --ctu 32
make intra_qp51       128x96  2 mandelbrot --qp 51 --ctu 16
make intra_lossless   96x64   2 testsrc2   --lossless --ctu 32
make intra_culossless 128x96  2 mandelbrot --cu-lossless --ctu 32 --rd 6
# coding tools
make intra_tskip      128x96  2 testsrc2   --tskip --rd 6 --ctu 32
make intra_nosignhide 128x96  2 mandelbrot --no-signhide --ctu 32
make intra_scaling    192x128 2 testsrc2   --scaling-list default --ctu 32
make intra_wpp        416x240 2 mandelbrot --wpp --ctu 32
make intra_cip        160x96  2 testsrc2   --constrained-intra --ctu 32
make intra_nosmooth   160x96  2 mandelbrot --no-strong-intra-smoothing --ctu 64
# sizes that are not multiples of 8
make intra_odd        98x66   3 testsrc2   --ctu 16 --min-cu-size 8
make intra_odd2       202x114 2 mandelbrot --ctu 64
# P pictures (one reference, TMVP, deblocking and SAO)
make inter_p          64x64   3 testsrc2   --keyint 10 --bframes 0 --ctu 16
# several slices per picture (loop filters do not cross slice boundaries in x265's streams)
make intra_slices     208x120 2 testsrc2   --slices 3 --ctu 16
make intra_slices32   200x136 2 mandelbrot --slices 4 --ctu 32 --cbqpoffs 3 --crqpoffs -2
# Main 10
make10() {
    local name=$1 size=$2 frames=$3 src=$4
    shift 4
    ffmpeg -v error -f lavfi -i "$src=size=$size:rate=25" -frames:v "$frames" -pix_fmt yuv420p10le \
        -f yuv4mpegpipe -strict -1 - |
        x265 --log-level error --no-progress --input - --y4m --input-depth 10 --output-depth 10 --profile main10 \
            --keyint 1 --hash 1 --frames "$frames" "$@" -o "$name.hevc"
    ffmpeg -v error -i "$name.hevc" -map 0:v -f framemd5 -y "$name.framemd5"
}
make10 intra_main10   160x96  2 testsrc2   --ctu 32
# the other two decoded picture hash types: CRC and checksum
make intra_crc        96x64   2 testsrc2   --hash 2
make intra_checksum   96x64   2 mandelbrot --hash 3
# explicit scaling lists (HM format file written here), deblocking offsets, larger minimum CU
scaling_list() { # name count base
    echo "$1 ="
    local vals="" i
    for ((i = 0; i < $2; i++)); do
        vals="$vals$(($3 + (i * 7 + i / 8 * 3) % 40)),"
        if (((i + 1) % 8 == 0)); then echo "${vals%,}"; vals=""; fi
    done
    if [ -n "$vals" ]; then echo "${vals%,}"; fi
    echo
}
lists=$(mktemp)
trap 'rm -f "$lists"' EXIT
{
    for t in INTRA INTER; do for c in LUMA CHROMAU CHROMAV; do scaling_list "${t}4X4_$c" 16 10; done; done
    for s in 8X8 16X16 32X32; do for t in INTRA INTER; do for c in LUMA CHROMAU CHROMAV; do
        if [ $s = 32X32 ] && [ $c != LUMA ]; then continue; fi
        scaling_list "${t}${s}_$c" 64 12
        if [ $s != 8X8 ]; then printf '%s =\n20\n\n' "${t}${s}_${c}_DC"; fi
    done; done; done
} > "$lists"
make intra_scalingfile 192x128 2 testsrc2  --scaling-list "$lists"
make intra_deblockofs 160x96  2 mandelbrot --deblock -3:2 --ctu 32 --qp 40
make intra_mincu16    192x128 2 testsrc2   --ctu 64 --min-cu-size 16 --max-tu-size 8 --tu-intra-depth 2
# VUI timing other than 25 fps (the demuxer takes its time base from it)
make intra_ntsc       64x64   2 testsrc2   --fps 30000/1001

# ---- inter prediction: P and B pictures ----
# inter NAME SIZE FRAMES SOURCE-FILTERGRAPH [x265 options...]
# SOURCE is a lavfi graph given the size and rate (first filter) and then anything after it.
# Defaults: one frame thread (reproducible), no WPP, intra period 30 unless an option says otherwise.
inter() {
    local name=$1 size=$2 frames=$3 src=$4 depth=${DEPTH:-8}
    shift 4
    local pixfmt=yuv420p depthopts=()
    if [ "$depth" = 10 ]; then
        pixfmt=yuv420p10le
        depthopts=(--input-depth 10 --output-depth 10 --profile main10)
    fi
    ffmpeg -v error -f lavfi -i "${src/@/size=$size:rate=25}" -frames:v "$frames" -pix_fmt "$pixfmt" \
        -strict -1 -f yuv4mpegpipe - |
        x265 --log-level error --no-progress --input - --y4m "${depthopts[@]}" --hash 1 --frames "$frames" \
            --frame-threads 1 --no-wpp --keyint 30 "$@" -o "$name.hevc"
    ffmpeg -v error -i "$name.hevc" -map 0:v -f framemd5 -y "$name.framemd5"
}
pan='mandelbrot=@,scroll=h=0.006:v=0.004'
move='testsrc2=@'
fade='testsrc2=@,fade=t=in:st=0:d=0.32,fade=t=out:st=0.36:d=0.32'
# GOP structures
inter inter_ponly      208x120 9  "$pan"  --bframes 0
inter inter_b          208x120 9  "$move" --bframes 3 --no-b-pyramid
inter inter_bpyramid   208x120 17 "$pan"  --bframes 4 --b-pyramid
inter inter_opengop    208x120 17 "$move" --open-gop --keyint 8 --min-keyint 8 --bframes 3 --no-scenecut
inter inter_closedgop  208x120 17 "$pan"  --no-open-gop --keyint 8 --min-keyint 8 --bframes 3 --no-scenecut
# reference lists: one, and eight (NumPicTotalCurr may not exceed 8, 7.4.7.2; x265 refuses more)
inter inter_ref1       208x120 9  "$move" --ref 1 --bframes 2
inter inter_ref8       208x120 17 "$pan"  --ref 8 --bframes 0 --no-scenecut
# weighted prediction, on a fade in and out
inter inter_weighted   208x120 17 "$fade" --weightp --weightb --bframes 3
# partitions and motion vector tools
inter inter_amp        208x120 9  "$pan"  --amp --rect --ctu 32 --rd 5
inter inter_notmvp     208x120 9  "$move" --no-temporal-mvp --bframes 3
inter inter_merge1     208x120 9  "$pan"  --max-merge 1 --bframes 3
inter inter_merge5     208x120 9  "$move" --max-merge 5 --bframes 3
# entropy coding and slice structure (x265 makes several slices only with WPP; with 16x16 CTBs
# its SAO at slice boundaries breaks its own MD5 SEI, and with --no-deblock it hangs)
inter inter_wpp        416x240 5  "$pan"  --wpp --ctu 32 --bframes 2
inter inter_slices     208x120 9  "$move" --slices 4 --wpp --ctu 32 --bframes 3
# residual tools
inter inter_lossless   128x96  5  "$move" --lossless --bframes 2
inter inter_tskip      208x120 9  "$move" --tskip --rd 6 --bframes 3
inter inter_scaling    208x120 9  "$pan"  --scaling-list default --bframes 3
# loop filters off, and both on with deblocking offsets
inter inter_nolf       208x120 9  "$move" --no-sao --no-deblock --bframes 3
inter inter_lf         208x120 9  "$pan"  --sao --deblock 1:-1 --bframes 3
# size that needs a conformance window
inter inter_odd        198x102 9  "$move" --bframes 3
# Main 10, weighted prediction (offsets scale with the bit depth)
DEPTH=10 inter inter_main10 208x120 17 "$fade" --bframes 3 --weightp --weightb
# constrained intra prediction with intra blocks in P and B pictures; deeper inter transform trees
inter inter_cip        208x120 9  "$move" --constrained-intra --bframes 3
inter inter_tudepth    208x120 9  "$pan"  --tu-inter-depth 3 --max-tu-size 16 --rect --bframes 3

# an end of sequence NAL unit before the first mid-stream CRA picture: decoding restarts there
# (POC from 0, NoRaslOutputFlag set) and the CRA's RASL pictures are skipped
off=$(grep -obUaP '\x00\x00\x01\x2a\x01' inter_opengop.hevc | head -1 | cut -d: -f1)
off=$((off - 1)) # the four-byte start code of the CRA's access unit
{ head -c "$off" inter_opengop.hevc; printf '\x00\x00\x00\x01\x48\x01'; tail -c +"$((off + 1))" inter_opengop.hevc; } > inter_eos.hevc
ffmpeg -v error -i inter_eos.hevc -map 0:v -f framemd5 -y inter_eos.framemd5
