package org.kinora.hevc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast CABAC engine against a bit-by-bit transcription of H.265 9.3.4.3. */
class CabacTest {
    private byte[] data;
    private int bitPos;
    private int range;
    private int offset;
    private final int[] state = new int[CabacTables.COUNT];
    private final int[] mps = new int[CabacTables.COUNT];

    private int bit() {
        int p = bitPos++;
        return p / 8 < data.length ? (data[p / 8] >> (7 - p % 8)) & 1 : 0;
    }

    private void renorm() {
        while (range < 256) {
            range <<= 1;
            offset = (offset << 1) | bit();
        }
    }

    private int decision(int c) {
        int lps = CabacTables.RANGE_TAB_LPS[state[c] * 4 + ((range >> 6) & 3)];
        range -= lps;
        int b;
        if (offset >= range) {
            b = 1 - mps[c];
            offset -= range;
            range = lps;
            if (state[c] == 0) {
                mps[c] = 1 - mps[c];
            }
            state[c] = CabacTables.TRANS_IDX_LPS[state[c]];
        } else {
            b = mps[c];
            state[c] = Math.min(state[c] + 1, 62);
        }
        renorm();
        return b;
    }

    private int bypass() {
        offset = (offset << 1) | bit();
        if (offset >= range) {
            offset -= range;
            return 1;
        }
        return 0;
    }

    private int terminate() {
        range -= 2;
        if (offset >= range) {
            return 1;
        }
        renorm();
        return 0;
    }

    @Test
    void matchesTheSpecificationEngine() {
        Random r = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            data = new byte[3000];
            r.nextBytes(data);
            data[0] &= 0x7F; // ivlOffset must start below 510
            Cabac c = new Cabac();
            int initType = trial % 3;
            int qp = r.nextInt(52);
            c.initContexts(initType, qp);
            c.start(data, 0, data.length);
            for (int i = 0; i < CabacTables.COUNT; i++) {
                state[i] = c.ctx[i] >> 1;
                mps[i] = c.ctx[i] & 1;
            }
            bitPos = 0;
            range = 510;
            offset = 0;
            for (int i = 0; i < 9; i++) {
                offset = (offset << 1) | bit();
            }
            for (int k = 0; k < 8000; k++) {
                int op = r.nextInt(20);
                if (op < 14) {
                    int ctx = r.nextInt(CabacTables.COUNT);
                    assertEquals(decision(ctx), c.decodeBin(ctx), "bin " + k);
                } else if (op < 19) {
                    assertEquals(bypass(), c.decodeBypass(), "bypass " + k);
                } else {
                    int t = terminate();
                    assertEquals(t, c.decodeTerminate(), "terminate " + k);
                    if (t == 1) {
                        // the specification engine has read up to its last bit; the next byte is where the fast one stands
                        assertEquals((bitPos + 7) / 8, c.bytePosition());
                        break;
                    }
                }
            }
        }
    }

    @Test
    void contextInitialisationFollows9_3_2_2() {
        Cabac c = new Cabac();
        c.initContexts(0, 26);
        // initValue 154 at any QP: m = 0, n = 64 -> preCtxState 64 -> pStateIdx 0, valMps 1
        assertEquals((0 << 1) | 1, c.ctx[CabacTables.TRANSQUANT_BYPASS]);
        // split_cu_flag ctx 0, initValue 139: m = -5, n = 72 -> (-5 * 26 >> 4) + 72 = 63 -> pStateIdx 0, valMps 0
        assertEquals(0, c.ctx[CabacTables.SPLIT_CU]);
        c.initContexts(0, 51);
        // sao_type_idx initValue 200: m = 15, n = 48 -> (15 * 51 >> 4) + 48 = 95 -> pStateIdx 31, valMps 1
        assertEquals((31 << 1) | 1, c.ctx[CabacTables.SAO_TYPE]);
    }
}
