package org.kinora.core;

/** Kinora's version; the webapp build checks that package.json carries the same. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
