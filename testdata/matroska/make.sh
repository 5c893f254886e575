#!/usr/bin/env bash
# Regenerates the Matroska/WebM fixtures and their references with Debian's ffmpeg, x265 and
# mkvmerge. NAME.packets is `ffprobe -show_packets -show_data_hash MD5` in compact form: one line
# per packet, stream_index|pts|dts|duration|size|flags|data_hash, in file order.
set -euo pipefail
cd "$(dirname "$0")"
V="-f lavfi -i testsrc2=size=96x64:rate=25"
A="-f lavfi -i sine=frequency=440:sample_rate=22050"
q() { ffmpeg -v error -y "$@"; }
packets() {
    ffprobe -v error -show_packets -show_data_hash MD5 \
        -show_entries packet=stream_index,pts,dts,duration,size,flags,data_hash -of compact=p=0:nk=1 "$1" |
        # side data (skip samples) is printed inside a record: keep the seven fields
        awk -F'|' '{ r = r $0 } /MD5:/ { n = split(r, a, "|"); print a[1] "|" a[2] "|" a[3] "|" a[4] "|" a[5] "|" a[6] "|" a[n]; r = "" }' \
        > "${1%.*}.packets"
}
# Theora + Vorbis (Xiph-laced CodecPrivate), with Cues; decoded and compared with ffmpeg
q $V $A -t 1 -c:v libtheora -q:v 5 -g 12 -c:a libvorbis -q:a 2 theora_vorbis.mkv
ffmpeg -v error -i theora_vorbis.mkv -map 0:v -f framemd5 -y theora_vorbis.framemd5
ffmpeg -v error -i theora_vorbis.mkv -map 0:a -f s16le - | gzip -n9 > theora_vorbis.s16.gz
# WebM Vorbis
q $A -t 1 -c:a libvorbis -q:a 2 vorbis.webm
ffmpeg -v error -i vorbis.webm -map 0:a -f s16le - | gzip -n9 > vorbis.s16.gz
# live-style WebM: unknown-size Segment and Clusters, no Cues
q $A -t 1 -c:a libvorbis -q:a 2 -live 1 -f webm live.webm
# HEVC + AAC remuxed by mkvmerge: AAC EBML-laced, no Cues
q $V $A -t 1 -c:v libx265 -x265-params log-level=error:keyint=10 -c:a aac -b:a 32k hevc_aac_src.mkv
mkvmerge -q --engage lacing_ebml -o hevc_aac_laced.mkv --no-cues hevc_aac_src.mkv
rm hevc_aac_src.mkv
# Theora + Vorbis, the Vorbis Xiph-laced by mkvmerge, no Cues
mkvmerge -q --engage lacing_xiph -o laced_nocues.mkv --no-cues theora_vorbis.mkv
# HEVC intra only (decoded and compared with ffmpeg's framemd5)
q $V -t 0.2 -c:v libx265 -x265-params log-level=error:keyint=1 hevc_intra.mkv
ffmpeg -v error -i hevc_intra.mkv -map 0:v -f framemd5 -y hevc_intra.framemd5
# Colour and display aspect: BT.709 limited range, 4:3 pixels
q $V -t 0.2 -c:v libtheora -vf setsar=4/3 -color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv colour.mkv
for f in *.mkv *.webm; do packets "$f"; done
