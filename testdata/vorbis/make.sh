#!/bin/bash
# Regenerates the Vorbis and Ogg fixtures and their references with Debian's ffmpeg 5.1.
# Each NAME.ogg gets NAME.s16.gz: ffmpeg's decode of its first audio track as s16le, gzipped.
set -euo pipefail
cd "$(dirname "$0")"

FF="ffmpeg -nostdin -hide_banner -loglevel error -y"

# A tone with harmonics and a little noise, so every codebook gets used.
tone() { # FREQ
    echo "0.35*sin($1*2*PI*t)+0.15*sin($1*3.01*2*PI*t)*sin(3*t)+0.02*(random(0)-0.5)"
}

audio() { # NAME RATE CHANNEL_EXPRS LAYOUT SECONDS ENCODER_ARGS...
    local name=$1 rate=$2 exprs=$3 layout=$4 secs=$5
    shift 5
    $FF -f lavfi -i "aevalsrc=${exprs}:s=${rate}:c=${layout}:d=${secs}" -bitexact -fflags +bitexact "$@" "${name}.ogg"
}

audio mono_8k_q0 8000 "$(tone 300)" mono 1 -c:a libvorbis -q:a 0
audio stereo_44k_q4 44100 "$(tone 440)|$(tone 660)" stereo 1.5 -c:a libvorbis -q:a 4
audio stereo_48k_qm1 48000 "$(tone 220)|$(tone 330)" stereo 1 -c:a libvorbis -q:a -1
audio stereo_44k_q10 44100 "$(tone 523)|$(tone 784)" stereo 1 -c:a libvorbis -q:a 10
audio stereo_22k_q2 22050 "$(tone 261)|$(tone 392)" stereo 1.3 -c:a libvorbis -q:a 2
audio mono_96k_q6 96000 "$(tone 1000)" mono 0.5 -c:a libvorbis -q:a 6
audio stereo_11k_q3 11025 "$(tone 150)|$(tone 170)" stereo 1 -c:a libvorbis -q:a 3
audio surround51_48k_q3 48000 "$(tone 200)|$(tone 300)|$(tone 400)|0.3*sin(60*2*PI*t)|$(tone 500)|$(tone 600)" 5.1 0.5 -c:a libvorbis -q:a 3
audio surround71_48k_q3 48000 "$(tone 200)|$(tone 300)|$(tone 400)|0.3*sin(60*2*PI*t)|$(tone 500)|$(tone 600)|$(tone 700)|$(tone 800)" 7.1 0.5 -c:a libvorbis -q:a 3
audio three_ch_32k_q5 32000 "$(tone 200)|$(tone 300)|$(tone 400)" 3.0 0.5 -c:a libvorbis -q:a 5
# Ten channels: no standard layout, Vorbis order kept.
ten=""
for i in 1 2 3 4 5 6 7 8 9 10; do ten="$ten|$(tone $((i * 110)))"; done
$FF -f lavfi -i "aevalsrc=${ten:1}:s=22050:d=0.3" -bitexact -fflags +bitexact -c:a libvorbis -q:a 3 ten_ch_22k_q3.ogg

# FFmpeg's own encoder (equal block sizes, 8-dimensional lattice books). Its channel coupling
# breaks on unrelated channels (FFmpeg and libvorbis then decode different garbage), so the
# right channel follows the left.
audio native_44k 44100 "$(tone 440)|0.8*($(tone 440))" stereo 1 -c:a vorbis -strict -2
# The longer one.
audio long_mono_16k_q1 16000 "$(tone 330)*sin(0.5*t)" mono 12 -c:a libvorbis -q:a 1

# Theora with Vorbis, multiplexed.
$FF -f lavfi -i "testsrc2=s=64x48:r=25:d=1" -f lavfi -i "aevalsrc=$(tone 440):s=22050:c=mono:d=1" \
    -bitexact -fflags +bitexact -c:v libtheora -q:v 5 -g 12 -c:a libvorbis -q:a 3 theora_vorbis.ogg

# A chained stream: two links back to back, the second with its own serial number.
$FF -i stereo_11k_q3.ogg -c copy -bitexact -fflags +bitexact -serial_offset 7 /tmp/kinora_link2.$$.ogg
cat mono_8k_q0.ogg /tmp/kinora_link2.$$.ogg > chained.ogg
rm -f /tmp/kinora_link2.$$.ogg

for f in *.ogg; do
    [ "$f" = chained.ogg ] && continue
    $FF -i "$f" -map 0:a -f s16le - | gzip -n -9 > "${f%.ogg}.s16.gz"
done

# Real-world stream from ../shared/media (not copied here): the reference is libvorbis's decode
# (ffmpeg -c:a libvorbis), since ffmpeg's own Vorbis decoder gets this stream wrong.
shared=$(d=$PWD; while [ "$d" != / ] && [ ! -d "$d/shared/media" ]; do d=$(dirname "$d"); done; echo "$d/shared/media")
if [ -f "$shared/libnogg_6-mode-bits.ogg" ]; then
    $FF -c:a libvorbis -i "$shared/libnogg_6-mode-bits.ogg" -f s16le - | gzip -n -9 > libnogg_6-mode-bits.libvorbis.s16.gz
fi
