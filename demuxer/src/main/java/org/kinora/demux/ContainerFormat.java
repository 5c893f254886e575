package org.kinora.demux;

/** The containers Kinora knows, and how to recognise each from a file's first bytes. */
public enum ContainerFormat {
    OGG("ogg"),
    MATROSKA("matroska"),
    MP4("mp4"),
    FLV("flv"),
    HEVC_ANNEX_B("hevc"),
    ADTS("adts");

    private final String label;

    ContainerFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Bytes {@link #sniff} wants to see (fewer work for most formats). */
    public static final int SNIFF_BYTES = 64;

    /** The format of a file that starts with {@code head}, or null when none matches. */
    public static ContainerFormat sniff(byte[] head, int length) {
        if (startsWith(head, length, 'O', 'g', 'g', 'S')) {
            return OGG;
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3) {
            return MATROSKA;
        }
        if (looksLikeIsoBmff(head, length)) {
            return MP4;
        }
        if (startsWith(head, length, 'F', 'L', 'V') && length >= 4 && head[3] == 1) {
            return FLV;
        }
        if (looksLikeAnnexBHevc(head, length)) {
            return HEVC_ANNEX_B;
        }
        if (org.kinora.demux.adts.AdtsDemuxer.sniff(head, length)) {
            return ADTS;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int length, char... sig) {
        if (length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (b[i] != (byte) sig[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * ISO BMFF / QuickTime: a first box of a type that starts such files (ftyp, or styp and moof
     * for segments, or moov, mdat, free, skip, wide, sidx for files without ftyp) and a size that
     * is 0, 1 (64-bit) or at least its header.
     */
    private static boolean looksLikeIsoBmff(byte[] b, int length) {
        if (length < 8) {
            return false;
        }
        long size = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (size != 0 && size != 1 && size < 8) {
            return false;
        }
        String type = new String(new char[] {(char) (b[4] & 0xFF), (char) (b[5] & 0xFF), (char) (b[6] & 0xFF), (char) (b[7] & 0xFF)});
        switch (type) {
            case "ftyp":
            case "styp":
            case "moof":
            case "moov":
            case "sidx":
                return true;
            case "mdat":
            case "free":
            case "skip":
            case "wide":
                // common words: only with a plausible size
                return size >= 8 && size < (1L << 32);
            default:
                return false;
        }
    }

    /** A start code followed by an H.265 VPS, SPS, PPS, AUD or SEI NAL unit header. */
    private static boolean looksLikeAnnexBHevc(byte[] b, int length) {
        int i = 0;
        while (i < length && i < 8 && b[i] == 0) {
            i++;
        }
        if (i < 2 || i >= length - 2 || b[i] != 1) {
            return false;
        }
        int h0 = b[i + 1] & 0xFF;
        int h1 = b[i + 2] & 0xFF;
        int nalType = (h0 >> 1) & 0x3F;
        boolean forbiddenZero = (h0 & 0x80) == 0;
        boolean layerZero = (h0 & 1) == 0 && (h1 >> 3) == 0;
        int temporalIdPlus1 = h1 & 7;
        return forbiddenZero && layerZero && temporalIdPlus1 != 0 && nalType >= 32 && nalType <= 40;
    }
}
