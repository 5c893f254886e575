package org.kinora.worker;

import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.kinora.worker.protocol.TrackMessage;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/** {@link TrackInfo} to and from the {@link TrackMessage}s that cross between workers. */
final class TrackMessages {
    private TrackMessages() {
    }

    static TrackMessage toJs(TrackInfo t) {
        TrackMessage o = newTrack();
        o.setId(t.id());
        o.setType(t.type().label());
        o.setCodec(t.codec());
        o.setTimescale(t.timescale());
        o.setDuration(t.duration());
        o.setWidth(t.width());
        o.setHeight(t.height());
        o.setPixelAspectNum(t.pixelAspectNum());
        o.setPixelAspectDen(t.pixelAspectDen());
        o.setFrameRateNum(t.frameRateNum());
        o.setFrameRateDen(t.frameRateDen());
        o.setSampleRate(t.sampleRate());
        o.setChannels(t.channels());
        JSArray<ArrayBuffer> headers = new JSArray<>();
        for (byte[] h : t.codecHeaders()) {
            headers.push(Int8Array.copyFromJavaArray(h).getBuffer());
        }
        o.setHeaders(headers);
        if (t.codecConfig() != null) {
            o.setConfig(Int8Array.copyFromJavaArray(t.codecConfig()).getBuffer());
        }
        return o;
    }

    static TrackInfo fromJs(TrackMessage o) {
        TrackType type = TrackType.ofLabel(o.getType());
        TrackInfo.Builder b = new TrackInfo.Builder(o.getId(), type, o.getCodec())
                .timescale((long) o.getTimescale())
                .duration((long) o.getDuration())
                .size(o.getWidth(), o.getHeight())
                .pixelAspect(o.getPixelAspectNum(), o.getPixelAspectDen())
                .frameRate(o.getFrameRateNum(), o.getFrameRateDen())
                .audio(o.getSampleRate(), o.getChannels());
        JSArray<ArrayBuffer> headers = o.getHeaders();
        for (int i = 0; i < headers.getLength(); i++) {
            b.addCodecHeader(new Int8Array(headers.get(i)).copyToJavaArray());
        }
        if (Js.has(o, "config")) {
            b.codecConfig(new Int8Array(o.getConfig()).copyToJavaArray());
        }
        return b.build();
    }

    @JSBody(script = "return {};")
    private static native TrackMessage newTrack();
}
