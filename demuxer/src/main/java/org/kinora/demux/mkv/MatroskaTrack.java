package org.kinora.demux.mkv;

import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/** One TrackEntry (RFC 9559 5.1.4.1). */
final class MatroskaTrack {
    int number;
    TrackType type = TrackType.OTHER;
    String codecId = "";
    byte[] codecPrivate;
    long defaultDuration;
    long codecDelay;
    long seekPreRoll;
    String language;
    int pixelWidth;
    int pixelHeight;
    int displayWidth;
    int displayHeight;
    int matrix = 2;
    int transfer = 2;
    int primaries = 2;
    int range;
    boolean colour;
    double samplingFrequency = 8000;
    int channels = 1;
    /** ContentCompAlgo 3 (header stripping): these bytes start every frame. */
    byte[] strippedHeader;
    TrackInfo info;
}
