package org.kinora.core;

/** What a track carries. */
public enum TrackType {
    VIDEO("video"), AUDIO("audio"), OTHER("other");

    private final String label;

    TrackType(String label) {
        this.label = label;
    }

    /**
     * The type's name in lower case, as messages and the player's API carry it. A constant: in
     * the browser builds {@code toLowerCase} builds a Unicode case table on its first call.
     */
    public String label() {
        return label;
    }

    /** The type whose {@link #label} is {@code label}. */
    public static TrackType ofLabel(String label) {
        for (TrackType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no track type " + label);
    }
}
