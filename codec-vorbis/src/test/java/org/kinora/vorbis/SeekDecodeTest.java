package org.kinora.vorbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.kinora.core.AudioBlock;
import org.kinora.core.Packet;
import org.kinora.core.Pcm;
import org.kinora.core.TrackInfo;
import org.kinora.demux.Demuxer;
import org.kinora.demux.ogg.OggDemuxer;
import org.junit.jupiter.api.Test;

/** After a seek and {@link VorbisDecoder#reset()}, blocks carry their position and equal a decode from the start. */
class SeekDecodeTest {
    @Test
    void samplesAfterASeekEqualThoseOfAFullDecode() throws IOException {
        byte[] file = Fixtures.read("long_mono_16k_q1.ogg");
        short[] full = Fixtures.decodeS16(file);
        for (double target : new double[] {3.3, 8.0}) {
            OggDemuxer d = new OggDemuxer();
            d.setInputLength(file.length);
            VorbisDecoder dec = null;
            int pos = 0;
            boolean sought = false;
            long checked = 0;
            long firstPts = -1;
            while (true) {
                int r = d.poll();
                if (r == Demuxer.NEED_MORE_DATA) {
                    if (pos >= file.length) {
                        d.endOfInput();
                    } else {
                        int n = Math.min(8192, file.length - pos);
                        d.feed(file, pos, n);
                        pos += n;
                    }
                } else if (r == Demuxer.SEEK) {
                    pos = (int) d.seekPosition();
                } else if (r == Demuxer.TRACKS_CHANGED) {
                    TrackInfo t = d.tracks().get(0);
                    dec = new VorbisDecoder(t);
                    // decode a little first, so that reset() has state to forget
                    sought = false;
                } else if (r == Demuxer.PACKET) {
                    Packet p = d.packet();
                    dec.decode(p);
                    for (AudioBlock b = dec.receive(); b != null; b = dec.receive()) {
                        if (sought) {
                            if (firstPts < 0) {
                                firstPts = b.pts;
                            }
                            for (int i = 0; i < b.frames; i++) {
                                assertEquals(full[(int) b.pts + i], Pcm.toS16(b.samples[0][i]), 1, "sample " + (b.pts + i));
                                checked++;
                            }
                        }
                    }
                    if (!sought && p.pts > 16000) {
                        d.seekTo(target);
                        dec.reset();
                        sought = true;
                    }
                } else {
                    break;
                }
            }
            assertTrue(firstPts >= 0 && firstPts <= target * 16000, "first block at " + firstPts);
            assertEquals(full.length - firstPts, checked);
        }
    }
}
