#!/usr/bin/env bash
# Fixtures of the player's browser tests (seeking, the clock, damaged packets), made with
# Debian's ffmpeg 5.1 (libtheora, libvorbis) and python3 for the one patched file.
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }

# seek_gop.ogg: 6 s, 160x120 at 25 fps, keyframes every 75 frames (3 s). A slowly moving pattern
# (so that the encoder codes inter frames, not scene cuts) with a 48x48 box in the centre whose
# flat colour changes by large steps from frame to frame: the picture shown after a seek
# identifies its frame, and it is right only when decoding started at the keyframe before it.
# 22.05 kHz mono Vorbis tone.
box="lt(abs(X-80),24)*lt(abs(Y-60),24)"
ff -f lavfi -i "color=c=black:size=160x120:rate=25:duration=6,format=yuv444p,geq=lum='if($box,0,128+50*sin((X+2*N)/6)*cos((Y+N)/9))':cb=128:cr=128,format=rgb24,geq=r='if($box,mod(N*37+40,200)+20,r(X,Y))':g='if($box,mod(N*91+90,200)+20,g(X,Y))':b='if($box,mod(N*53+10,200)+20,b(X,Y))',format=yuv420p" \
   -f lavfi -i "sine=frequency=330:sample_rate=22050:duration=6" \
   -map 0:v -map 1:a -c:v libtheora -q:v 7 -g 75 -c:a libvorbis -q:a 0 -fflags +bitexact seek_gop.ogg
# Its reference: per decoded frame, "pts r g b", the RGB average of the central 32x32 block as
# ffmpeg decodes it and converts it (BT.601, limited range, as the player's renderer).
ff -i seek_gop.ogg -map 0:v -vf "crop=32:32:64:44,scale=1:1:flags=area,format=rgb24" -f rawvideo - \
  | od -An -v -tu1 -w3 | awk '{ printf "%d %d %d %d\n", NR - 1, $1, $2, $3 }' > seek_gop.colours

# short_audio.ogg: 2 s of video, 1 s of sound: the clock must go on after the sound ends.
ff -f lavfi -i "testsrc2=size=96x64:rate=25:duration=2" \
   -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=1" \
   -map 0:v -map 1:a -c:v libtheora -q:v 5 -g 25 -c:a libvorbis -q:a 0 -fflags +bitexact short_audio.ogg

# damaged.ogg: 2 s, 96x64 at 25 fps, keyframes every 10 frames, and a Vorbis tone; the keyframe
# at frame 20 has its reserved header bits set (Theora I 7.1 requires zeros), the page CRC
# fixed, so the demuxer delivers it and the decoder refuses it: frames 20 to 29 cannot be decoded.
ff -f lavfi -i "testsrc2=size=96x64:rate=25:duration=2" \
   -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=2" \
   -map 0:v -map 1:a -c:v libtheora -q:v 5 -g 10 -c:a libvorbis -q:a 0 -fflags +bitexact damaged-src.ogg
python3 damage.py damaged-src.ogg damaged.ogg 20
rm damaged-src.ogg

# chained.ogg: two links (RFC 3533 chaining: the second file's pages follow the first's, with
# other serial numbers). Link 1: 1 s of 96x64 Theora with 22.05 kHz mono Vorbis; link 2: 1 s of
# 128x96 Theora with 44.1 kHz stereo Vorbis. 25 frames each.
ff -f lavfi -i "testsrc2=size=96x64:rate=25:duration=1" \
   -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=1" \
   -map 0:v -map 1:a -c:v libtheora -q:v 5 -g 25 -c:a libvorbis -q:a 0 -fflags +bitexact chain1.ogg
ff -f lavfi -i "testsrc2=size=128x96:rate=25:duration=1,hflip" \
   -f lavfi -i "sine=frequency=660:sample_rate=44100:duration=1,aformat=channel_layouts=stereo" \
   -map 0:v -map 1:a -c:v libtheora -q:v 5 -g 25 -c:a libvorbis -q:a 0 -fflags +bitexact -serial_offset 1000 chain2.ogg
cat chain1.ogg chain2.ogg > chained.ogg
rm chain1.ogg chain2.ogg
