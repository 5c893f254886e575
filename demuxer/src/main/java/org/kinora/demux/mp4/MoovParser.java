package org.kinora.demux.mp4;

import java.util.ArrayList;
import java.util.List;
import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;

/** Parses a buffered {@code moov} box (ISO/IEC 14496-12 8.2 to 8.8) into tracks with their sample tables. */
final class MoovParser {
    /** More samples than this in one track are refused (a bound on memory: about 40 bytes each). */
    static final int MAX_SAMPLES = 1 << 22;
    private static final int MAX_TRACKS = 64;

    final List<Mp4Track> tracks = new ArrayList<>();
    long movieTimescale = 1000;
    long movieDuration = -1;
    boolean fragmented;
    long fragmentDuration = -1;

    private final int[] bounds = new int[1];

    void parse(ByteReader r, int end) {
        while (r.position() < end) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.MVHD) {
                int version = r.readU8();
                r.skip(3);
                r.skip(version == 1 ? 16 : 8);
                movieTimescale = r.readU32BE();
                movieDuration = version == 1 ? r.readS64BE() : r.readU32BE();
                if (movieTimescale == 0) {
                    throw new MalformedStreamException("mvhd timescale 0");
                }
            } else if (type == Boxes.TRAK) {
                if (tracks.size() >= MAX_TRACKS) {
                    throw new MalformedStreamException("more than " + MAX_TRACKS + " tracks");
                }
                Mp4Track t = new TrakParser(this).parse(r, boxEnd);
                if (t != null) {
                    tracks.add(t);
                }
            } else if (type == Boxes.MVEX) {
                fragmented = true;
                parseMvex(r, boxEnd);
            }
            r.setPosition(boxEnd);
        }
    }

    private void parseMvex(ByteReader r, int end) {
        while (r.position() < end) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.MEHD) {
                int version = r.readU8();
                r.skip(3);
                fragmentDuration = version == 1 ? r.readS64BE() : r.readU32BE();
            } else if (type == Boxes.TREX) {
                r.skip(4);
                int trackId = r.readS32BE();
                r.skip(4); // default_sample_description_index
                int duration = r.readS32BE();
                int size = r.readS32BE();
                int flags = r.readS32BE();
                for (Mp4Track t : tracks) {
                    if (t.id == trackId) {
                        t.trexDuration = duration;
                        t.trexSize = size;
                        t.trexFlags = flags;
                    }
                }
            }
            r.setPosition(boxEnd);
        }
    }

    /** The tracks with their TrackInfo; a trak without a usable handler or sample entry is dropped. */
    List<Mp4Track> tracks() {
        List<Mp4Track> out = new ArrayList<>();
        for (Mp4Track t : tracks) {
            if (t.info != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Parses one trak. */
    static final class TrakParser {
        private final MoovParser moov;
        private final int[] bounds = new int[1];
        private Mp4Track track;
        private int rotation;
        private boolean sawHandler;
        private int tkhdWidth;
        private int tkhdHeight;
        private long editMovieEmpty;
        private long editMediaTime;
        private boolean edits;
        private SampleEntryParser entry;
        // raw tables
        private int[] sttsCount;
        private int[] sttsDelta;
        private int[] cttsCount;
        private int[] cttsOffset;
        private int[] stss;
        private int[] stscFirst;
        private int[] stscSamples;
        private int constantSize = -1;
        private int[] sizes;
        private int sampleCountStsz;
        private long[] chunkOffsets;

        TrakParser(MoovParser moov) {
            this.moov = moov;
        }

        Mp4Track parse(ByteReader r, int end) {
            walk(r, end);
            if (track == null || entry == null || entry.info == null) {
                return null;
            }
            buildSamples();
            if (edits) {
                long empty = moov.movieTimescale == 0 ? 0 : editMovieEmpty * track.timescale / moov.movieTimescale;
                track.editShift = empty - editMediaTime;
            }
            TrackInfo.Builder b = entry.info.timescale(track.timescale).duration(track.mediaDuration).rotation(rotation);
            if (track.type == TrackType.VIDEO && sttsCount != null && sttsCount.length == 1 && sttsDelta[0] > 0
                    && track.timescale <= Integer.MAX_VALUE) {
                b.frameRate((int) track.timescale, sttsDelta[0]);
            }
            if (track.type == TrackType.VIDEO && entry.width == 0) {
                b.size(tkhdWidth, tkhdHeight);
            }
            track.info = b.build();
            return track;
        }

        private void walk(ByteReader r, int end) {
            while (r.position() < end) {
                int type = Boxes.child(r, end, bounds);
                int boxEnd = bounds[0];
                if (type == Boxes.TKHD) {
                    tkhd(r);
                } else if (type == Boxes.EDTS || type == Boxes.MDIA || type == Boxes.MINF || type == Boxes.STBL) {
                    walk(r, boxEnd);
                } else if (type == Boxes.ELST) {
                    elst(r);
                } else if (type == Boxes.MDHD) {
                    mdhd(r);
                } else if (type == Boxes.HDLR) {
                    r.skip(8);
                    int handler = r.readS32BE();
                    if (track != null && !sawHandler) {
                        // the mdia's handler; QuickTime's data handler in minf comes second
                        sawHandler = true;
                        track.type = handler == Boxes.VIDE ? TrackType.VIDEO : handler == Boxes.SOUN ? TrackType.AUDIO : TrackType.OTHER;
                    }
                } else if (track != null && type == Boxes.STSD) {
                    entry = new SampleEntryParser(track.id, track.type);
                    entry.parse(r, boxEnd);
                } else if (type == Boxes.STTS) {
                    int n = count(r, boxEnd, 8);
                    sttsCount = new int[n];
                    sttsDelta = new int[n];
                    for (int i = 0; i < n; i++) {
                        sttsCount[i] = r.readS32BE();
                        sttsDelta[i] = r.readS32BE();
                    }
                } else if (type == Boxes.CTTS) {
                    // version 0 offsets are unsigned in the text but written signed by encoders; version 1 is signed
                    int n = count(r, boxEnd, 8);
                    cttsCount = new int[n];
                    cttsOffset = new int[n];
                    for (int i = 0; i < n; i++) {
                        cttsCount[i] = r.readS32BE();
                        cttsOffset[i] = r.readS32BE();
                    }
                } else if (type == Boxes.STSS) {
                    int n = count(r, boxEnd, 4);
                    stss = new int[n];
                    for (int i = 0; i < n; i++) {
                        stss[i] = r.readS32BE();
                    }
                } else if (type == Boxes.SDTP) {
                    r.skip(4); // the per-sample dependency bytes: read by nothing yet (8.6.4)
                } else if (type == Boxes.STSC) {
                    int n = count(r, boxEnd, 12);
                    stscFirst = new int[n];
                    stscSamples = new int[n];
                    for (int i = 0; i < n; i++) {
                        stscFirst[i] = r.readS32BE();
                        stscSamples[i] = r.readS32BE();
                        r.skip(4);
                    }
                } else if (type == Boxes.STSZ) {
                    r.skip(4);
                    int size = r.readS32BE();
                    int n = r.readS32BE();
                    if (n < 0 || n > MAX_SAMPLES) {
                        throw new MalformedStreamException("stsz sample_count " + (n & 0xFFFFFFFFL));
                    }
                    sampleCountStsz = n;
                    if (size != 0) {
                        if (size < 0) {
                            throw new MalformedStreamException("stsz sample_size " + (size & 0xFFFFFFFFL));
                        }
                        constantSize = size;
                    } else {
                        if (n > (boxEnd - r.position()) / 4) {
                            throw new MalformedStreamException("stsz holds fewer than " + n + " sizes");
                        }
                        sizes = new int[n];
                        for (int i = 0; i < n; i++) {
                            sizes[i] = r.readS32BE();
                            if (sizes[i] < 0) {
                                throw new MalformedStreamException("sample size " + (sizes[i] & 0xFFFFFFFFL));
                            }
                        }
                    }
                } else if (type == Boxes.STZ2) {
                    stz2(r, boxEnd);
                } else if (type == Boxes.STCO || type == Boxes.CO64) {
                    boolean wide = type == Boxes.CO64;
                    int n = count(r, boxEnd, wide ? 8 : 4);
                    chunkOffsets = new long[n];
                    for (int i = 0; i < n; i++) {
                        chunkOffsets[i] = wide ? r.readS64BE() : r.readU32BE();
                        if (chunkOffsets[i] < 0) {
                            throw new MalformedStreamException("negative chunk offset");
                        }
                    }
                }
                r.setPosition(boxEnd);
            }
        }

        /** Version/flags, then an entry count that the box's remaining bytes must hold. */
        private static int count(ByteReader r, int end, int entrySize) {
            r.skip(4);
            int n = r.readS32BE();
            if (n < 0 || n > (end - r.position()) / entrySize) {
                throw new MalformedStreamException("entry count " + (n & 0xFFFFFFFFL) + " larger than its box");
            }
            return n;
        }

        private void stz2(ByteReader r, int end) {
            r.skip(7);
            int fieldSize = r.readU8();
            int n = r.readS32BE();
            if (fieldSize != 4 && fieldSize != 8 && fieldSize != 16) {
                throw new MalformedStreamException("stz2 field_size " + fieldSize);
            }
            if (n < 0 || n > MAX_SAMPLES || (long) n * fieldSize > 8L * (end - r.position())) {
                throw new MalformedStreamException("stz2 sample_count " + (n & 0xFFFFFFFFL) + " larger than its box");
            }
            sampleCountStsz = n;
            sizes = new int[n];
            for (int i = 0; i < n; i++) {
                if (fieldSize == 16) {
                    sizes[i] = r.readU16BE();
                } else if (fieldSize == 8) {
                    sizes[i] = r.readU8();
                } else {
                    int b = r.data()[r.position()] & 0xFF;
                    sizes[i] = (i & 1) == 0 ? b >> 4 : b & 15;
                    if ((i & 1) == 1 || i == n - 1) {
                        r.skip(1);
                    }
                }
            }
        }

        private void tkhd(ByteReader r) {
            int version = r.readU8();
            r.skip(3);
            r.skip(version == 1 ? 16 : 8);
            int id = r.readS32BE();
            track = new Mp4Track(id);
            r.skip(4);
            r.skip(version == 1 ? 8 : 4);
            r.skip(8 + 2 + 2 + 2 + 2);
            int a = r.readS32BE();
            int b = r.readS32BE();
            r.skip(4);
            int c = r.readS32BE();
            int d = r.readS32BE();
            r.skip(16);
            tkhdWidth = r.readS32BE() >>> 16;
            tkhdHeight = r.readS32BE() >>> 16;
            // 8.3.2.3 matrix {a, b, u, c, d, v, x, y, w}: the rotation it describes, clockwise
            if (a == 0 && d == 0 && b > 0 && c < 0) {
                rotation = 90;
            } else if (a < 0 && d < 0 && b == 0 && c == 0) {
                rotation = 180;
            } else if (a == 0 && d == 0 && b < 0 && c > 0) {
                rotation = 270;
            }
        }

        private void elst(ByteReader r) {
            int version = r.readU8();
            r.skip(3);
            int n = r.readS32BE();
            if (n < 0 || n > r.bytesLeft() / (version == 1 ? 20 : 12)) {
                throw new MalformedStreamException("elst entry count " + (n & 0xFFFFFFFFL));
            }
            // 8.6.6: leading empty edits delay the track; the first edit with media shows media_time on
            long empty = 0;
            for (int i = 0; i < n; i++) {
                long segmentDuration = version == 1 ? r.readS64BE() : r.readU32BE();
                long mediaTime = version == 1 ? r.readS64BE() : r.readS32BE();
                r.skip(4);
                if (mediaTime == -1) {
                    empty += segmentDuration;
                    continue;
                }
                if (mediaTime < 0 || segmentDuration < 0 || empty < 0) {
                    throw new MalformedStreamException("elst media_time " + mediaTime);
                }
                editMovieEmpty = empty;
                editMediaTime = mediaTime;
                edits = true;
                return;
            }
        }

        private void mdhd(ByteReader r) {
            if (track == null) {
                throw new MalformedStreamException("mdhd before tkhd");
            }
            int version = r.readU8();
            r.skip(3);
            r.skip(version == 1 ? 16 : 8);
            track.timescale = r.readU32BE();
            track.mediaDuration = version == 1 ? r.readS64BE() : r.readU32BE();
            if (track.timescale == 0) {
                throw new MalformedStreamException("mdhd timescale 0");
            }
        }

        /** Sample tables to per-sample arrays (8.6.1.2, 8.6.1.3, 8.6.2, 8.7.3, 8.7.4, 8.7.5). */
        private void buildSamples() {
            int n = sampleCountStsz;
            if (chunkOffsets == null || stscFirst == null || sttsCount == null) {
                if (n > 0) {
                    throw new MalformedStreamException("track " + track.id + ": sample table incomplete");
                }
            }
            boolean pcm = track.type == TrackType.AUDIO && constantSize > 0 && sttsCount != null && sttsCount.length == 1
                    && sttsDelta[0] == 1;
            if (pcm) {
                buildPcmPackets();
                return;
            }
            track.sampleCount = n;
            track.offset = new long[n];
            track.size = new int[n];
            track.dts = new long[n];
            track.duration = new int[n];
            track.cts = new int[n];
            if (n == 0) {
                return;
            }
            // chunks
            int s = 0;
            for (int e = 0; e < stscFirst.length && s < n; e++) {
                int first = stscFirst[e];
                int next = e + 1 < stscFirst.length ? stscFirst[e + 1] : chunkOffsets.length + 1;
                if (first < 1 || next <= first && e + 1 < stscFirst.length) {
                    throw new MalformedStreamException("stsc first_chunk " + first + " out of order");
                }
                int perChunk = stscSamples[e];
                if (perChunk < 0) {
                    throw new MalformedStreamException("stsc samples_per_chunk " + perChunk);
                }
                for (int c = first; c < next && c <= chunkOffsets.length && s < n; c++) {
                    long pos = chunkOffsets[c - 1];
                    for (int k = 0; k < perChunk && s < n; k++) {
                        int size = sizes != null ? sizes[s] : constantSize;
                        track.offset[s] = pos;
                        track.size[s] = size;
                        pos += size;
                        s++;
                    }
                }
            }
            if (s < n) {
                throw new MalformedStreamException("track " + track.id + ": chunks hold " + s + " of " + n + " samples");
            }
            // decoding times
            long t = 0;
            s = 0;
            for (int e = 0; e < sttsCount.length && s < n; e++) {
                for (long k = 0; k < (sttsCount[e] & 0xFFFFFFFFL) && s < n; k++) {
                    track.dts[s] = t;
                    track.duration[s] = sttsDelta[e];
                    t += sttsDelta[e];
                    s++;
                }
            }
            for (; s < n; s++) {
                track.dts[s] = t; // stts shorter than the sample count: the rest repeat the last time
            }
            if (cttsCount != null) {
                s = 0;
                for (int e = 0; e < cttsCount.length && s < n; e++) {
                    for (long k = 0; k < (cttsCount[e] & 0xFFFFFFFFL) && s < n; k++) {
                        track.cts[s++] = cttsOffset[e];
                    }
                    if (cttsOffset[e] < -track.dtsShift) {
                        track.dtsShift = -(long) cttsOffset[e];
                    }
                }
            }
            if (stss != null) {
                track.sync = new boolean[n];
                for (int v : stss) {
                    if (v >= 1 && v <= n) {
                        track.sync[v - 1] = true;
                    }
                }
            }
        }

        /** Constant-size one-tick samples (PCM, G.711): each chunk becomes packets of at most 1024 samples, as FFmpeg reads them. */
        private void buildPcmPackets() {
            int total = sampleCountStsz;
            long packets = 0;
            int s = 0;
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 1) {
                    if (packets > MAX_SAMPLES) {
                        throw new MalformedStreamException("too many PCM packets");
                    }
                    int n = (int) packets;
                    track.sampleCount = n;
                    track.offset = new long[n];
                    track.size = new int[n];
                    track.dts = new long[n];
                    track.duration = new int[n];
                    track.cts = new int[n];
                }
                int p = 0;
                s = 0;
                for (int e = 0; e < stscFirst.length && s < total; e++) {
                    int first = stscFirst[e];
                    int next = e + 1 < stscFirst.length ? stscFirst[e + 1] : chunkOffsets.length + 1;
                    if (first < 1 || next <= first && e + 1 < stscFirst.length) {
                        throw new MalformedStreamException("stsc first_chunk " + first + " out of order");
                    }
                    int perChunk = stscSamples[e];
                    if (perChunk < 0) {
                        throw new MalformedStreamException("stsc samples_per_chunk " + perChunk);
                    }
                    for (int c = first; c < next && c <= chunkOffsets.length && s < total; c++) {
                        long pos = chunkOffsets[c - 1];
                        int left = Math.min(perChunk, total - s);
                        while (left > 0) {
                            int k = Math.min(1024, left);
                            if (pass == 1) {
                                track.offset[p] = pos;
                                track.size[p] = k * constantSize;
                                track.dts[p] = s;
                                track.duration[p] = k;
                            }
                            if (constantSize > 0 && (long) k * constantSize > Integer.MAX_VALUE) {
                                throw new MalformedStreamException("PCM packet too large");
                            }
                            pos += (long) k * constantSize;
                            s += k;
                            left -= k;
                            p++;
                        }
                    }
                }
                packets = p;
            }
        }
    }
}
