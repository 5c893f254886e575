#!/bin/sh
# Regenerates the AAC and G.711 fixtures and their references with Debian's ffmpeg (5.1):
#   NAME.aac     ADTS stream made by ffmpeg's native AAC encoder
#   NAME.s16.gz  ffmpeg's decode of it, -f s16le, gzip -9 (every sample, priming included)
#   g711.wav / alaw.wav / mulaw.wav and their .s16 references (bit-exact)
set -e
cd "$(dirname "$0")"
FF="ffmpeg -hide_banner -loglevel error -y"

# music-like: three partials, a slow chirp and a little noise, different per channel
music="0.3*sin(2*PI*(220+40*c)*t)+0.15*sin(2*PI*(1330+170*c)*t+t*t*900)+0.1*sin(2*PI*(5100+300*c)*t)+0.03*(random(c)*2-1)"
# transient-rich: clicks and decaying bursts every 80 ms over a quiet tone (short windows)
trans="if(lt(mod(t,0.08),0.012),0.8*(random(0)*2-1)*exp(-300*mod(t,0.08)),0)+0.1*sin(2*PI*(300+200*c)*t)"
# noise bursts decaying over 15 ms: TNS on long windows
pulses="0.7*exp(-120*mod(t,0.015))*(random(0)*2-1)"
# noisy: band noise and tone, for PNS and intensity stereo
noisy="0.4*(random(c)*2-1)*(0.6+0.4*sin(2*PI*3*t))+0.2*sin(2*PI*660*t)"

enc() { # name rate layout duration expr encoder-options...
  name=$1 rate=$2 layout=$3 dur=$4 expr=$5
  shift 5
  $FF -f lavfi -i "aevalsrc=exprs='$expr':s=$rate:c=$layout:d=$dur" -c:a aac "$@" -f adts "$name.aac"
  $FF -i "$name.aac" -f s16le - | gzip -9n > "$name.s16.gz"
}

c=0 # aevalsrc evaluates one expression per channel; 'c' is not a variable there, so expand it
exprs() { # channels expr
  n=$1 e=$2 out="" i=0
  while [ $i -lt "$n" ]; do
    ei=$(echo "$e" | sed "s/c)/$i)/g; s/(\([0-9]*\)+\([0-9]*\)\*c)/(\1+\2*$i)/g; s/\*c)/*$i)/g")
    out="${out:+$out|}$ei"
    i=$((i + 1))
  done
  echo "$out"
}

enc mono_7k_16k        7350 mono    0.5 "$(exprs 1 "$music")" -b:a 16k  -aac_pns 0
enc mono_8k_16k        8000 mono    0.5 "$(exprs 1 "$music")" -b:a 16k  -aac_pns 0
enc mono_11k_24k      11025 mono    0.4 "$(exprs 1 "$music")" -b:a 24k  -aac_pns 0
enc mono_12k_24k      12000 mono    0.4 "$(exprs 1 "$music")" -b:a 24k  -aac_pns 0
enc mono_16k_32k      16000 mono    0.4 "$(exprs 1 "$music")" -b:a 32k  -aac_pns 0
enc mono_22k_48k      22050 mono    0.3 "$(exprs 1 "$music")" -b:a 48k  -aac_pns 0
enc mono_24k_48k      24000 mono    0.3 "$(exprs 1 "$music")" -b:a 48k  -aac_pns 0
enc mono_32k_64k      32000 mono    0.3 "$(exprs 1 "$music")" -b:a 64k  -aac_pns 0
enc mono_64k_96k      64000 mono    0.2 "$(exprs 1 "$music")" -b:a 96k  -aac_pns 0
enc mono_88k_128k     88200 mono    0.15 "$(exprs 1 "$music")" -b:a 128k -aac_pns 0
enc stereo_44k_128k   44100 stereo  0.5 "$(exprs 2 "$music")" -b:a 128k -aac_pns 0
enc stereo_48k_320k   48000 stereo  0.3 "$(exprs 2 "$music")" -b:a 320k -aac_pns 0
enc stereo_96k_256k   96000 stereo  0.15 "$(exprs 2 "$music")" -b:a 256k -aac_pns 0
enc stereo_44k_ms     44100 stereo  0.4 "$(exprs 2 "$music")" -b:a 96k  -aac_pns 0 -aac_ms 1
enc stereo_44k_is     44100 stereo  0.4 "$(exprs 2 "$noisy")" -b:a 48k  -aac_pns 0 -aac_is 1
enc stereo_44k_tns    44100 stereo  0.5 "$(exprs 2 "$trans")" -b:a 128k -aac_pns 0 -aac_tns 1
enc mono_48k_tns      48000 mono    0.5 "$(exprs 1 "$trans")" -b:a 64k  -aac_pns 0 -aac_tns 1
enc mono_44k_tnslong  44100 mono    0.5 "$(exprs 1 "$pulses")" -b:a 64k  -aac_pns 0 -aac_tns 1
enc surround51_48k    48000 5.1     0.2 "$(exprs 6 "$music")" -b:a 320k -aac_pns 0
enc surround71_48k    48000 7.1     0.15 "$(exprs 8 "$music")" -b:a 320k -aac_pns 0
enc stereo_44k_pce    44100 stereo  0.3 "$(exprs 2 "$music")" -b:a 128k -aac_pns 0 -aac_pce 1
enc surround51_pce    48000 5.1     0.15 "$(exprs 6 "$music")" -b:a 256k -aac_pns 0 -aac_pce 1
enc stereo_44k_pns    44100 stereo  0.4 "$(exprs 2 "$noisy")" -b:a 64k  -aac_pns 1
enc mono_22k_pns      22050 mono    0.4 "$(exprs 1 "$noisy")" -b:a 24k  -aac_pns 1

# M4A (MP4, AudioSpecificConfig in esds, edit list with 1024 samples of priming): ffmpeg's
# output drops the priming and keeps the rest of the last frame
$FF -f lavfi -i "aevalsrc=exprs='$(exprs 2 "$music")':s=44100:c=stereo:d=0.3" -c:a aac -b:a 96k -aac_pns 0 -movflags +faststart stereo_44k_m4a.m4a
$FF -i stereo_44k_m4a.m4a -f s16le - | gzip -9n > stereo_44k_m4a.s16.gz

# G.711: the same 8 kHz signal as A-law and mu-law WAV, and ffmpeg's decode of each
$FF -f lavfi -i "aevalsrc=exprs='$(exprs 1 "$music")':s=8000:c=mono:d=0.5" -c:a pcm_alaw alaw.wav
$FF -f lavfi -i "aevalsrc=exprs='$(exprs 1 "$music")':s=8000:c=mono:d=0.5" -c:a pcm_mulaw mulaw.wav
$FF -i alaw.wav -f s16le alaw.s16
$FF -i mulaw.wav -f s16le mulaw.s16

# packet lists of two ADTS files (ffmpeg's packets hold the 7-byte header, Kinora's do not)
for f in stereo_44k_128k surround51_pce; do
  ffprobe -v error -show_packets -show_entries packet=pts,duration,size -of csv=p=0 "$f.aac" > "$f.packets"
done

# every G.711 code once (bytes 0 to 255) and ffmpeg's 16-bit value of each
python3 -c "import sys; sys.stdout.buffer.write(bytes(range(256)))" > g711_codes.raw
$FF -f alaw -ar 8000 -ac 1 -i g711_codes.raw -f s16le alaw_codes.s16
$FF -f mulaw -ar 8000 -ac 1 -i g711_codes.raw -f s16le mulaw_codes.s16
rm g711_codes.raw
