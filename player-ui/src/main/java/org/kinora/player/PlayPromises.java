package org.kinora.player;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/** The promises play() returned that are not settled yet: settled together, as HTML's list of pending play promises. */
final class PlayPromises {
    private final List<JSConsumer<Object>[]> pending = new ArrayList<>();

    JSPromise<Object> add() {
        return new JSPromise<>((resolve, reject) -> {
            @SuppressWarnings("unchecked")
            JSConsumer<Object>[] pair = new JSConsumer[] {resolve::accept, reject};
            pending.add(pair);
        });
    }

    void resolveAll() {
        settle(true, null);
    }

    void rejectAll(JSObject reason) {
        settle(false, reason);
    }

    private void settle(boolean ok, JSObject reason) {
        List<JSConsumer<Object>[]> list = new ArrayList<>(pending);
        pending.clear();
        for (JSConsumer<Object>[] pair : list) {
            if (ok) {
                pair[0].accept(null);
            } else {
                pair[1].accept(reason);
            }
        }
    }
}
