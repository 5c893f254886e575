package org.kinora.demux.ogg;

import java.util.ArrayList;
import java.util.List;
import org.kinora.core.TrackInfo;

/** One logical bitstream of the current chain (RFC 3533 section 4): its packet assembly and headers. */
final class OggStream {
    final int serial;
    /** The codec, or null for a stream we skip (Skeleton, unknown codecs). */
    final OggCodec codec;
    final List<byte[]> headers = new ArrayList<>();
    /** The packet being assembled across pages, or null. */
    OggPacketEntry partial;
    /** Sequence number of the last page seen, or -1. */
    long lastSequence = -1;
    boolean eos;
    /** Set once the headers are complete. */
    TrackInfo track;
    /** True when the stream's headers were broken or never completed: its pages are ignored. */
    boolean disabled;
    /** Added to every timestamp: where this link of a chain starts, in the track's ticks. */
    long ptsOffset;

    OggStream(int serial, OggCodec codec) {
        this.serial = serial;
        this.codec = codec;
        this.disabled = codec == null;
    }

    boolean headersDone() {
        return codec != null && headers.size() >= codec.headerCount();
    }
}
