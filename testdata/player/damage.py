#!/usr/bin/env python3
"""Sets the reserved bits of the Nth Theora keyframe header in an Ogg file and fixes the page CRC.

usage: damage.py IN OUT FRAME  (FRAME: index of a keyframe among the Theora data packets)
"""
import sys


def crc_table():
    t = []
    for i in range(256):
        r = i << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else (r << 1)
        t.append(r & 0xFFFFFFFF)
    return t


TABLE = crc_table()


def crc(data):
    r = 0
    for b in data:
        r = ((r << 8) ^ TABLE[((r >> 24) ^ b) & 0xFF]) & 0xFFFFFFFF
    return r


def main():
    src, dst, frame = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = bytearray(open(src, 'rb').read())
    pos = 0
    theora = None
    packets = {}  # serial -> packet index of the next packet start
    starts = []   # (serial, packet index, page offset, byte offset of the packet's first byte)
    continuing = {}
    while pos < len(data):
        assert data[pos:pos + 4] == b'OggS'
        serial = int.from_bytes(data[pos + 14:pos + 18], 'little')
        nseg = data[pos + 26]
        lacing = data[pos + 27:pos + 27 + nseg]
        body = pos + 27 + nseg
        if data[pos + 5] & 2 and data[body + 1:body + 7] == b'theora':
            theora = serial
        off = body
        for lace in lacing:
            if not continuing.get(serial):
                n = packets.get(serial, 0)
                starts.append((serial, n, pos, off))
                packets[serial] = n + 1
            continuing[serial] = lace == 255
            off += lace
        pos = off
    data_packets = [s for s in starts if s[0] == theora and s[1] >= 3]
    serial, n, page, at = data_packets[frame]
    first = data[at]
    assert first & 0xC0 == 0, 'frame %d is not a keyframe data packet' % frame

    def bit(p):
        return (data[at + (p >> 3)] >> (7 - (p & 7))) & 1

    # Theora I 7.1: FTYPE, QIS[0] (6 bits), MOREQIS, [QIS[1], MOREQIS, [QIS[2]]], then 3 reserved bits.
    p = 8
    if bit(p):
        p += 7
        if bit(p):
            p += 7
        else:
            p += 1
    else:
        p += 1
    for i in range(p, p + 3):
        data[at + (i >> 3)] |= 0x80 >> (i & 7)
    data[page + 22:page + 26] = b'\0\0\0\0'
    nseg = data[page + 26]
    end = page + 27 + nseg + sum(data[page + 27:page + 27 + nseg])
    data[page + 22:page + 26] = crc(data[page:end]).to_bytes(4, 'little')
    open(dst, 'wb').write(data)


main()
