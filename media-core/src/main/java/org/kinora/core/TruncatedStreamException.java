package org.kinora.core;

/** The data ended before a structure that must be complete (a header, a packet's payload). */
public class TruncatedStreamException extends MalformedStreamException {
    public TruncatedStreamException(String message) {
        super(message);
    }
}
