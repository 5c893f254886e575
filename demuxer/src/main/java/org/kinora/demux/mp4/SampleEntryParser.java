package org.kinora.demux.mp4;

import org.kinora.core.ByteReader;
import org.kinora.core.ColourDescription;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.hevc.params.HevcConfigRecord;

/**
 * The first sample entry of an {@code stsd} (ISO/IEC 14496-12 8.5.2, 12.1.3, 12.2.3): hvc1/hev1
 * with hvcC (ISO/IEC 14496-15 8.4.1), mp4a with esds (ISO/IEC 14496-14 5.6, 14496-1 7.2.6),
 * QuickTime alaw/ulaw, pasp and colr nclx. Anything else becomes an unsupported track named by
 * its sample entry type.
 */
final class SampleEntryParser {
    private final int trackId;
    private final TrackType type;
    private final int[] bounds = new int[1];
    TrackInfo.Builder info;
    int width;

    SampleEntryParser(int trackId, TrackType type) {
        this.trackId = trackId;
        this.type = type;
    }

    void parse(ByteReader r, int end) {
        r.skip(4);
        int count = r.readS32BE();
        if (count < 1) {
            throw new MalformedStreamException("stsd without sample entries");
        }
        int format = Boxes.child(r, end, bounds);
        int entryEnd = bounds[0];
        if (type == TrackType.VIDEO) {
            visual(r, format, entryEnd);
        } else if (type == TrackType.AUDIO) {
            audio(r, format, entryEnd);
        } else {
            info = new TrackInfo.Builder(trackId, TrackType.OTHER, Boxes.name(format).trim()).supported(false);
        }
    }

    private void visual(ByteReader r, int format, int end) {
        boolean hevc = format == Boxes.HVC1 || format == Boxes.HEV1;
        info = new TrackInfo.Builder(trackId, TrackType.VIDEO, hevc ? TrackInfo.HEVC : Boxes.name(format).trim());
        if (!hevc) {
            info.supported(false);
        }
        r.skip(6 + 2 + 16);
        width = r.readU16BE();
        int height = r.readU16BE();
        info.size(width, height);
        r.skip(50);
        boolean sawConfig = false;
        while (end - r.position() >= 8) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.HVCC && hevc) {
                byte[] record = r.readBytes(boxEnd - r.position());
                HevcConfigRecord c = HevcConfigRecord.parse(record);
                info.codecConfig(record);
                if (c.width > 0) {
                    width = c.width;
                    info.size(c.width, c.height);
                }
                sawConfig = true;
            } else if (type == Boxes.PASP) {
                int h = r.readS32BE();
                int v = r.readS32BE();
                if (h > 0 && v > 0) {
                    info.pixelAspect(h, v);
                }
            } else if (type == Boxes.COLR && boxEnd - r.position() >= 11) {
                int colourType = r.readS32BE();
                if (colourType == Boxes.NCLX) {
                    // 12.1.5: ISO/IEC 23091-2 code points, as H.273
                    int primaries = r.readU16BE();
                    int transfer = r.readU16BE();
                    int matrix = r.readU16BE();
                    boolean full = (r.readU8() & 0x80) != 0;
                    info.colour(new ColourDescription(matrix, primaries, transfer, full));
                }
            }
            r.setPosition(boxEnd);
        }
        if (hevc && !sawConfig) {
            throw new MalformedStreamException(Boxes.name(format) + " sample entry without hvcC");
        }
    }

    private void audio(ByteReader r, int format, int end) {
        r.skip(6 + 2);
        int version = r.readU16BE();
        r.skip(6);
        int channels = r.readU16BE();
        r.skip(6);
        int sampleRate = r.readS32BE() >>> 16;
        if (version == 1) {
            r.skip(16); // QuickTime sound description version 1
        } else if (version == 2) {
            r.skip(4);
            long bits = r.readS64BE();
            double rate = Double.longBitsToDouble(bits);
            sampleRate = rate > 0 && rate < 1e7 ? (int) rate : 0;
            channels = r.readS32BE();
            r.skip(20);
        }
        if (format == Boxes.ALAW || format == Boxes.ULAW) {
            info = new TrackInfo.Builder(trackId, TrackType.AUDIO, format == Boxes.ALAW ? TrackInfo.ALAW : TrackInfo.MULAW)
                    .audio(sampleRate, channels);
            return;
        }
        if (format != Boxes.MP4A) {
            info = new TrackInfo.Builder(trackId, TrackType.AUDIO, Boxes.name(format).trim()).audio(sampleRate, channels)
                    .supported(false);
            return;
        }
        info = new TrackInfo.Builder(trackId, TrackType.AUDIO, TrackInfo.AAC).audio(sampleRate, channels);
        byte[] asc = findEsds(r, end);
        if (asc == null) {
            throw new MalformedStreamException("mp4a sample entry without an AudioSpecificConfig");
        }
        info.codecConfig(asc);
        AudioSpecificConfig c = AudioSpecificConfig.parse(asc);
        if (c.sampleRate > 0) {
            sampleRate = c.sampleRate;
        }
        if (c.channels > 0) {
            channels = c.channels;
        }
        info.audio(sampleRate, channels);
    }

    /** The DecoderSpecificInfo of the esds box among the children (QuickTime nests it in wave). */
    private byte[] findEsds(ByteReader r, int end) {
        while (end - r.position() >= 8) {
            int type = Boxes.child(r, end, bounds);
            int boxEnd = bounds[0];
            if (type == Boxes.ESDS) {
                r.skip(4);
                return decoderSpecificInfo(r, boxEnd);
            }
            if (type == Boxes.WAVE) {
                byte[] b = findEsds(r, boxEnd);
                if (b != null) {
                    return b;
                }
            }
            r.setPosition(boxEnd);
        }
        return null;
    }

    /** ISO/IEC 14496-1 7.2.6.5 ES_Descriptor, 7.2.6.6 DecoderConfigDescriptor, 7.2.6.7 DecoderSpecificInfo. */
    private static byte[] decoderSpecificInfo(ByteReader r, int end) {
        while (end - r.position() >= 2) {
            int tag = r.readU8();
            int length = 0;
            for (int i = 0; i < 4; i++) {
                int b = r.readU8();
                length = length << 7 | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (length > end - r.position()) {
                throw new MalformedStreamException("esds descriptor of " + length + " bytes runs past its box");
            }
            if (tag == 3) {
                r.skip(2);
                int flags = r.readU8();
                if ((flags & 0x80) != 0) {
                    r.skip(2);
                }
                if ((flags & 0x40) != 0) {
                    r.skip(r.readU8());
                }
                if ((flags & 0x20) != 0) {
                    r.skip(2);
                }
            } else if (tag == 4) {
                r.skip(13);
            } else if (tag == 5) {
                return r.readBytes(length);
            } else {
                r.skip(length);
            }
        }
        return null;
    }
}
