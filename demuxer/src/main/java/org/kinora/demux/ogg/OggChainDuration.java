package org.kinora.demux.ogg;

import java.util.List;
import org.kinora.core.MediaException;
import org.kinora.demux.Demuxer;

/**
 * The duration of a chained file (RFC 3533 section 4: links one after the other, each with its own
 * logical streams): the sum of its links' durations, found through SEEK requests without reading
 * the whole file. For each link in turn: bisection on byte offsets finds the first page of the next
 * link (the first page whose serial number is not one of this link's, as libvorbisfile does); the
 * pages just before that boundary give the link's last granule positions, hence its duration; the
 * next link's BOS pages name its streams and their codecs (the identification header, in the BOS
 * page, is all a granule position's time needs). The last link ends at the end of the file.
 */
final class OggChainDuration {
    /** Links followed at most; a longer chain gets no duration. */
    static final int MAX_LINKS = 4096;
    private static final int FIND_END = 1;
    private static final int TAIL = 2;
    private static final int BOS = 3;

    private final OggDemuxer d;
    private int mode;
    private int links;
    private double seconds;

    // ---- the current link
    private int[] serials = new int[0];
    private OggCodec[] codecs = new OggCodec[0];
    private long[] lastGranule = new long[0];
    private int count;

    // ---- bisection for the current link's end
    private long searched;
    private long endSearched;
    private long next;
    private long tailEnd;

    OggChainDuration(OggDemuxer d) {
        this.d = d;
    }

    /** Starts with the first link, whose streams the demuxer has read; its data starts at {@code dataStart}. */
    void start(List<OggStream> first, long dataStart) {
        seconds = 0;
        links = 0;
        count = 0;
        for (OggStream s : first) {
            add(s.serial, s.track != null ? s.codec : null);
        }
        findEnd(dataStart);
    }

    /**
     * One step: {@link Demuxer#NEED_MORE_DATA}, or -1 when the caller should loop (a SEEK was
     * requested or the probe moved on), or -2 when done ({@link #seconds()} holds the result).
     */
    int step() {
        while (d.nextPage()) {
            OggPage page = d.page;
            if (mode == FIND_END) {
                if (contains(page.serial)) {
                    searched = page.fileOffset + page.length;
                } else {
                    endSearched = bisectPoint();
                    next = page.fileOffset;
                }
                return bisect();
            } else if (mode == TAIL) {
                if (page.fileOffset >= tailEnd) {
                    return endOfLink();
                }
                int i = indexOf(page.serial);
                if (i >= 0 && page.granule >= 0) {
                    lastGranule[i] = page.granule;
                }
            } else if (mode == BOS) {
                if (page.bos()) {
                    if (count >= OggDemuxer.MAX_STREAMS) {
                        return fail();
                    }
                    add(page.serial, identify(page));
                } else {
                    if (count == 0) {
                        return fail();
                    }
                    findEnd(page.fileOffset);
                    return -1;
                }
            }
        }
        if (!d.inputEnded() && d.readPosition() < d.inputLength()) {
            return Demuxer.NEED_MORE_DATA;
        }
        // the end of the input
        if (mode == FIND_END) {
            endSearched = bisectPoint();
            return bisect();
        } else if (mode == TAIL) {
            return endOfLink();
        }
        return fail();
    }

    /** The chain's duration, NaN when it could not be found. */
    double seconds() {
        return seconds;
    }

    private void findEnd(long linkData) {
        if (++links > MAX_LINKS) {
            fail();
            return;
        }
        mode = FIND_END;
        searched = linkData;
        endSearched = d.inputLength();
        next = d.inputLength();
        bisect();
    }

    private long bisectPoint() {
        return searched + (endSearched - searched) / 2;
    }

    /** Asks for the page at the middle of the range left, or reads the link's tail once it is empty. */
    private int bisect() {
        if (searched >= endSearched) {
            // [searched, next) holds no page start: next is the next link's first page (or the end)
            mode = TAIL;
            tailEnd = next;
            d.requestSeek(Math.max(searched - OggSeeker.TAIL, 0));
            return -1;
        }
        d.requestSeek(bisectPoint());
        return -1;
    }

    private int endOfLink() {
        double link = 0;
        for (int i = 0; i < count; i++) {
            if (codecs[i] == null || lastGranule[i] < 0) {
                continue;
            }
            long t = codecs[i].granuleToEndTicks(lastGranule[i]);
            if (t >= 0) {
                link = Math.max(link, (double) t / codecs[i].timescale());
            }
        }
        seconds += link;
        if (tailEnd >= d.inputLength()) {
            mode = 0;
            return -2;
        }
        count = 0;
        mode = BOS;
        d.requestSeek(tailEnd);
        return -1;
    }

    private int fail() {
        seconds = Double.NaN;
        mode = 0;
        return -2;
    }

    private void add(int serial, OggCodec codec) {
        if (count == serials.length) {
            int n = Math.max(4, count * 2);
            serials = java.util.Arrays.copyOf(serials, n);
            codecs = java.util.Arrays.copyOf(codecs, n);
            lastGranule = java.util.Arrays.copyOf(lastGranule, n);
        }
        serials[count] = serial;
        codecs[count] = codec;
        lastGranule[count] = -1;
        count++;
    }

    private int indexOf(int serial) {
        for (int i = 0; i < count; i++) {
            if (serials[i] == serial) {
                return i;
            }
        }
        return -1;
    }

    private boolean contains(int serial) {
        return indexOf(serial) >= 0;
    }

    /** The codec of a BOS page's first packet, with its identification header read; null if none we know. */
    private static OggCodec identify(OggPage page) {
        int length = 0;
        int i = 0;
        for (; i < page.segments; i++) {
            int lace = page.data[page.segmentTableOffset + i] & 0xFF;
            length += lace;
            if (lace < 255) {
                break;
            }
        }
        if (i == page.segments) {
            return null; // the first packet does not end on its BOS page
        }
        byte[] packet = java.util.Arrays.copyOfRange(page.data, page.bodyOffset, page.bodyOffset + length);
        OggCodec codec = OggCodec.identify(packet, length);
        if (codec == null) {
            return null;
        }
        try {
            codec.parseHeader(0, packet, length);
        } catch (MediaException e) {
            return null;
        }
        return codec;
    }
}
