import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.kinora.core.AudioDecoder;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.core.VideoDecoder;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;

/**
 * One build's decoder for {@link Compare}: loaded once per build, each in its own class loader.
 * Demuxes the file's first video track (else its first audio track) into memory;
 * {@link #getAsLong} decodes all of it with a new decoder and returns the nanoseconds taken.
 * Compiled against one build's public API, which every build shares.
 */
public final class DecodeOnce implements LongSupplier {
    private final List<Packet> packets = new ArrayList<>();
    private TrackInfo track;

    public DecodeOnce(String file) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(file));
        Demuxer d = Demuxers.create(Demuxers.detect(data, Math.min(data.length, ContainerFormat.SNIFF_BYTES)));
        d.setInputLength(data.length);
        int pos = 0;
        boolean done = false;
        while (!done) {
            switch (d.poll()) {
                case Demuxer.NEED_MORE_DATA:
                    if (pos >= data.length) {
                        d.endOfInput();
                    } else {
                        int n = Math.min(65536, data.length - pos);
                        d.feed(data, pos, n);
                        pos += n;
                    }
                    break;
                case Demuxer.SEEK:
                    pos = (int) d.seekPosition();
                    break;
                case Demuxer.TRACKS_CHANGED:
                    if (track == null) {
                        for (TrackInfo t : d.tracks()) {
                            if (t.type() == TrackType.VIDEO) {
                                track = t;
                                break;
                            }
                        }
                        if (track == null && !d.tracks().isEmpty()) {
                            track = d.tracks().get(0);
                        }
                    }
                    break;
                case Demuxer.PACKET:
                    Packet p = d.packet();
                    if (track != null && p.trackId == track.id()) {
                        packets.add(p.copy());
                    }
                    break;
                default:
                    done = true;
            }
        }
        if (track == null) {
            throw new IllegalArgumentException(file + ": no track");
        }
    }

    @Override
    public long getAsLong() {
        long t0 = System.nanoTime();
        if (track.type() == TrackType.VIDEO) {
            VideoDecoder v = track.codec().equals(TrackInfo.THEORA) ? new org.kinora.theora.TheoraDecoder(track)
                    : new org.kinora.hevc.HevcDecoder(track);
            for (Packet p : packets) {
                v.decode(p);
                while (v.receive() != null) {
                    // pictures are only counted by their decode time
                }
            }
            v.flush();
            while (v.receive() != null) {
                // the same
            }
        } else {
            AudioDecoder a = new org.kinora.vorbis.VorbisDecoder(track);
            for (Packet p : packets) {
                a.decode(p);
                while (a.receive() != null) {
                    // the same
                }
            }
        }
        return System.nanoTime() - t0;
    }
}
