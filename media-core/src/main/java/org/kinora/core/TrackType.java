package org.kinora.core;

/** What a track carries. */
public enum TrackType {
    VIDEO, AUDIO, OTHER
}
