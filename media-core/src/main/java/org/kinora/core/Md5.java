package org.kinora.core;

/**
 * MD5 (RFC 1321), written here because TeaVM's class library has no MessageDigest. Used for
 * frame digests (comparable with FFmpeg's framemd5) and H.265 decoded-picture-hash SEI checks.
 * Int arithmetic only; the bit count is kept in two ints.
 */
public final class Md5 {
    private static final int[] S = {
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
    };
    /** floor(abs(sin(i + 1)) * 2^32), RFC 1321 3.4. */
    private static final int[] K = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
    };

    private int a;
    private int b;
    private int c;
    private int d;
    private final byte[] buffer = new byte[64];
    private int buffered;
    /** Total bytes so far, as low and high words. */
    private int countLo;
    private int countHi;
    private final int[] x = new int[16];

    public Md5() {
        reset();
    }

    public void reset() {
        a = 0x67452301;
        b = 0xefcdab89;
        c = 0x98badcfe;
        d = 0x10325476;
        buffered = 0;
        countLo = 0;
        countHi = 0;
    }

    private void addCount(int n) {
        int lo = countLo + n;
        if (Integer.compareUnsigned(lo, countLo) < 0) {
            countHi++;
        }
        countLo = lo;
    }

    public void update(int oneByte) {
        buffer[buffered++] = (byte) oneByte;
        addCount(1);
        if (buffered == 64) {
            transform(buffer, 0);
            buffered = 0;
        }
    }

    public void update(byte[] data, int offset, int length) {
        addCount(length);
        int i = offset;
        int end = offset + length;
        if (buffered > 0) {
            int n = Math.min(64 - buffered, length);
            System.arraycopy(data, i, buffer, buffered, n);
            buffered += n;
            i += n;
            if (buffered < 64) {
                return;
            }
            transform(buffer, 0);
            buffered = 0;
        }
        while (end - i >= 64) {
            transform(data, i);
            i += 64;
        }
        if (i < end) {
            System.arraycopy(data, i, buffer, 0, end - i);
            buffered = end - i;
        }
    }

    public void update(byte[] data) {
        update(data, 0, data.length);
    }

    /** Finishes and returns the 16-byte digest; the object is reset for reuse. */
    public byte[] digest() {
        int bitsLo = countLo << 3;
        int bitsHi = (countHi << 3) | (countLo >>> 29);
        int padLen = buffered < 56 ? 56 - buffered : 120 - buffered;
        byte[] pad = new byte[padLen + 8];
        pad[0] = (byte) 0x80;
        for (int i = 0; i < 4; i++) {
            pad[padLen + i] = (byte) (bitsLo >>> (8 * i));
            pad[padLen + 4 + i] = (byte) (bitsHi >>> (8 * i));
        }
        update(pad, 0, pad.length);
        byte[] out = new byte[16];
        int[] words = {a, b, c, d};
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 4; i++) {
                out[w * 4 + i] = (byte) (words[w] >>> (8 * i));
            }
        }
        reset();
        return out;
    }

    /** Finishes and returns the digest as 32 lowercase hex digits. */
    public String digestHex() {
        return toHex(digest());
    }

    public static String toHex(byte[] bytes) {
        char[] hex = "0123456789abcdef".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = hex[(bytes[i] >> 4) & 15];
            out[2 * i + 1] = hex[bytes[i] & 15];
        }
        return new String(out);
    }

    private void transform(byte[] block, int off) {
        for (int i = 0; i < 16; i++) {
            int p = off + 4 * i;
            x[i] = (block[p] & 0xFF) | ((block[p + 1] & 0xFF) << 8) | ((block[p + 2] & 0xFF) << 16) | ((block[p + 3] & 0xFF) << 24);
        }
        int aa = a;
        int bb = b;
        int cc = c;
        int dd = d;
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            if (i < 16) {
                f = (bb & cc) | (~bb & dd);
                g = i;
            } else if (i < 32) {
                f = (dd & bb) | (~dd & cc);
                g = (5 * i + 1) & 15;
            } else if (i < 48) {
                f = bb ^ cc ^ dd;
                g = (3 * i + 5) & 15;
            } else {
                f = cc ^ (bb | ~dd);
                g = (7 * i) & 15;
            }
            int t = dd;
            dd = cc;
            cc = bb;
            bb = bb + Integer.rotateLeft(aa + f + K[i] + x[g], S[i]);
            aa = t;
        }
        a += aa;
        b += bb;
        c += cc;
        d += dd;
    }
}
