package org.kinora.worker.protocol;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * What every message of the worker protocol has: its {@code type}, and for the messages of a
 * player's stream the {@code session} (one per loaded source) and seek {@code epoch} it belongs
 * to. A receiver drops stream messages of a session or epoch that is not current.
 */
public interface Message extends JSObject {
    @JSProperty
    String getType();

    @JSProperty
    void setType(String type);

    @JSProperty
    int getSession();

    @JSProperty
    void setSession(int session);

    @JSProperty
    int getEpoch();

    @JSProperty
    void setEpoch(int epoch);
}
