package org.kinora.hevc;

import org.kinora.hevc.params.Sps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kinora.core.MalformedStreamException;

/** Limits of the decoded picture buffer: MaxDpbSize (A.4.2) and the byte budget. */
class DpbTest {
    private static Sps sps(int width, int height, int maxDecPicBuffering) {
        Sps s = new Sps();
        s.width = width;
        s.height = height;
        s.maxSubLayers = 1;
        s.maxDecPicBuffering[0] = maxDecPicBuffering;
        return s;
    }

    @Test
    void maxDpbSizeFollowsThePictureSize() {
        // MaxLumaPs of level 6.2 is 35 651 584: 16 pictures up to a quarter of it, then 12, 8, 6
        assertEquals(16, Dpb.maxDpbSize(sps(1920, 1080, 1)));
        assertEquals(16, Dpb.maxDpbSize(sps(4096, 2176, 1)));
        assertEquals(12, Dpb.maxDpbSize(sps(4096, 4096, 1)));
        assertEquals(8, Dpb.maxDpbSize(sps(8192, 3264, 1)));
        assertEquals(6, Dpb.maxDpbSize(sps(8192, 4320, 1)));
    }

    private static SliceHeader idr() {
        SliceHeader h = new SliceHeader();
        h.nalType = Nal.IDR_W_RADL;
        h.firstSliceSegmentInPic = true;
        return h;
    }

    @Test
    void aHostileSpsCannotMakeTheDecoderKeepTooManyPictures() {
        // sixteen 8K pictures: above MaxDpbSize for that size
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> new Dpb().startPicture(idr(), sps(8192, 4320, 16), null, 0));
        assertEquals(true, e.getMessage().contains("MaxDpbSize"), e.getMessage());
        // six of them are within MaxDpbSize but not within the byte budget
        e = assertThrows(MalformedStreamException.class, () -> new Dpb().startPicture(idr(), sps(8192, 4320, 6), null, 0));
        assertEquals(true, e.getMessage().contains("memory"), e.getMessage());
    }
}
