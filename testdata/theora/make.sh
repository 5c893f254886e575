#!/bin/bash
# Regenerates the Theora fixtures and their references with Debian's ffmpeg 5.1 (libtheora encoder).
# Each NAME.ogg gets NAME.ogg.framemd5: ffmpeg's own decode of its video track.
# The clips are lavfi sources at many sizes, chroma formats, qualities, bitrates and keyframe
# intervals, with busy content and strong motion; a few headers are patched afterwards to cover
# Theora 3.2.0 streams and picture regions with offsets.
set -euo pipefail
cd "$(dirname "$0")"

FF="ffmpeg -nostdin -hide_banner -loglevel error -y"

video() { # NAME SOURCE ENCODER_ARGS...
    local name=$1 src=$2
    shift 2
    $FF -f lavfi -i "$src" -map 0:v -c:v libtheora -fflags +bitexact -bitexact "$@" "${name}.ogg"
}

ref() { # NAME
    $FF -i "$1.ogg" -map 0:v -f framemd5 "$1.ogg.framemd5"
}

# Sizes: multiples of 16, odd, tiny, and not multiples of 16.
video testsrc2_320x240_q6 "testsrc2=size=320x240:rate=25:duration=1.2" -q:v 6 -g 12
video testsrc2_350x198_q5 "testsrc2=size=350x198:rate=25:duration=1" -q:v 5 -g 30
video yuv444_351x199_q7 "testsrc2=size=351x199:rate=25:duration=0.8,format=yuv444p" -q:v 7 -g 10
video tiny_18x18 "testsrc2=size=18x18:rate=25:duration=0.6,noise=alls=40:allf=t" -q:v 6
video tiny_32x16 "mandelbrot=size=32x16:rate=25:end_pts=10:end_scale=0.01,trim=duration=0.4" -q:v 6
video tiny_20x10 "testsrc2=size=20x10:rate=25:duration=0.4,noise=alls=40:allf=t" -q:v 8
video odd_100x75 "mandelbrot=size=100x75:rate=25:end_pts=25:end_scale=0.01,trim=duration=1" -q:v 6 -g 8

# Chroma formats.
video yuv422_176x144 "testsrc2=size=176x144:rate=25:duration=1,format=yuv422p" -q:v 6 -g 10
video yuv444_176x144 "testsrc2=size=176x144:rate=25:duration=1,format=yuv444p" -q:v 6 -g 10
video yuv422_odd_90x51 "mandelbrot=size=90x51:rate=25:end_pts=20:end_scale=0.01,format=yuv422p,trim=duration=0.8" -q:v 4
video yuv444_odd_67x37 "cellauto=size=67x37:rate=25,format=yuv444p,trim=duration=0.8" -q:v 8

# Quality 0 to 10 and bitrate mode.
for q in 0 1 3 8 10; do
    video quality_q${q} "testsrc2=size=192x128:rate=25:duration=0.8" -q:v $q -g 15
done
video bitrate_200k "testsrc2=size=320x240:rate=25:duration=1.2" -b:v 200k -g 30
video bitrate_30k "mandelbrot=size=192x144:rate=25:end_pts=30:end_scale=0.01,trim=duration=1.2" -b:v 30k -g 50

# Keyframe intervals 1 to 250.
video gop1 "testsrc2=size=160x120:rate=25:duration=0.6" -q:v 6 -g 1
video gop250 "testsrc2=size=160x120:rate=25:duration=1.6" -q:v 6 -g 250

# Busy content and strong motion.
video motion_mandelbrot "mandelbrot=size=256x192:rate=25:start_scale=0.5:end_scale=0.001,trim=duration=1.2" -q:v 7 -g 250
video motion_cellauto "cellauto=size=240x160:rate=25:rule=110,trim=duration=1" -q:v 5 -g 250
video motion_life "life=size=200x150:rate=25:mold=10:ratio=0.5:death_color=#203040:life_color=#f0e020,trim=duration=1,format=yuv420p" -q:v 6 -g 250
video motion_scroll "testsrc2=size=320x180:rate=25:duration=1.2,scroll=horizontal=0.05:vertical=0.03" -q:v 6 -g 250
video smptebars_pan "smptehdbars=size=640x360:rate=25:duration=1,crop=w=320:h=240:x='mod(t*900,300)':y='mod(t*400,100)'" -q:v 5 -g 250
video noise_q10 "testsrc2=size=192x108:rate=25:duration=0.6,noise=alls=60:allf=t+u" -q:v 10 -g 250

# Static pictures: the encoder codes repeated frames as 0-byte packets, which FFmpeg's demuxer
# drops; Kinora's decoder repeats the previous picture for them (see README.md).
video dropped_frames "testsrc2=size=64x48:rate=5:duration=1.2,fps=25" -q:v 6 -g 250

# Audio and video together.
$FF -f lavfi -i "testsrc2=size=240x136:rate=25:duration=1.2" \
    -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=1.2" \
    -map 0:v -map 1:a -c:v libtheora -q:v 6 -g 12 -c:a libvorbis -q:a 2 -fflags +bitexact -bitexact av_240x136.ogg

# Theora 3.2.0: the same stream with the version revision byte set to 0 (granules count from 0).
# Picture-region offsets: a frame with the picture region moved inside it.
python3 - <<'PY'
import struct

def crc32_ogg(data):
    crc = 0
    for b in data:
        crc ^= b << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc

def pages(data):
    pos = 0
    while pos < len(data):
        assert data[pos:pos + 4] == b"OggS"
        nseg = data[pos + 26]
        start = pos + 27 + nseg
        end = start + sum(data[pos + 27:start])
        yield pos, start, end
        pos = end

def rewrite(src, dst, fn):
    """Calls fn(page, body_offset, index) on every page of a one-stream file and fixes the CRCs."""
    data = bytearray(open(src, "rb").read())
    for i, (pos, start, end) in enumerate(list(pages(data))):
        page = data[pos:end]
        fn(page, start - pos, i)
        page[22:26] = b"\0\0\0\0"
        page[22:26] = struct.pack("<I", crc32_ogg(bytes(page)))
        data[pos:end] = page
    open(dst, "wb").write(bytes(data))

def to_version_320(page, h, i):
    global shift
    if i == 0:
        assert page[h:h + 7] == b"\x80theora"
        page[h + 9] = 0
        shift = ((page[h + 40] & 3) << 3) | (page[h + 41] >> 5)
        return
    # Theora 3.2.0 numbers frames from 0, 3.2.1 from 1: lower the keyframe part of the granule.
    g = struct.unpack("<q", page[6:14])[0]
    if g > 0:
        g = (((g >> shift) - 1) << shift) | (g & ((1 << shift) - 1))
        page[6:14] = struct.pack("<q", g)

def move_region(page, h, i):
    if i == 0:
        # PICX (byte 20) and PICY (byte 21, counted from the bottom) of the identification header.
        page[h + 20] = 0
        page[h + 21] = 4

def move_region_x(page, h, i):
    if i == 0:
        page[h + 20] = 2
        page[h + 21] = 7

rewrite("testsrc2_320x240_q6.ogg", "version_320.ogg", to_version_320)
rewrite("testsrc2_350x198_q5.ogg", "region_offset.ogg", move_region)
rewrite("testsrc2_350x198_q5.ogg", "region_offset_x.ogg", move_region_x)
PY

for f in *.ogg; do
    ref "${f%.ogg}"
done
