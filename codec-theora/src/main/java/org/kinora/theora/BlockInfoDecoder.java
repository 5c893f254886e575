package org.kinora.theora;

import org.kinora.core.MalformedStreamException;

/**
 * Decodes what a frame says about its blocks before the coefficients: the frame header (Theora I
 * 7.1), coded block flags (7.3), macro block modes (7.4), motion vectors (7.5) and block-level qi
 * values (7.6).
 */
final class BlockInfoDecoder {
    private final FrameLayout layout;
    private final byte[] sbPartial;
    private final byte[] sbFull;
    private final int[] alphabet = new int[8];
    private final int[] fourX = new int[4];
    private final int[] fourY = new int[4];

    /** State of a run-length coded bit string (7.2) being read. */
    private int runBit;
    private int runLeft;
    private int runLast;
    private boolean runStarted;

    BlockInfoDecoder(FrameLayout layout) {
        this.layout = layout;
        sbPartial = new byte[layout.nsbs];
        sbFull = new byte[layout.nsbs];
    }

    /** Theora I 7.1: returns false for a header packet. */
    static boolean readFrameHeader(PacketBits b, FrameState s) {
        if (b.read1() != 0) {
            return false;
        }
        s.intra = b.read1() == 0;
        s.qis[0] = b.read(6);
        s.nqis = 1;
        if (b.read1() == 1) {
            s.qis[1] = b.read(6);
            s.nqis = 2;
            if (b.read1() == 1) {
                s.qis[2] = b.read(6);
                s.nqis = 3;
            }
        }
        if (s.intra && b.read(3) != 0) {
            throw new MalformedStreamException("Theora intra frame header reserved bits are not zero");
        }
        return true;
    }

    /** Reads everything from the coded block flags to the block-level qi values. */
    void decode(PacketBits b, FrameState s) {
        readCodedFlags(b, s);
        readModes(b, s);
        if (!s.intra) {
            readMotionVectors(b, s);
        }
        readQiis(b, s);
    }

    private void startRuns() {
        runLeft = 0;
        runStarted = false;
        runLast = 0;
    }

    /** Next bit of a long-run bit string (7.2.1). */
    private int nextLongRunBit(PacketBits b) {
        if (runLeft == 0) {
            if (!runStarted || runLast == 4129) {
                runBit = b.read1();
                runStarted = true;
            } else {
                runBit ^= 1;
            }
            int ones = Integer.numberOfLeadingZeros(~b.peek32());
            if (ones > 6) {
                ones = 6;
            }
            b.skip(ones == 6 ? 6 : ones + 1);
            runLast = TheoraTables.LONG_RUN_START[ones] + b.read(TheoraTables.LONG_RUN_BITS[ones]);
            runLeft = runLast;
        }
        runLeft--;
        return runBit;
    }

    /** Next bit of a short-run bit string (7.2.2). */
    private int nextShortRunBit(PacketBits b) {
        if (runLeft == 0) {
            if (!runStarted) {
                runBit = b.read1();
                runStarted = true;
            } else {
                runBit ^= 1;
            }
            int ones = Integer.numberOfLeadingZeros(~b.peek32());
            if (ones > 5) {
                ones = 5;
            }
            b.skip(ones == 5 ? 5 : ones + 1);
            runLeft = TheoraTables.SHORT_RUN_START[ones] + b.read(TheoraTables.SHORT_RUN_BITS[ones]);
        }
        runLeft--;
        return runBit;
    }

    // Theora I 7.3
    private void readCodedFlags(PacketBits b, FrameState s) {
        int nsbs = layout.nsbs;
        int[] sbFrags = layout.sbFrags;
        byte[] coded = s.coded;
        if (!s.intra) {
            startRuns();
            int nonPartial = 0;
            for (int sbi = 0; sbi < nsbs; sbi++) {
                sbPartial[sbi] = (byte) nextLongRunBit(b);
                if (sbPartial[sbi] == 0) {
                    nonPartial++;
                }
            }
            startRuns();
            if (nonPartial > 0) {
                for (int sbi = 0; sbi < nsbs; sbi++) {
                    if (sbPartial[sbi] == 0) {
                        sbFull[sbi] = (byte) nextLongRunBit(b);
                    }
                }
            }
            startRuns();
        }
        int n = 0;
        int luma = 0;
        int lumaSbEnd = layout.sbStart[1];
        int[] list = s.codedList;
        for (int sbi = 0; sbi < nsbs; sbi++) {
            if (sbi == lumaSbEnd) {
                luma = n;
            }
            int o = sbi * 16;
            s.sbCodedStart[sbi] = n;
            for (int j = 0; j < 16; j++) {
                int f = sbFrags[o + j];
                if (f < 0) {
                    continue;
                }
                int c;
                if (s.intra) {
                    c = 1;
                } else if (sbPartial[sbi] != 0) {
                    c = nextShortRunBit(b);
                } else {
                    c = sbFull[sbi];
                }
                coded[f] = (byte) c;
                if (c != 0) {
                    s.codedIndex[f] = n;
                    list[n++] = f;
                }
            }
        }
        if (lumaSbEnd == nsbs) {
            luma = n;
        }
        s.sbCodedStart[nsbs] = n;
        s.codedCount = n;
        s.codedLumaCount = luma;
    }

    // Theora I 7.4
    private void readModes(PacketBits b, FrameState s) {
        byte[] mode = s.mode;
        int per = layout.fragsPerMb;
        int[] mbFrags = layout.mbFrags;
        if (s.intra) {
            java.util.Arrays.fill(mode, (byte) TheoraTables.INTRA);
            return;
        }
        int scheme = b.read(3);
        if (scheme == 0) {
            for (int m = 0; m < 8; m++) {
                alphabet[b.read(3)] = m;
            }
        } else if (scheme != 7) {
            System.arraycopy(TheoraTables.MODE_ALPHABETS[scheme - 1], 0, alphabet, 0, 8);
        }
        byte[] coded = s.coded;
        for (int k = 0; k < layout.nmbs; k++) {
            int mbi = layout.mbCodedOrder[k];
            int o = mbi * per;
            int m;
            if (coded[mbFrags[o]] != 0 || coded[mbFrags[o + 1]] != 0 || coded[mbFrags[o + 2]] != 0
                    || coded[mbFrags[o + 3]] != 0) {
                if (scheme == 7) {
                    m = b.read(3);
                } else {
                    int ones = Integer.numberOfLeadingZeros(~b.peek32());
                    if (ones > 7) {
                        ones = 7;
                    }
                    b.skip(ones == 7 ? 7 : ones + 1);
                    m = alphabet[ones];
                }
            } else {
                m = TheoraTables.INTER_NOMV;
            }
            for (int j = 0; j < per; j++) {
                mode[mbFrags[o + j]] = (byte) m;
            }
        }
    }

    private int readMvComponent(PacketBits b, boolean fixed) {
        if (fixed) {
            int mag = b.read(5);
            return b.read1() == 1 ? -mag : mag;
        }
        int e = TheoraTables.MV_LOOKUP[b.peek32() >>> 24];
        b.skip(e & 15);
        return (e >> 4) - 32;
    }

    // Theora I 7.5
    private void readMotionVectors(PacketBits b, FrameState s) {
        boolean fixed = b.read1() == 1;
        int last1x = 0;
        int last1y = 0;
        int last2x = 0;
        int last2y = 0;
        int per = layout.fragsPerMb;
        int[] mbFrags = layout.mbFrags;
        byte[] coded = s.coded;
        byte[] mvx = s.mvx;
        byte[] mvy = s.mvy;
        int cpp = layout.chromaPerPlane();
        int[] bx = fourX;
        int[] by = fourY;
        for (int k = 0; k < layout.nmbs; k++) {
            int mbi = layout.mbCodedOrder[k];
            int o = mbi * per;
            int m = s.mode[mbFrags[o]];
            int x = 0;
            int y = 0;
            switch (m) {
                case TheoraTables.INTER_MV_FOUR:
                    for (int j = 0; j < 4; j++) {
                        if (coded[mbFrags[o + j]] != 0) {
                            x = readMvComponent(b, fixed);
                            y = readMvComponent(b, fixed);
                            bx[j] = x;
                            by[j] = y;
                        } else {
                            bx[j] = 0;
                            by[j] = 0;
                        }
                        mvx[mbFrags[o + j]] = (byte) bx[j];
                        mvy[mbFrags[o + j]] = (byte) by[j];
                    }
                    last2x = last1x;
                    last2y = last1y;
                    last1x = x;
                    last1y = y;
                    setChromaFourMv(mvx, mvy, mbFrags, o, cpp, bx, by);
                    continue;
                case TheoraTables.INTER_GOLDEN_MV:
                    x = readMvComponent(b, fixed);
                    y = readMvComponent(b, fixed);
                    break;
                case TheoraTables.INTER_MV_LAST2:
                    x = last2x;
                    y = last2y;
                    last2x = last1x;
                    last2y = last1y;
                    last1x = x;
                    last1y = y;
                    break;
                case TheoraTables.INTER_MV_LAST:
                    x = last1x;
                    y = last1y;
                    break;
                case TheoraTables.INTER_MV:
                    x = readMvComponent(b, fixed);
                    y = readMvComponent(b, fixed);
                    last2x = last1x;
                    last2y = last1y;
                    last1x = x;
                    last1y = y;
                    break;
                default:
                    break;
            }
            for (int j = 0; j < per; j++) {
                mvx[mbFrags[o + j]] = (byte) x;
                mvy[mbFrags[o + j]] = (byte) y;
            }
        }
    }

    /** Rounds a / 2^shift to nearest, halves away from zero (7.5.2 step x, xi). */
    private static int roundShift(int a, int shift) {
        int half = 1 << (shift - 1);
        return a >= 0 ? (a + half) >> shift : -((-a + half) >> shift);
    }

    private static void setChromaFourMv(byte[] mvx, byte[] mvy, int[] mbFrags, int o, int cpp, int[] bx, int[] by) {
        for (int p = 0; p < 2; p++) {
            int c = o + 4 + p * cpp;
            if (cpp == 1) {
                mvx[mbFrags[c]] = (byte) roundShift(bx[0] + bx[1] + bx[2] + bx[3], 2);
                mvy[mbFrags[c]] = (byte) roundShift(by[0] + by[1] + by[2] + by[3], 2);
            } else if (cpp == 2) {
                mvx[mbFrags[c]] = (byte) roundShift(bx[0] + bx[1], 1);
                mvy[mbFrags[c]] = (byte) roundShift(by[0] + by[1], 1);
                mvx[mbFrags[c + 1]] = (byte) roundShift(bx[2] + bx[3], 1);
                mvy[mbFrags[c + 1]] = (byte) roundShift(by[2] + by[3], 1);
            } else {
                for (int j = 0; j < 4; j++) {
                    mvx[mbFrags[c + j]] = (byte) bx[j];
                    mvy[mbFrags[c + j]] = (byte) by[j];
                }
            }
        }
    }

    // Theora I 7.6
    private void readQiis(PacketBits b, FrameState s) {
        byte[] qii = s.qii;
        int[] list = s.codedList;
        int n = s.codedCount;
        for (int i = 0; i < n; i++) {
            qii[list[i]] = 0;
        }
        for (int q = 0; q < s.nqis - 1; q++) {
            startRuns();
            for (int i = 0; i < n; i++) {
                int f = list[i];
                if (qii[f] == q) {
                    qii[f] += (byte) nextLongRunBit(b);
                }
            }
        }
    }
}
