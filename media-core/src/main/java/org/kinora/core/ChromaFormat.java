package org.kinora.core;

/** Chroma sampling, numbered as H.265's chroma_format_idc. */
public final class ChromaFormat {
    public static final int MONOCHROME = 0;
    public static final int YUV420 = 1;
    public static final int YUV422 = 2;
    public static final int YUV444 = 3;

    private ChromaFormat() {
    }

    /** log2 of the horizontal chroma subsampling factor. */
    public static int shiftX(int chromaFormat) {
        return chromaFormat == YUV420 || chromaFormat == YUV422 ? 1 : 0;
    }

    /** log2 of the vertical chroma subsampling factor. */
    public static int shiftY(int chromaFormat) {
        return chromaFormat == YUV420 ? 1 : 0;
    }

    public static String name(int chromaFormat) {
        switch (chromaFormat) {
            case MONOCHROME: return "gray";
            case YUV420: return "yuv420p";
            case YUV422: return "yuv422p";
            case YUV444: return "yuv444p";
            default: return "chroma" + chromaFormat;
        }
    }
}
