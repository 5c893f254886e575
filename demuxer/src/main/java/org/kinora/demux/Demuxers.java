package org.kinora.demux;

import org.kinora.core.MediaException;
import org.kinora.core.UnsupportedFeatureException;
import org.kinora.demux.adts.AdtsDemuxer;
import org.kinora.demux.flv.FlvDemuxer;
import org.kinora.demux.hevc.AnnexBDemuxer;
import org.kinora.demux.mkv.MatroskaDemuxer;
import org.kinora.demux.mp4.Mp4Demuxer;
import org.kinora.demux.ogg.OggDemuxer;

/** Makes the demuxer for a container format. */
public final class Demuxers {
    private Demuxers() {
    }

    /** A new demuxer for {@code format}. */
    public static Demuxer create(ContainerFormat format) {
        switch (format) {
            case OGG:
                return new OggDemuxer();
            case HEVC_ANNEX_B:
                return new AnnexBDemuxer();
            case FLV:
                return new FlvDemuxer();
            case ADTS:
                return new AdtsDemuxer();
            case MP4:
                return new Mp4Demuxer();
            case MATROSKA:
                return new MatroskaDemuxer();
            default:
                throw new UnsupportedFeatureException("the " + format.label() + " container is not supported yet");
        }
    }

    /**
     * The format of the file that starts with {@code head[0 .. length)} (at most
     * {@link ContainerFormat#SNIFF_BYTES} are looked at).
     *
     * @throws MediaException MEDIA_ERR_SRC_NOT_SUPPORTED when no format matches
     */
    public static ContainerFormat detect(byte[] head, int length) {
        ContainerFormat format = ContainerFormat.sniff(head, Math.min(length, ContainerFormat.SNIFF_BYTES));
        if (format == null) {
            throw new MediaException(MediaException.MEDIA_ERR_SRC_NOT_SUPPORTED, "not a media file Kinora recognises");
        }
        return format;
    }
}
