package org.kinora.player;

import java.util.ArrayDeque;
import org.teavm.jso.JSObject;

/**
 * Dispatches a player's events on its {@code Kinora.Player} object. As HTMLMediaElement queues its
 * events, they are dispatched after the operation that caused them (in a microtask), in the order
 * they were raised: a listener that calls {@code play()} from {@code canplay} sees
 * {@code canplaythrough} of the same change before its own {@code play}.
 */
final class Events {
    private final JSObject target;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean scheduled;

    Events(JSObject target) {
        this.target = target;
    }

    void emit(String type) {
        queue.add(type);
        if (!scheduled) {
            scheduled = true;
            Dom.microtask(this::flush);
        }
    }

    private void flush() {
        while (!queue.isEmpty()) {
            Dom.dispatch(target, queue.poll());
        }
        scheduled = false;
    }
}
