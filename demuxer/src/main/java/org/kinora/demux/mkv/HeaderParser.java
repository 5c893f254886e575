package org.kinora.demux.mkv;

import java.util.ArrayList;
import java.util.List;
import org.kinora.core.ByteReader;
import org.kinora.core.ColourDescription;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.hevc.params.HevcConfigRecord;
import org.kinora.demux.mp4.AudioSpecificConfig;

/** Parses the buffered level-1 elements that describe a Segment: EBML header, Info, Tracks, SeekHead, Cues. */
final class HeaderParser {
    private static final int MAX_TRACKS = 64;
    private static final int MAX_CUES = 1 << 20;

    private HeaderParser() {
    }

    /** RFC 8794 11.2: the EBML header; only the DocTypes matroska and webm are read. */
    static String ebmlHeader(ByteReader r, int end) {
        String docType = "matroska";
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            if (id == Ebml.DOC_TYPE) {
                docType = r.readAscii(size).trim();
                int nul = docType.indexOf('\0');
                if (nul >= 0) {
                    docType = docType.substring(0, nul);
                }
            } else if (id == Ebml.DOC_TYPE_READ_VERSION) {
                long v = Ebml.readUInt(r, size);
                if (v > 4) {
                    throw new UnsupportedFeatureException("Matroska DocTypeReadVersion " + v);
                }
            } else {
                r.skip(size);
            }
        }
        if (!docType.equals("matroska") && !docType.equals("webm")) {
            throw new UnsupportedFeatureException("EBML DocType " + docType + " is not Matroska");
        }
        return docType;
    }

    /** An element size that must lie within {@code end}. */
    static int size(ByteReader r, int end) {
        long s = Ebml.readSize(r);
        if (s < 0 || s > end - r.position()) {
            throw new MalformedStreamException("EBML element of " + s + " bytes runs past its parent");
        }
        return (int) s;
    }

    /** Info (5.1.2): {TimestampScale, Duration in TimestampScale units or NaN}. */
    static double[] info(ByteReader r, int end) {
        double scale = 1_000_000;
        double duration = Double.NaN;
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            if (id == Ebml.TIMESTAMP_SCALE) {
                scale = Ebml.readUInt(r, size);
                if (scale <= 0) {
                    throw new MalformedStreamException("TimestampScale 0");
                }
            } else if (id == Ebml.DURATION) {
                duration = Ebml.readFloat(r, size);
            } else {
                r.skip(size);
            }
        }
        return new double[] {scale, duration};
    }

    /** SeekHead (5.1.1): the position (relative to the Segment data) of the Cues, or -1. */
    static long cuesPosition(ByteReader r, int end) {
        long cues = -1;
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            if (id != Ebml.SEEK) {
                r.skip(size);
                continue;
            }
            int seekEnd = r.position() + size;
            long seekId = -1;
            long pos = -1;
            while (r.position() < seekEnd) {
                int cid = Ebml.readId(r);
                int csize = size(r, seekEnd);
                if (cid == Ebml.SEEK_ID) {
                    seekId = Ebml.readUInt(r, csize);
                } else if (cid == Ebml.SEEK_POSITION) {
                    pos = Ebml.readUInt(r, csize);
                } else {
                    r.skip(csize);
                }
            }
            if (seekId == Ebml.CUES && pos >= 0) {
                cues = pos;
            }
        }
        return cues;
    }

    /** Cues (5.1.5): for {@code track}, pairs {time (TimestampScale units), cluster position} in {@code out}. */
    static void cues(ByteReader r, int end, int track, List<long[]> out) {
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            if (id != Ebml.CUE_POINT) {
                r.skip(size);
                continue;
            }
            int pointEnd = r.position() + size;
            long time = -1;
            while (r.position() < pointEnd) {
                int cid = Ebml.readId(r);
                int csize = size(r, pointEnd);
                if (cid == Ebml.CUE_TIME) {
                    time = Ebml.readUInt(r, csize);
                } else if (cid == Ebml.CUE_TRACK_POSITIONS) {
                    int posEnd = r.position() + csize;
                    long t = -1;
                    long cluster = -1;
                    while (r.position() < posEnd) {
                        int pid = Ebml.readId(r);
                        int psize = size(r, posEnd);
                        if (pid == Ebml.CUE_TRACK) {
                            t = Ebml.readUInt(r, psize);
                        } else if (pid == Ebml.CUE_CLUSTER_POSITION) {
                            cluster = Ebml.readUInt(r, psize);
                        } else {
                            r.skip(psize);
                        }
                    }
                    if (t == track && time >= 0 && cluster >= 0 && out.size() < MAX_CUES) {
                        out.add(new long[] {time, cluster});
                    }
                } else {
                    r.skip(csize);
                }
            }
        }
    }

    /** Tracks (5.1.4). */
    static List<MatroskaTrack> tracks(ByteReader r, int end, long timestampScale) {
        List<MatroskaTrack> list = new ArrayList<>();
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            if (id != Ebml.TRACK_ENTRY) {
                r.skip(size);
                continue;
            }
            if (list.size() >= MAX_TRACKS) {
                throw new MalformedStreamException("more than " + MAX_TRACKS + " tracks");
            }
            MatroskaTrack t = new MatroskaTrack();
            trackEntry(r, r.position() + size, t);
            if (t.number <= 0) {
                throw new MalformedStreamException("TrackNumber " + t.number);
            }
            t.info = trackInfo(t, timestampScale);
            list.add(t);
        }
        return list;
    }

    private static void trackEntry(ByteReader r, int end, MatroskaTrack t) {
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            int elementEnd = r.position() + size;
            switch (id) {
                case Ebml.TRACK_NUMBER:
                    long n = Ebml.readUInt(r, size);
                    t.number = n > Integer.MAX_VALUE ? -1 : (int) n;
                    break;
                case Ebml.TRACK_TYPE:
                    long type = Ebml.readUInt(r, size);
                    t.type = type == 1 ? TrackType.VIDEO : type == 2 ? TrackType.AUDIO : TrackType.OTHER;
                    break;
                case Ebml.CODEC_ID:
                    t.codecId = r.readAscii(size).trim();
                    break;
                case Ebml.CODEC_PRIVATE:
                    t.codecPrivate = r.readBytes(size);
                    break;
                case Ebml.DEFAULT_DURATION:
                    t.defaultDuration = Ebml.readUInt(r, size);
                    break;
                case Ebml.CODEC_DELAY:
                    t.codecDelay = Ebml.readUInt(r, size);
                    break;
                case Ebml.SEEK_PRE_ROLL:
                    t.seekPreRoll = Ebml.readUInt(r, size);
                    break;
                case Ebml.LANGUAGE:
                    t.language = r.readAscii(size).trim();
                    break;
                case Ebml.VIDEO:
                    video(r, elementEnd, t);
                    break;
                case Ebml.AUDIO:
                    audio(r, elementEnd, t);
                    break;
                case Ebml.CONTENT_ENCODINGS:
                    contentEncodings(r, elementEnd, t);
                    break;
                default:
                    break;
            }
            r.setPosition(elementEnd);
        }
    }

    private static void video(ByteReader r, int end, MatroskaTrack t) {
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            int elementEnd = r.position() + size;
            if (id == Ebml.PIXEL_WIDTH) {
                t.pixelWidth = (int) Math.min(Ebml.readUInt(r, size), 1 << 16);
            } else if (id == Ebml.PIXEL_HEIGHT) {
                t.pixelHeight = (int) Math.min(Ebml.readUInt(r, size), 1 << 16);
            } else if (id == Ebml.DISPLAY_WIDTH) {
                t.displayWidth = (int) Math.min(Ebml.readUInt(r, size), 1 << 16);
            } else if (id == Ebml.DISPLAY_HEIGHT) {
                t.displayHeight = (int) Math.min(Ebml.readUInt(r, size), 1 << 16);
            } else if (id == Ebml.COLOUR) {
                t.colour = true;
                while (r.position() < elementEnd) {
                    int cid = Ebml.readId(r);
                    int csize = size(r, elementEnd);
                    int v = csize <= 8 && csize > 0 ? (int) Math.min(Ebml.readUInt(r, csize), 255) : 0;
                    if (csize > 8) {
                        r.skip(csize);
                    }
                    if (cid == Ebml.MATRIX_COEFFICIENTS) {
                        t.matrix = v;
                    } else if (cid == Ebml.TRANSFER_CHARACTERISTICS) {
                        t.transfer = v;
                    } else if (cid == Ebml.PRIMARIES) {
                        t.primaries = v;
                    } else if (cid == Ebml.RANGE) {
                        t.range = v;
                    }
                }
            }
            r.setPosition(elementEnd);
        }
    }

    private static void audio(ByteReader r, int end, MatroskaTrack t) {
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            int elementEnd = r.position() + size;
            if (id == Ebml.SAMPLING_FREQUENCY) {
                t.samplingFrequency = Ebml.readFloat(r, size);
            } else if (id == Ebml.CHANNELS) {
                t.channels = (int) Math.min(Ebml.readUInt(r, size), 255);
            }
            r.setPosition(elementEnd);
        }
    }

    /** 5.1.4.1.31: header stripping is applied to frames; compression otherwise and encryption are refused. */
    private static void contentEncodings(ByteReader r, int end, MatroskaTrack t) {
        while (r.position() < end) {
            int id = Ebml.readId(r);
            int size = size(r, end);
            int elementEnd = r.position() + size;
            if (id == Ebml.CONTENT_ENCODING) {
                while (r.position() < elementEnd) {
                    int cid = Ebml.readId(r);
                    int csize = size(r, elementEnd);
                    int cEnd = r.position() + csize;
                    if (cid == Ebml.CONTENT_ENCODING_TYPE && Ebml.readUInt(r, csize) != 0) {
                        throw new UnsupportedFeatureException("Matroska track " + t.number + " is encrypted");
                    } else if (cid == Ebml.CONTENT_ENCRYPTION) {
                        throw new UnsupportedFeatureException("Matroska track " + t.number + " is encrypted");
                    } else if (cid == Ebml.CONTENT_COMPRESSION) {
                        long algo = 0;
                        byte[] settings = null;
                        while (r.position() < cEnd) {
                            int pid = Ebml.readId(r);
                            int psize = size(r, cEnd);
                            if (pid == Ebml.CONTENT_COMP_ALGO) {
                                algo = Ebml.readUInt(r, psize);
                            } else if (pid == Ebml.CONTENT_COMP_SETTINGS) {
                                settings = r.readBytes(psize);
                            } else {
                                r.skip(psize);
                            }
                        }
                        if (algo != 3) {
                            throw new UnsupportedFeatureException("Matroska track " + t.number + " uses ContentCompAlgo " + algo
                                    + " (only header stripping is supported)");
                        }
                        t.strippedHeader = settings == null ? new byte[0] : settings;
                    }
                    r.setPosition(cEnd);
                }
            }
            r.setPosition(elementEnd);
        }
    }

    private static TrackInfo trackInfo(MatroskaTrack t, long timestampScale) {
        String codec;
        boolean supported = true;
        switch (t.codecId) {
            case "V_MPEGH/ISO/HEVC":
                codec = TrackInfo.HEVC;
                break;
            case "V_THEORA":
                codec = TrackInfo.THEORA;
                break;
            case "A_VORBIS":
                codec = TrackInfo.VORBIS;
                break;
            default:
                if (t.codecId.startsWith("A_AAC")) {
                    codec = TrackInfo.AAC;
                } else {
                    codec = t.codecId;
                    supported = false;
                }
                break;
        }
        TrackInfo.Builder b = new TrackInfo.Builder(t.number, t.type, codec).supported(supported).language(t.language);
        // ticks of TimestampScale nanoseconds: 1/1000 s for the default scale
        long timescale = 1_000_000_000L / timestampScale;
        if (timescale <= 0 || 1_000_000_000L % timestampScale != 0) {
            throw new UnsupportedFeatureException("TimestampScale " + timestampScale + " does not divide a second");
        }
        b.timescale(timescale);
        if (t.type == TrackType.VIDEO) {
            b.size(t.pixelWidth, t.pixelHeight);
            if (t.displayWidth > 0 && t.displayHeight > 0 && t.pixelWidth > 0 && t.pixelHeight > 0) {
                // 5.1.4.1.28.8: display size over pixel size gives the pixel aspect ratio
                long num = (long) t.displayWidth * t.pixelHeight;
                long den = (long) t.displayHeight * t.pixelWidth;
                long g = gcd(num, den);
                b.pixelAspect((int) (num / g), (int) (den / g));
            }
            if (t.defaultDuration > 0 && t.defaultDuration <= Integer.MAX_VALUE) {
                b.frameRate(1_000_000_000, (int) t.defaultDuration);
            }
            if (t.colour) {
                b.colour(new ColourDescription(t.matrix, t.primaries, t.transfer, t.range == 2));
            }
        } else if (t.type == TrackType.AUDIO) {
            double f = t.samplingFrequency;
            b.audio(f > 0 && f < 1e7 ? (int) f : 0, t.channels);
        }
        if (!supported || t.codecPrivate == null && !codec.equals(TrackInfo.HEVC)) {
            if (codec.equals(TrackInfo.THEORA) || codec.equals(TrackInfo.VORBIS)) {
                throw new MalformedStreamException("track " + t.number + ": " + t.codecId + " without CodecPrivate");
            }
            return b.build();
        }
        switch (codec) {
            case TrackInfo.HEVC:
                if (t.codecPrivate == null) {
                    throw new MalformedStreamException("track " + t.number + ": HEVC without CodecPrivate");
                }
                HevcConfigRecord c = HevcConfigRecord.parse(t.codecPrivate);
                b.codecConfig(t.codecPrivate);
                if (c.width > 0) {
                    b.size(c.width, c.height);
                }
                break;
            case TrackInfo.THEORA:
            case TrackInfo.VORBIS:
                for (byte[] h : xiphHeaders(t.codecPrivate)) {
                    b.addCodecHeader(h);
                }
                break;
            case TrackInfo.AAC:
                b.codecConfig(t.codecPrivate);
                AudioSpecificConfig asc = AudioSpecificConfig.parse(t.codecPrivate);
                if (asc.sampleRate > 0 && asc.channels > 0) {
                    b.audio(asc.sampleRate, asc.channels);
                }
                break;
            default:
                break;
        }
        return b.build();
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The Xiph-laced header packets of a Theora or Vorbis CodecPrivate (RFC 9559 6.1.4, Xiph lacing). */
    static List<byte[]> xiphHeaders(byte[] p) {
        if (p.length < 1) {
            throw new MalformedStreamException("empty Xiph CodecPrivate");
        }
        int count = (p[0] & 0xFF) + 1;
        if (count != 3) {
            throw new MalformedStreamException("Xiph CodecPrivate with " + count + " headers");
        }
        int pos = 1;
        int[] sizes = new int[count];
        int sum = 0;
        for (int i = 0; i < count - 1; i++) {
            int s = 0;
            while (true) {
                if (pos >= p.length) {
                    throw new MalformedStreamException("Xiph lacing cut short");
                }
                int b = p[pos++] & 0xFF;
                s += b;
                if (b != 255) {
                    break;
                }
            }
            sizes[i] = s;
            sum += s;
        }
        if (sum > p.length - pos) {
            throw new MalformedStreamException("Xiph header sizes exceed the CodecPrivate");
        }
        sizes[count - 1] = p.length - pos - sum;
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[sizes[i]];
            System.arraycopy(p, pos, h, 0, sizes[i]);
            pos += sizes[i];
            out.add(h);
        }
        return out;
    }
}
