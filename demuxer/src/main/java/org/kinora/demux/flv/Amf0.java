package org.kinora.demux.flv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinora.core.MalformedStreamException;
import org.kinora.core.Utf8;

/**
 * A reader for the AMF0 values of FLV script data tags (FLV 10.1, E.4.4; AMF0 specification,
 * 2.2-2.14). Numbers become {@link Double}, booleans {@link Boolean}, strings {@link String},
 * objects and ECMA arrays {@code Map<String, Object>}, strict arrays {@code List<Object>}, dates
 * their milliseconds as a Double, null and undefined {@code null}. Every count and length is checked
 * against the bytes that are left and nesting is bounded, so hostile data costs no more than its
 * own size.
 */
final class Amf0 {
    static final int NUMBER = 0;
    static final int BOOLEAN = 1;
    static final int STRING = 2;
    static final int OBJECT = 3;
    static final int MOVIECLIP = 4;
    static final int NULL = 5;
    static final int UNDEFINED = 6;
    static final int REFERENCE = 7;
    static final int ECMA_ARRAY = 8;
    static final int OBJECT_END = 9;
    static final int STRICT_ARRAY = 10;
    static final int DATE = 11;
    static final int LONG_STRING = 12;

    private static final int MAX_DEPTH = 16;

    private final byte[] data;
    private int pos;
    private final int end;

    Amf0(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** The next value. */
    Object readValue() {
        return value(0);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedStreamException("AMF0 values nested more than " + MAX_DEPTH + " deep");
        }
        int type = u8();
        switch (type) {
            case NUMBER:
                return Double.longBitsToDouble(u64());
            case BOOLEAN:
                return u8() != 0;
            case STRING:
                return string(u16());
            case LONG_STRING:
                return string(u32());
            case OBJECT:
                return properties(depth, new LinkedHashMap<>());
            case ECMA_ARRAY: {
                u32(); // approximate count: the properties end with an object end marker
                return properties(depth, new LinkedHashMap<>());
            }
            case STRICT_ARRAY: {
                long count = u32() & 0xFFFFFFFFL;
                if (count > end - pos) {
                    throw new MalformedStreamException("AMF0 strict array of " + count + " values in " + (end - pos) + " bytes");
                }
                List<Object> list = new ArrayList<>((int) count);
                for (int i = 0; i < count; i++) {
                    list.add(value(depth + 1));
                }
                return list;
            }
            case DATE: {
                double ms = Double.longBitsToDouble(u64());
                u16(); // time zone, unused
                return ms;
            }
            case NULL:
            case UNDEFINED:
                return null;
            case REFERENCE:
                u16();
                return null;
            default:
                throw new MalformedStreamException("AMF0 type " + type + " is not supported");
        }
    }

    private Map<String, Object> properties(int depth, Map<String, Object> map) {
        while (true) {
            int n = u16();
            if (n == 0) {
                need(1);
                if ((data[pos] & 0xFF) == OBJECT_END) {
                    pos++;
                    return map;
                }
            }
            String key = string(n);
            map.put(key, value(depth + 1));
        }
    }

    private void need(long n) {
        if (n > end - pos) {
            throw new MalformedStreamException("AMF0 value runs past the script tag");
        }
    }

    private int u8() {
        need(1);
        return data[pos++] & 0xFF;
    }

    private int u16() {
        need(2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    private int u32() {
        need(4);
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    private long u64() {
        long hi = u32() & 0xFFFFFFFFL;
        long lo = u32() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    private String string(long n) {
        need(n);
        String s = Utf8.decode(data, pos, (int) n);
        pos += (int) n;
        return s;
    }
}
