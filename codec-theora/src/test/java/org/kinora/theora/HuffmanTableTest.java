package org.kinora.theora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kinora.core.MalformedStreamException;

/** Huffman trees as the setup header codes them (Theora I 6.4.4), decoded through the look-up tables. */
class HuffmanTableTest {
    /** MSB-first bit writer. */
    private static final class Bits {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int cur;
        int n;

        void put(int value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                cur = cur << 1 | (value >>> i) & 1;
                if (++n == 8) {
                    out.write(cur);
                    cur = 0;
                    n = 0;
                }
            }
        }

        byte[] bytes() {
            if (n > 0) {
                put(0, 8 - n);
            }
            return out.toByteArray();
        }
    }

    /** A comb: token d has the code of d ones and a zero (depth 20 ends in 20 ones). */
    private static void writeComb(Bits b, int depth, int max) {
        if (depth == max) {
            b.put(1, 1);
            b.put(depth, 5);
            return;
        }
        b.put(0, 1);
        b.put(1, 1);
        b.put(depth, 5);
        writeComb(b, depth + 1, max);
    }

    private static PacketBits reader(byte[] data) {
        PacketBits p = new PacketBits();
        p.reset(data, 0, data.length);
        return p;
    }

    @Test
    void decodesShortAndLongCodes() {
        int max = 20;
        Bits tree = new Bits();
        writeComb(tree, 0, max);
        HuffmanTable t = HuffmanTable.read(reader(tree.bytes())).built();
        Random r = new Random(7);
        int[] tokens = new int[2000];
        Bits stream = new Bits();
        for (int i = 0; i < tokens.length; i++) {
            int tok = r.nextInt(4) == 0 ? r.nextInt(max + 1) : r.nextInt(4);
            tokens[i] = tok;
            // tok ones then a zero; the deepest token has no zero
            for (int k = 0; k < tok; k++) {
                stream.put(1, 1);
            }
            if (tok < max) {
                stream.put(0, 1);
            }
        }
        PacketBits p = reader(stream.bytes());
        for (int i = 0; i < tokens.length; i++) {
            assertEquals(tokens[i], t.decode(p), "token " + i);
        }
    }

    @Test
    void singleLeafTreeTakesNoBits() {
        Bits tree = new Bits();
        tree.put(1, 1);
        tree.put(9, 5);
        HuffmanTable t = HuffmanTable.read(reader(tree.bytes())).built();
        PacketBits p = reader(new byte[] {(byte) 0xA5});
        for (int i = 0; i < 5; i++) {
            assertEquals(9, t.decode(p));
        }
        assertEquals(0xA5, p.read(8));
    }

    @Test
    void treesDeeperThan32BitsAreRejected() {
        Bits tree = new Bits();
        for (int i = 0; i < 40; i++) {
            tree.put(0, 1);
        }
        assertThrows(MalformedStreamException.class, () -> HuffmanTable.read(reader(tree.bytes())));
    }
}
