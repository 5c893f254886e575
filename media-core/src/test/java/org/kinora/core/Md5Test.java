package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Md5Test {
    private static String md5(byte[] data) {
        Md5 m = new Md5();
        m.update(data);
        return m.digestHex();
    }

    @Test
    void rfc1321TestSuite() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", md5(new byte[0]));
        assertEquals("0cc175b9c0f1b6a831c399e269772661", md5("a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", md5("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("f96b697d7cb7938d525a2f31aaf161d0", md5("message digest".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("57edf4a22be3c955ac49da2e2107b67a",
                md5("12345678901234567890123456789012345678901234567890123456789012345678901234567890".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void agreesWithTheJdkForEverySplitOfTheInput() throws Exception {
        Random rnd = new Random(7);
        for (int len : new int[] {1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100_000}) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            byte[] expected = MessageDigest.getInstance("MD5").digest(data);
            Md5 m = new Md5();
            int pos = 0;
            while (pos < len) {
                int n = Math.min(len - pos, 1 + rnd.nextInt(97));
                if (n == 1) {
                    m.update(data[pos]);
                } else {
                    m.update(data, pos, n);
                }
                pos += n;
            }
            assertEquals(Md5.toHex(expected), m.digestHex(), "length " + len);
        }
    }
}
