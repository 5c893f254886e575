package org.kinora.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.kinora.core.MediaException;
import org.kinora.core.Packet;
import org.kinora.core.TrackInfo;
import org.kinora.demux.ContainerFormat;
import org.kinora.demux.Demuxer;
import org.kinora.demux.Demuxers;

/** Drives a {@link Demuxer} over a local file, answering its seek requests. */
final class FileSource implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final RandomAccessFile file;
    private final Demuxer demuxer;
    private final ContainerFormat format;
    private final byte[] chunk = new byte[CHUNK];
    private boolean ended;
    private boolean inputDone;

    FileSource(Path path) throws IOException {
        file = new RandomAccessFile(path.toFile(), "r");
        try {
            byte[] head = new byte[ContainerFormat.SNIFF_BYTES];
            int n = Math.max(0, file.read(head));
            format = Demuxers.detect(head, n);
            demuxer = Demuxers.create(format);
            demuxer.setInputLength(file.length());
            file.seek(0);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    ContainerFormat format() {
        return format;
    }

    Demuxer demuxer() {
        return demuxer;
    }

    /**
     * Runs the demuxer until it has a result other than "need more data": a packet, a track
     * change, or the end. Seek requests are answered here.
     */
    int next() throws IOException {
        if (ended) {
            return Demuxer.END;
        }
        while (true) {
            int r = demuxer.poll();
            switch (r) {
                case Demuxer.NEED_MORE_DATA:
                    if (inputDone) {
                        throw new MediaException("the demuxer asked for data after the end of input");
                    }
                    int n = file.read(chunk);
                    if (n <= 0) {
                        inputDone = true;
                        demuxer.endOfInput();
                    } else {
                        demuxer.feed(chunk, 0, n);
                    }
                    break;
                case Demuxer.SEEK:
                    long pos = demuxer.seekPosition();
                    if (pos < 0 || pos > file.length()) {
                        throw new MediaException("seek to byte " + pos + " outside the file");
                    }
                    file.seek(pos);
                    inputDone = false;
                    break;
                case Demuxer.END:
                    ended = true;
                    return r;
                default:
                    return r;
            }
        }
    }

    /** Reads until the first track list is known. */
    List<TrackInfo> readTracks() throws IOException {
        while (true) {
            int r = next();
            if (r == Demuxer.TRACKS_CHANGED || r == Demuxer.END) {
                return demuxer.tracks();
            }
        }
    }

    Packet packet() {
        return demuxer.packet();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
