package org.kinora.core;

/** UTF-8 decoding without java.nio charsets (kept small for the TeaVM builds). */
public final class Utf8 {
    private Utf8() {
    }

    /** Decodes {@code data[offset .. offset + length)}; malformed sequences become U+FFFD. */
    public static String decode(byte[] data, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = data[i] & 0xFF;
            int need;
            int cp;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            } else if (b >= 0xC2 && b < 0xE0) {
                need = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b < 0xF0) {
                need = 2;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b < 0xF5) {
                need = 3;
                cp = b & 0x07;
            } else {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            if (i + need >= end) {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                int c = data[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            sb.appendCodePoint(cp);
            i += need + 1;
        }
        return sb.toString();
    }
}
