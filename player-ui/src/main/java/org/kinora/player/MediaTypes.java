package org.kinora.player;

import java.util.Locale;

/**
 * {@code canPlayType(type)}: whether a MIME type, with its {@code codecs=} parameter (RFC 6381),
 * names media this player plays. {@code "probably"} when the container and every codec named are
 * ones it decodes, {@code "maybe"} when the type names no codecs (or a codec without the profile
 * that decides), {@code ""} when something named is not played.
 *
 * <p>Codecs: {@code hvc1}/{@code hev1} with the general profile of ISO/IEC 14496-15 E.3
 * ({@code hvc1.1.6.L93.B0}: profile space, profile_idc, compatibility flags, tier and level,
 * constraint bytes): Main (1), Main 10 (2) and Main Still Picture (3) play, the range extensions
 * (4: Main 4:4:4, Main 12...) and beyond do not. {@code mp4a.40.2} (AAC LC) and {@code mp4a.67}
 * play; {@code mp4a.40.5} (HE-AAC) and {@code mp4a.40.29} (HE-AAC v2) are "maybe": their AAC-LC
 * core plays, at half the sample rate and without the high band or stereo of SBR and PS.
 * {@code theora}, {@code vorbis}, {@code alaw}, {@code ulaw}. Everything else (Opus, FLAC, AVC, VP8,
 * VP9, AV1...) does not.
 */
final class MediaTypes {
    static final String PROBABLY = "probably";
    static final String MAYBE = "maybe";
    static final String NO = "";

    private enum Kind { HEVC, AAC, G711, THEORA, VORBIS }

    private MediaTypes() {
    }

    static String canPlayType(String type) {
        if (type == null) {
            return NO;
        }
        int semi = type.indexOf(';');
        String essence = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        String codecs = semi < 0 ? null : codecsParameter(type.substring(semi + 1));
        Kind[] allowed = containerCodecs(essence);
        if (allowed == null) {
            return NO;
        }
        if (codecs == null) {
            return MAYBE;
        }
        boolean audioOnly = essence.startsWith("audio/");
        String answer = PROBABLY;
        String[] list = codecs.split(",", -1);
        for (String c : list) {
            String codec = c.trim();
            Kind kind = kind(codec);
            if (kind == null || !contains(allowed, kind) || (audioOnly && (kind == Kind.HEVC || kind == Kind.THEORA))) {
                return NO;
            }
            String one = kind == Kind.HEVC ? hevc(codec) : kind == Kind.AAC ? aac(codec) : PROBABLY;
            if (one.isEmpty()) {
                return NO;
            }
            if (one.equals(MAYBE)) {
                answer = MAYBE;
            }
        }
        return answer;
    }

    /** The codecs the container {@code essence} carries that this player decodes; null for an unknown container. */
    private static Kind[] containerCodecs(String essence) {
        switch (essence) {
            case "video/mp4":
            case "audio/mp4":
            case "audio/x-m4a":
            case "video/x-flv":
                return new Kind[] {Kind.HEVC, Kind.AAC, Kind.G711};
            case "video/x-matroska":
            case "audio/x-matroska":
                return new Kind[] {Kind.HEVC, Kind.AAC, Kind.VORBIS, Kind.THEORA};
            case "video/ogg":
            case "audio/ogg":
            case "application/ogg":
                return new Kind[] {Kind.THEORA, Kind.VORBIS};
            case "video/webm":
            case "audio/webm":
                return new Kind[] {Kind.VORBIS};
            case "audio/aac":
            case "audio/x-aac":
                return new Kind[] {Kind.AAC};
            case "video/h265":
            case "video/hevc":
                return new Kind[] {Kind.HEVC};
            default:
                return null;
        }
    }

    private static boolean contains(Kind[] kinds, Kind k) {
        for (Kind x : kinds) {
            if (x == k) {
                return true;
            }
        }
        return false;
    }

    private static Kind kind(String codec) {
        String c = codec.toLowerCase(Locale.ROOT);
        String head = c.indexOf('.') < 0 ? c : c.substring(0, c.indexOf('.'));
        switch (head) {
            case "hvc1":
            case "hev1":
                return Kind.HEVC;
            case "mp4a":
                return Kind.AAC;
            case "alaw":
            case "ulaw":
                return c.equals(head) ? Kind.G711 : null;
            case "theora":
                return c.equals(head) ? Kind.THEORA : null;
            case "vorbis":
                return c.equals(head) ? Kind.VORBIS : null;
            default:
                return null;
        }
    }

    /** {@code hvc1.[A|B|C]<profile_idc>.<compat hex>.<L|H><level_idc>[.<constraint hex>]*} (ISO/IEC 14496-15 E.3). */
    static String hevc(String codec) {
        String[] f = codec.split("\\.", -1);
        if (f.length == 1) {
            return MAYBE; // the profile is not named
        }
        if (f.length < 4 || f.length > 10) {
            return NO;
        }
        String profile = f[1];
        if (!profile.isEmpty() && "ABCabc".indexOf(profile.charAt(0)) >= 0) {
            return NO; // a profile space other than 0 names no profile of this edition
        }
        int profileIdc = decimal(profile, 31);
        if (profileIdc < 0 || !hex(f[2], 8)) {
            return NO;
        }
        String tierLevel = f[3];
        if (tierLevel.length() < 2 || "LHlh".indexOf(tierLevel.charAt(0)) < 0 || decimal(tierLevel.substring(1), 255) < 0) {
            return NO;
        }
        for (int i = 4; i < f.length; i++) {
            if (!hex(f[i], 2)) {
                return NO;
            }
        }
        // Main, Main 10, Main Still Picture; 0 (none given) with Main's compatibility flag set is Main too
        boolean main = profileIdc >= 1 && profileIdc <= 3 || profileIdc == 0 && (Long.parseLong(f[2], 16) & 0x6) != 0;
        return main ? PROBABLY : NO;
    }

    /** {@code mp4a.<object type hex>[.<audio object type>]} (RFC 6381 3.3). */
    static String aac(String codec) {
        String[] f = codec.toLowerCase(Locale.ROOT).split("\\.", -1);
        if (f.length == 1 || f.length > 3 || !hex(f[1], 2)) {
            return f.length == 1 ? MAYBE : NO;
        }
        int oti = Integer.parseInt(f[1], 16);
        if (oti == 0x67) {
            return f.length == 2 ? PROBABLY : NO; // MPEG-2 AAC LC
        }
        if (oti != 0x40) {
            return NO; // MP3, MPEG-2 AAC Main/SSR, ...
        }
        if (f.length == 2) {
            return MAYBE;
        }
        switch (decimal(f[2], 99)) {
            case 2:
                return PROBABLY;
            case 5:
            case 29:
                return MAYBE; // the LC core plays, without SBR / PS
            default:
                return NO;
        }
    }

    /** The value of the {@code codecs} parameter in {@code params} (after the essence), unquoted; null without one. */
    private static String codecsParameter(String params) {
        String rest = params;
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String name = rest.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value;
            String after = rest.substring(eq + 1).trim();
            if (after.startsWith("\"")) {
                int close = after.indexOf('"', 1);
                value = close < 0 ? after.substring(1) : after.substring(1, close);
                int next = close < 0 ? -1 : after.indexOf(';', close);
                rest = next < 0 ? "" : after.substring(next + 1);
            } else {
                int next = after.indexOf(';');
                value = (next < 0 ? after : after.substring(0, next)).trim();
                rest = next < 0 ? "" : after.substring(next + 1);
            }
            if (name.equals("codecs")) {
                return value;
            }
        }
        return null;
    }

    /** A decimal number of at most {@code max}, -1 when {@code s} is not one. */
    private static int decimal(String s, int max) {
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + ch - '0';
        }
        return v <= max ? v : -1;
    }

    private static boolean hex(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
