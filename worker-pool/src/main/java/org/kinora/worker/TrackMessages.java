package org.kinora.worker;

import org.kinora.core.TrackInfo;
import org.kinora.core.TrackType;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/** {@link TrackInfo} to and from the plain objects that cross between workers. */
final class TrackMessages {
    private TrackMessages() {
    }

    static JSObject toJs(TrackInfo t) {
        JSObject o = Js.object();
        Js.setInt(o, "id", t.id());
        Js.setString(o, "type", t.type().name().toLowerCase());
        Js.setString(o, "codec", t.codec());
        Js.setNumber(o, "timescale", t.timescale());
        Js.setNumber(o, "duration", t.duration());
        Js.setInt(o, "width", t.width());
        Js.setInt(o, "height", t.height());
        Js.setInt(o, "pixelAspectNum", t.pixelAspectNum());
        Js.setInt(o, "pixelAspectDen", t.pixelAspectDen());
        Js.setInt(o, "frameRateNum", t.frameRateNum());
        Js.setInt(o, "frameRateDen", t.frameRateDen());
        Js.setInt(o, "sampleRate", t.sampleRate());
        Js.setInt(o, "channels", t.channels());
        JSArray<JSObject> headers = Js.array();
        for (byte[] h : t.codecHeaders()) {
            headers.push(Int8Array.copyFromJavaArray(h).getBuffer());
        }
        Js.set(o, "headers", headers);
        if (t.codecConfig() != null) {
            Js.set(o, "config", Int8Array.copyFromJavaArray(t.codecConfig()).getBuffer());
        }
        return o;
    }

    static TrackInfo fromJs(JSObject o) {
        TrackType type = TrackType.valueOf(Js.getString(o, "type").toUpperCase());
        TrackInfo.Builder b = new TrackInfo.Builder((int) Js.getNumber(o, "id"), type, Js.getString(o, "codec"))
                .timescale((long) Js.getNumber(o, "timescale"))
                .duration((long) Js.getNumber(o, "duration"))
                .size((int) Js.getNumber(o, "width"), (int) Js.getNumber(o, "height"))
                .pixelAspect((int) Js.getNumber(o, "pixelAspectNum"), (int) Js.getNumber(o, "pixelAspectDen"))
                .frameRate((int) Js.getNumber(o, "frameRateNum"), (int) Js.getNumber(o, "frameRateDen"))
                .audio((int) Js.getNumber(o, "sampleRate"), (int) Js.getNumber(o, "channels"));
        @SuppressWarnings("unchecked")
        JSArray<ArrayBuffer> headers = (JSArray<ArrayBuffer>) Js.get(o, "headers");
        for (int i = 0; i < headers.getLength(); i++) {
            b.addCodecHeader(new Int8Array(headers.get(i)).copyToJavaArray());
        }
        if (Js.has(o, "config")) {
            b.codecConfig(new Int8Array((ArrayBuffer) Js.get(o, "config")).copyToJavaArray());
        }
        return b.build();
    }
}
