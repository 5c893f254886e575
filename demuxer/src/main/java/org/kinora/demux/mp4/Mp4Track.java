package org.kinora.demux.mp4;

import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/** One {@code trak}: what the decoder needs, its sample table and its fragment defaults. */
final class Mp4Track {
    final int id;
    TrackType type = TrackType.OTHER;
    TrackInfo info;
    /** mdhd timescale. */
    long timescale;
    long mediaDuration = -1;
    /** Ticks added to every dts and pts: leading empty edits minus the first edit's media_time (ISO/IEC 14496-12 8.6.6). */
    long editShift;
    /** The largest negative composition offset, negated (ctts/trun version 1): FFmpeg's dts_shift. */
    long dtsShift;

    // sample table (ISO/IEC 14496-12 8.6, 8.7); for PCM, chunks cut into packets of at most 1024 samples
    int sampleCount;
    long[] offset;
    int[] size;
    long[] dts;
    int[] duration;
    int[] cts;
    /** Sync samples, or null when every sample is one (no stss). */
    boolean[] sync;

    // track extends defaults (8.8.3)
    int trexDuration;
    int trexSize;
    int trexFlags;
    /** Decode time of the next fragment sample when a traf has no tfdt. */
    long fragmentDts;

    Mp4Track(int id) {
        this.id = id;
    }

    boolean isSync(int i) {
        return sync == null || sync[i];
    }
}
