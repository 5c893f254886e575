package org.kinora.demux.ogg;

import org.kinora.core.Packet;

/** One reassembled packet waiting to be delivered; its buffer is recycled. */
final class OggPacketEntry {
    byte[] data = new byte[256];
    int length;
    int serial;
    long pts = Packet.NO_TIMESTAMP;
    long duration;
    boolean keyframe;
    int trimStart;
    int trimEnd;

    void clear(int serial) {
        this.serial = serial;
        length = 0;
        pts = Packet.NO_TIMESTAMP;
        duration = 0;
        keyframe = false;
        trimStart = 0;
        trimEnd = 0;
    }

    void append(byte[] src, int offset, int n, int maxSize) {
        int need = length + n;
        if (need > maxSize) {
            throw new org.kinora.core.MalformedStreamException("Ogg packet larger than " + maxSize + " bytes");
        }
        if (need > data.length) {
            byte[] d = new byte[Math.max(need, Math.min(maxSize, data.length * 2))];
            System.arraycopy(data, 0, d, 0, length);
            data = d;
        }
        System.arraycopy(src, offset, data, length, n);
        length = need;
    }

    byte[] copyBytes() {
        byte[] out = new byte[length];
        System.arraycopy(data, 0, out, 0, length);
        return out;
    }
}
