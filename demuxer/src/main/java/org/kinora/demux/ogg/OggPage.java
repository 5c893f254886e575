package org.kinora.demux.ogg;

/** The header fields of one page (RFC 3533 section 6) and where its body lies in the input buffer. */
final class OggPage {
    byte[] data;
    int segmentTableOffset;
    int segments;
    int bodyOffset;
    int bodyLength;
    int length;
    int flags;
    /** Granule position; -1 when no packet ends on the page. */
    long granule;
    int serial;
    /** Page sequence number, unsigned. */
    long sequence;
    /** File offset of the capture pattern. */
    long fileOffset;

    void set(byte[] b, int p, int segments, int bodyLength, long fileOffset) {
        this.data = b;
        this.flags = b[p + 5] & 0xFF;
        long lo = OggCodec.s32le(b, p + 6) & 0xFFFFFFFFL;
        long hi = OggCodec.s32le(b, p + 10);
        this.granule = (hi << 32) | lo;
        this.serial = OggCodec.s32le(b, p + 14);
        this.sequence = OggCodec.s32le(b, p + 18) & 0xFFFFFFFFL;
        this.segments = segments;
        this.segmentTableOffset = p + 27;
        this.bodyOffset = p + 27 + segments;
        this.bodyLength = bodyLength;
        this.length = 27 + segments + bodyLength;
        this.fileOffset = fileOffset;
    }

    boolean continued() {
        return (flags & 1) != 0;
    }

    boolean bos() {
        return (flags & 2) != 0;
    }

    boolean eos() {
        return (flags & 4) != 0;
    }
}
