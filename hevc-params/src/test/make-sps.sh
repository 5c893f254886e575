#!/bin/sh
# Prints, as hex, the SPS NAL unit that SpsTest.SPS_422_12BIT holds: a 198x114 4:2:2 12-bit
# BT.709 picture coded by x265 through FFmpeg (coded size 200x120, cropped by the conformance window).
set -e
tmp=$(mktemp -d)
ffmpeg -v error -y -f lavfi -i testsrc2=size=198x114:rate=30 -frames:v 1 -pix_fmt yuv422p12le \
    -c:v libx265 -x265-params log-level=error -color_primaries bt709 -color_trc bt709 -colorspace bt709 \
    -f hevc "$tmp/s.hevc"
python3 - "$tmp/s.hevc" <<'PY'
import re, sys
d = open(sys.argv[1], 'rb').read()
starts = [m.start() + 3 for m in re.finditer(b'\x00\x00\x01', d)]
for k, s in enumerate(starts):
    e = starts[k + 1] - 3 if k + 1 < len(starts) else len(d)
    if (d[s] >> 1) & 63 == 33:
        print(d[s:e].rstrip(b'\x00').hex())
        break
PY
ffprobe -v error -show_entries stream=width,height,coded_width,coded_height,pix_fmt,color_space,color_range,r_frame_rate "$tmp/s.hevc"
rm -r "$tmp"
