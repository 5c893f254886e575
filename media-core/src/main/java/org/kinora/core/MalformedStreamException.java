package org.kinora.core;

/** A syntax element is out of its legal range, a header is inconsistent, or a checksum failed. */
public class MalformedStreamException extends MediaException {
    public MalformedStreamException(String message) {
        super(MEDIA_ERR_DECODE, message);
    }

    /** Throws unless {@code value} lies in {@code [min, max]}; {@code what} names the element. */
    public static int checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new MalformedStreamException(what + " = " + value + " outside [" + min + ", " + max + "]");
        }
        return value;
    }
}
