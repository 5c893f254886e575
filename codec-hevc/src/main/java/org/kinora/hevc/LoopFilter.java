package org.kinora.hevc;

/**
 * The in-loop filters of one picture (H.265 8.7): deblocking, then SAO, run one CTB row behind
 * decoding, so the rows are filtered while their samples are still in the cache.
 *
 * <p>Intra prediction of row r reads the last line of row r - 1 as decoded, which the vertical
 * edges of row r - 1 change: row r - 1 is deblocked once row r is decoded (its horizontal edges,
 * the one at its top included, change lines of rows r - 2 and r - 1 only). SAO of a row reads the
 * first line of the row below, deblocked: row r - 2 gets its offsets then too. The rest is done
 * when the picture ends. Without tiles, CTBs are decoded in raster order and a slice segment must
 * continue the one before it, so the last CTB of a row is decoded last: the row is complete then,
 * whatever slices (with whatever filter flags) it holds, with or without WPP. With tiles a row is
 * complete only when every tile across it is, and everything waits for the end of the picture;
 * so does whatever was left undecoded by a damaged picture, which is concealed first. The result
 * is the same as whole-picture passes in either case (see {@link Deblocking} and {@link Sao}).
 */
final class LoopFilter {
    private final Deblocking deblocking = new Deblocking();
    private final Sao sao = new Sao();
    /**
     * False runs every row when the picture ends, as with tiles, for every picture; the two ways
     * give the same samples, which the tests check.
     */
    boolean followDecoding = true;
    private Frame frame;
    /** Filtering follows decoding row by row (no tiles). */
    private boolean perRow;
    /** CTB rows deblocked, and rows with SAO done, from the top. */
    private int deblocked;
    private int offsetsDone;

    /** Starts picture {@code f}. */
    void start(Frame f) {
        frame = f;
        perRow = followDecoding && !f.pps.tilesEnabled;
        deblocked = 0;
        offsetsDone = 0;
        sao.start(f);
    }

    /** CTB {@code rs} (raster address) of the current picture is decoded. */
    void ctbDecoded(int rs) {
        int w = frame.sps.picWidthInCtbs;
        if (perRow && rs % w == w - 1) {
            int ry = rs / w;
            deblock(ry);
            offsets(ry - 1);
        }
    }

    /** Filters every row not filtered yet; the picture is decoded (or concealed) in full. */
    void finish() {
        int rows = frame.sps.picHeightInCtbs;
        deblock(rows);
        offsets(rows);
        frame = null;
    }

    /** Deblocks the rows before {@code end}. */
    private void deblock(int end) {
        while (deblocked < end) {
            deblocking.row(frame, deblocked++);
        }
    }

    /** Applies SAO to the rows before {@code end}. */
    private void offsets(int end) {
        while (offsetsDone < end) {
            sao.row(frame, offsetsDone);
            int ctbSize = frame.sps.ctbSize;
            frame.narrowLuma(offsetsDone * ctbSize, ++offsetsDone * ctbSize); // the row is final
        }
    }
}
