#!/usr/bin/env python3
"""Rewrites an FLV file's Enhanced RTMP 'hvc1' video tags as legacy video codec id 12 tags
(FrameType|12, AVCPacketType 0/1/2, SI24 composition time), the HEVC-in-FLV form Chinese CDNs
and WXInlinePlayer use. Other tags are copied unchanged; command frames (FFmpeg's colour
metadata) are dropped. Usage: to-codec12.py IN.flv OUT.flv"""
import struct
import sys


def main(src, dst):
    d = open(src, 'rb').read()
    if d[:3] != b'FLV':
        sys.exit('not an FLV file')
    offset = struct.unpack('>I', d[5:9])[0]
    out = bytearray(d[:offset]) + b'\0\0\0\0'
    p = offset + 4
    while p + 11 <= len(d):
        ttype = d[p] & 0x1F
        size = int.from_bytes(d[p + 1:p + 4], 'big')
        header = bytearray(d[p:p + 11])
        body = d[p + 11:p + 11 + size]
        p += 11 + size + 4
        if ttype == 9 and body and body[0] & 0x80:
            frame_type = (body[0] >> 4) & 7
            packet_type = body[0] & 0x0F
            if frame_type == 5 or body[1:5] != b'hvc1':
                continue
            rest = body[5:]
            if packet_type == 0:
                body = bytes([(frame_type << 4) | 12, 0, 0, 0, 0]) + rest
            elif packet_type == 1:
                body = bytes([(frame_type << 4) | 12, 1]) + rest[:3] + rest[3:]
            elif packet_type == 3:
                body = bytes([(frame_type << 4) | 12, 1, 0, 0, 0]) + rest
            elif packet_type == 2:
                body = bytes([(frame_type << 4) | 12, 2, 0, 0, 0])
            else:
                continue
            header[1:4] = len(body).to_bytes(3, 'big')
        out += header + body + struct.pack('>I', 11 + len(body))
    open(dst, 'wb').write(out)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
