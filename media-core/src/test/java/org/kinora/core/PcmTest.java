package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcmTest {
    @Test
    void roundsHalfToEvenAndClips() {
        assertEquals(0, Pcm.toS16(0f));
        assertEquals(0, Pcm.toS16(0.5f / 32768f));
        assertEquals(2, Pcm.toS16(1.5f / 32768f));
        assertEquals(2, Pcm.toS16(2.5f / 32768f));
        assertEquals(-2, Pcm.toS16(-2.5f / 32768f));
        assertEquals(-4, Pcm.toS16(-3.5f / 32768f));
        assertEquals(3, Pcm.toS16(2.6f / 32768f));
        assertEquals(-3, Pcm.toS16(-2.6f / 32768f));
        assertEquals(32767, Pcm.toS16(1f));
        assertEquals(32767, Pcm.toS16(7f));
        assertEquals(-32768, Pcm.toS16(-1f));
        assertEquals(-32768, Pcm.toS16(-1.5f));
        assertEquals(0, Pcm.toS16(Float.NaN));
        assertEquals(16384, Pcm.toS16(0.5f));
    }
}
