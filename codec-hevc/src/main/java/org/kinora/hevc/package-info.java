/**
 * H.265/HEVC decoder (Rec. ITU-T H.265, clause numbers of the 2021 edition).
 *
 * <p>Layout, one class per chapter of the specification; syntax parsing is kept apart from the
 * pixel kernels:
 * <ul>
 * <li>{@link org.kinora.hevc.Nal}: NAL unit header, emulation prevention, Annex B and
 * length-prefixed framing (7.3.1, Annex B).</li>
 * <li>{@code Pps}: picture parameter set (7.3.2.3); {@code Pps.bind} derives the tile scan tables
 * (6.5.1). The SPS, VUI, scaling lists and short-term reference picture sets are parsed by the
 * {@code hevc-params} module ({@link org.kinora.hevc.params}), shared with the demuxers;
 * {@code HevcDecoder.checkSupported} then refuses what this decoder does not decode (4:2:2 and
 * 4:4:4, more than 10 bits, range extension tools, pictures above level 6.2's size).</li>
 * <li>{@code SliceHeader}: slice segment header (7.3.6); {@code PredWeightTable}: pred_weight_table
 * (7.3.6.3).</li>
 * <li>{@code Cabac}, {@code CabacTables}: the arithmetic decoding engine and context tables (9.3).</li>
 * <li>{@code SliceDecoder}: slice segment data, CTU and SAO syntax, context initialisation, WPP
 * storage and synchronisation, tiles and dependent slice segments (7.3.8.1-3, 9.3.1).</li>
 * <li>{@code CodingTree}: coding quadtree, coding unit, transform tree and unit syntax, intra
 * mode and QP derivation (7.3.8.4-12, 8.4.2, 8.4.3, 8.6.1); {@code Residual}: residual_coding
 * (7.3.8.11, 9.3.4.2.4-7).</li>
 * <li>Kernels: {@code IntraPrediction} (8.4.4.2), {@code InterPrediction} (fractional sample
 * interpolation, 8.5.3.3.3, with the weighting fused into its last pass where that pays),
 * {@code WeightedPrediction} (weighted sample prediction, 8.5.3.3.4), {@code Transform} and {@code TransformMatrix}
 * (8.6.2-8.6.4), {@code Deblocking} (8.7.2), {@code Sao} (8.7.3), both driven by {@code LoopFilter}.</li>
 * <li>{@code PictureHash}: decoded picture hash SEI (D.2.20); {@code HevcDecoder}: NAL dispatch,
 * picture order count (8.3.1), output order (C.5.2) and cropping.</li>
 * </ul>
 *
 * <p>Decisions:
 * <ul>
 * <li>Samples are stored as {@code short} for every bit depth, so Main 10 runs the same code;
 * at 8 bits the luma is also kept as bytes, made as each CTB row becomes final, for motion
 * compensation to read (see below), and a returned picture's luma plane is that copy; its chroma
 * is narrowed to bytes when it is returned.</li>
 * <li>Motion compensation reads reference planes as they are (no padded copies): a block whose
 * filter footprint (3 samples before, 4 after for luma; 1 and 2 for chroma) lies inside the
 * picture is filtered straight from the plane, any other block first has its clamped footprint
 * (Clip3 of 8.5.3.3.3) copied into a 71x71 scratch. Only blocks at the picture border pay, and
 * no picture is copied or enlarged. Interpolation is separable through a 16-bit scratch with one
 * loop per fractional case, luma loops per fractional position with constant coefficients; the
 * default bi-prediction of the second list and the uni-prediction weighting are done in the last
 * filter pass, writing the picture directly, and full-sample uni-predicted blocks are copied; luma values with both components fractional can exceed 32767 for
 * contrived content, so they are stored modulo 2^16 and read back exactly by the weighting
 * functions (see {@code InterPrediction}). Of the two lists of a bi-predicted block, one whose
 * vector is fractional horizontally only goes first (its pass cannot take the averaging). At 8
 * bits the horizontal pass packs two neighbouring samples into one {@code int} and filters both
 * with one set of operations ({@code PackedFilters}, exact because every 8-bit output fits 16
 * bits), reading the reference's byte copy of its luma (below); a block near the picture's edge,
 * read from the clamped scratch, takes the plain loops (0.994x on the 1080p inter stream against
 * packed filters for those blocks too, {@code jvm-compare.sh -r 8}: within the noise). A pred_weight_table of identity weights (x265 writes one into every P slice by default)
 * is dropped, since explicit weighting with them equals the default weighting.</li>
 * <li>Block metadata (intra modes, QP, depth, deblocking strengths, filter bypass) lives in
 * primitive arrays at 4x4 granularity in {@code Frame}; no object is made per block.</li>
 * <li>The CABAC engine keeps 16 bits of offset (the specification's 9 plus 7 read ahead) and
 * refills a byte at a time; the byte after the last one it read is where PCM samples and the
 * next WPP or tile substream start, so entry point offsets are parsed but not needed.</li>
 * <li>Loop filters run one CTB row behind decoding, while the rows are still in the cache: once
 * CTB row r is decoded, row r - 1 is deblocked (its vertical edges, then its horizontal ones, the
 * one at its top included) and row r - 2 gets SAO, in place, CTB by CTB, keeping only the
 * deblocked last row of the CTB row above and last column of the CTB to the left (no copy of the
 * picture); the last rows follow the last slice. Row r - 1, not r, because intra prediction of row
 * r reads the last line of row r - 1 as decoded. Edges of one direction never read each other's
 * samples, so this equals the whole-picture order of 8.7.2 (all vertical edges, then all
 * horizontal ones). With tiles a row is complete only when every tile across it is, so such
 * pictures, and the concealed part of a damaged one, are filtered when they end. Measured against
 * whole-picture passes (decoding thread CPU time, both builds alternating in one JVM, 9 to 15
 * paired runs): 1.02-1.03x on a 720p all-intra stream, 1.02x on 720p and 1080p inter streams.
 * Small gains: in a profile of the 1080p inter stream these passes took about 11% of the samples.
 * Against libde265 (scalar, one thread, by CPU time, median of three {@code bench.sh} runs) the
 * decoder then stood at 1.06x all-intra, 0.99x on the 720p inter stream and 0.96x on the 1080p
 * one. Tried and left out: narrowing 8-bit output to bytes as each row becomes final, into byte
 * planes kept with every frame (1.04-1.07x instead of 1.01-1.03x all-intra, no clear change on
 * inter streams) costs 1.5 more bytes per sample in every picture the DPB holds.
 * <br>Inter streams next (each step checked as {@code bench/jvm-compare.sh} does, builds alternating
 * in one JVM, but timed by the decoding thread's CPU time; median of the paired ratios over 8 to
 * 14 rounds): the
 * vertical passes as counted loops over rows (1.02x by best time on the 1080p stream); the 8-bit
 * narrowing in a method of its own (1.02x); identity weight tables dropped, luma uni-prediction
 * with per-fraction vertical loops and no division in deblocking's slice look-up (together 1.02x
 * on the 720p stream); H-only lists first in bi-prediction (1.01x more); the packed 8-bit
 * horizontal filters (1.00-1.02x more; 1.1-1.4x on the filter alone in a micro-benchmark, but in
 * the decoder these passes are the first to read the reference pictures, 2 bytes a sample and
 * beyond the caches at 1080p, and seem to wait on memory more than on arithmetic). All together: 1.05x on
 * the 720p inter stream (10 rounds) and 1.03x on the 1080p one (8 rounds, 1.01x to 1.07x; best
 * time 1.04x).
 * Against libde265 ({@code bench.sh inter}, per CPU second, three runs of each build alternating
 * on a quiet machine, medians): 1.04x on the 720p inter stream and 0.96x on the 1080p one, where
 * the build before these changes gave 0.99x and 0.92x in the same runs. So 1080p is still short
 * of 1.0x. Tried and left out: vectorised
 * loop forms (HotSpot 17 does not vectorise these kernels; its superword unrolling even slows
 * the sliding-window loops in micro-benchmarks), constant coefficients per chroma fraction (no
 * measurable change in a micro-benchmark).
 * <br>Then, at 8 bits, each picture also keeps its luma as bytes ({@code Frame.luma8}), narrowed
 * as each CTB row becomes final (after SAO, while the row is in the cache), and the packed
 * horizontal luma filters of motion compensation read that copy: half the memory for the pass
 * that first touches the reference. It costs one more byte per luma sample (+1/3 of the sample
 * memory at 4:2:0), counted in the DPB byte budget; 10-bit pictures keep no copy. Paired runs by
 * CPU time on the 1080p inter stream, 8 rounds each, the machine shared: 1.06x (0.92x to 1.18x),
 * 1.11x (1.01x to 1.16x), 1.03x and 1.06x (0.99x to 1.11x); on the 720p one, whose references
 * fit the caches better, no clear change (0.97x and 1.04x). Against libde265 ({@code bench.sh
 * inter}, per CPU second, three runs of each build alternating, load average 0.3 to 1.3): 1.01x,
 * 1.03x and 1.02x on 1080p (the build before: 0.93x, 0.66x, 0.91x) and 1.04x, 1.04x and 1.01x on
 * 720p (before: 1.04x, 0.96x, 0.98x), so medians of 1.02x and 1.04x.
 * Tried and left out: vertical-only luma blocks widened from the byte copy into the scratch
 * before filtering (1.03x and 1.01x over the above, best times no better); byte copies of the
 * chroma planes too, read by the packed chroma filters (+0.5 byte a sample; 1.05x and 0.98x over
 * the above). Not tried yet: byte forms of the vertical and full-sample kernels themselves.
 * <br>Returned 8-bit pictures then hand out that byte copy as their luma plane instead of
 * narrowing the luma a second time: 1.04x on the 1080p inter stream and 1.02x on the 720p one
 * ({@code bench/jvm-compare.sh -r 12}, medians of the paired ratios, load average 1.1 to 1.8).
 * Tried and left out: byte copies of the chroma planes made the same way and handed out too, so
 * that nothing is narrowed at output (+0.5 byte a sample in every picture the DPB holds): 0.999x
 * on the 1080p stream and 1.008x on the 720p one, the same runs. The worker then packs the
 * visible part of the byte planes into the buffer it sends, one pass per picture (see
 * {@code bench/README.md}, "Pictures leaving the video worker").
 * <br>In the Wasm GC build ({@code bench/profile.mjs} on the 1080p inter stream) the per-picture
 * clearing of the deblocking and filter maps in {@code Frame.allocate} took 3.6% of the decoding
 * worker's samples: TeaVM's {@code Arrays.fill} there is a loop of single stores. They are cleared
 * with {@code System.arraycopy} from an array of zeros (a bulk {@code array.copy}): 1.3% after,
 * {@code bench/variants.sh -r 3 -n 3} 32.9 against 32.5 frames/s (x1.01), the JVM unchanged
 * ({@code jvm-compare.sh -r 8}: 0.996x).</li>
 * <li>A packet holds whole access units; the last picture of a packet is finished when
 * {@code decode} returns. Pictures are checked against their hash SEI (MD5, CRC, checksum) and the
 * counts are public; a mismatch does not stop decoding.</li>
 * <li>Motion is kept per 4x4 block in flat arrays of the frame (packed vectors, reference
 * indices); collocated reads take the 16x16-aligned block (8.5.3.2.8), which is the
 * specification's motion compression without a second copy. Reference samples are read with
 * clamped coordinates (stride = plane width, no padding).</li>
 * <li>A frame returns to the pool only when it is neither needed for reference, nor waiting for
 * output, nor the picture last handed out by {@code receive()}. The DPB size is checked against
 * MaxDpbSize (A.4.2, for the largest level, since the level is not trusted) and the pictures an
 * SPS may keep against a byte budget.</li>
 * <li>Errors: an access unit with a damaged or missing slice segment fails with a
 * {@code MediaException}, but the picture is concealed (its undecoded CTBs copied from the
 * nearest reference picture, grey without one, with no motion) and stays a reference; missing
 * reference pictures are generated grey (8.3.3). Decoding goes on, and is exact again from the
 * next IDR or BLA picture (or CRA, for the pictures that follow it in output order). A picture
 * whose first slice segment is lost is lost whole. The first error is the one reported.</li>
 * <li>An end of sequence NAL unit does not flush the output by itself: the next picture starts a
 * new sequence, and if it is a CRA picture, pictures not output yet are discarded (C.5.2.2,
 * NoOutputOfPriorPicsFlag = 1), as FFmpeg does.</li>
 * <li>Range extension tools and chroma formats other than 4:2:0 are refused with
 * {@code UnsupportedFeatureException}.</li>
 * <li>Every syntax element that indexes an array is range-checked; corrupt data ends in a
 * {@code MediaException} (see the mutation test).</li>
 * </ul>
 */
package org.kinora.hevc;
