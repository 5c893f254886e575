package org.kinora.demux.mp4;

import org.kinora.core.ByteReader;
import org.kinora.core.MalformedStreamException;

/** Box types (ISO/IEC 14496-12 4.2) as big-endian ints, and the box header walk inside a buffered box. */
final class Boxes {
    private Boxes() {
    }

    static int type(String fourcc) {
        return fourcc.charAt(0) << 24 | fourcc.charAt(1) << 16 | fourcc.charAt(2) << 8 | fourcc.charAt(3);
    }

    static final int FTYP = type("ftyp");
    static final int STYP = type("styp");
    static final int MOOV = type("moov");
    static final int MVHD = type("mvhd");
    static final int TRAK = type("trak");
    static final int TKHD = type("tkhd");
    static final int EDTS = type("edts");
    static final int ELST = type("elst");
    static final int MDIA = type("mdia");
    static final int MDHD = type("mdhd");
    static final int HDLR = type("hdlr");
    static final int MINF = type("minf");
    static final int STBL = type("stbl");
    static final int STSD = type("stsd");
    static final int STTS = type("stts");
    static final int CTTS = type("ctts");
    static final int STSS = type("stss");
    static final int SDTP = type("sdtp");
    static final int STSC = type("stsc");
    static final int STSZ = type("stsz");
    static final int STZ2 = type("stz2");
    static final int STCO = type("stco");
    static final int CO64 = type("co64");
    static final int MVEX = type("mvex");
    static final int MEHD = type("mehd");
    static final int TREX = type("trex");
    static final int MOOF = type("moof");
    static final int TRAF = type("traf");
    static final int TFHD = type("tfhd");
    static final int TFDT = type("tfdt");
    static final int TRUN = type("trun");
    static final int MDAT = type("mdat");
    static final int SIDX = type("sidx");
    static final int MFRA = type("mfra");
    static final int TFRA = type("tfra");
    static final int MFRO = type("mfro");
    static final int HVC1 = type("hvc1");
    static final int HEV1 = type("hev1");
    static final int HVCC = type("hvcC");
    static final int MP4A = type("mp4a");
    static final int ESDS = type("esds");
    static final int WAVE = type("wave");
    static final int ALAW = type("alaw");
    static final int ULAW = type("ulaw");
    static final int PASP = type("pasp");
    static final int COLR = type("colr");
    static final int NCLX = type("nclx");
    static final int VIDE = type("vide");
    static final int SOUN = type("soun");

    static String name(int type) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int v = (type >>> (24 - 8 * i)) & 0xFF;
            c[i] = v >= 32 && v < 127 ? (char) v : '?';
        }
        return new String(c);
    }

    /**
     * Reads a child box header at the reader's position inside a parent ending at {@code end}:
     * returns the child's type and leaves the reader after the header; {@code bounds[0]} receives
     * the child's end. Sizes 0 (to the parent's end) and 1 (64-bit) are handled (4.2).
     */
    static int child(ByteReader r, int end, int[] bounds) {
        int start = r.position();
        if (end - start < 8) {
            throw new MalformedStreamException("box header cut short");
        }
        long size = r.readU32BE();
        int type = r.readS32BE();
        if (size == 1) {
            if (end - r.position() < 8) {
                throw new MalformedStreamException("box header cut short");
            }
            size = r.readS64BE();
        } else if (size == 0) {
            size = end - start;
        }
        if (size < r.position() - start || size > end - start) {
            throw new MalformedStreamException("box " + name(type) + " of " + size + " bytes does not fit its parent");
        }
        bounds[0] = start + (int) size;
        return type;
    }
}
