/**
 * Theora I video decoder (Xiph.org Theora I specification; streams of version 3.2.0 and 3.2.1),
 * bit-exact with FFmpeg's decoder.
 *
 * <p>One class per chapter of the decode process: {@link org.kinora.theora.TheoraInfo} (6.2),
 * {@link org.kinora.theora.SetupHeader} and {@link org.kinora.theora.HuffmanTable} (6.4),
 * {@link org.kinora.theora.BlockInfoDecoder} (7.1 to 7.6), {@link org.kinora.theora.TokenDecoder}
 * (7.7), {@link org.kinora.theora.Reconstructor} (7.8, 7.9) with {@link org.kinora.theora.Idct}
 * (7.9.3), {@link org.kinora.theora.LoopFilter} (7.10); {@link org.kinora.theora.FrameLayout}
 * holds the block, super block and macro block maps (2.3, 2.4) and
 * {@link org.kinora.theora.TheoraTables} the specification's tables.
 *
 * <p>Decisions, each checked against FFmpeg's framemd5 on the fixtures in
 * {@code testdata/theora}:
 * <ul>
 *   <li>Planes are kept bottom row first, as Theora numbers them; the {@code Picture} shows row 0
 *       at the top through a negative stride.</li>
 *   <li>Where the specification and FFmpeg differ, FFmpeg wins: an intra block goes through the
 *       whole inverse DCT even when it has a DC coefficient alone, and the one-value shortcut of
 *       7.9.4 is taken only for inter blocks whose first token was an end-of-block (NCOEFFS 0).</li>
 *   <li>The visible rectangle is FFmpeg's: PICY counts from the bottom; a left offset whose plane
 *       starts would not be 32-byte aligned is moved left as FFmpeg moves it (the picture gets
 *       wider).</li>
 *   <li>A 0-byte packet (a dropped frame) repeats the previous picture with the packet's
 *       timestamp. FFmpeg's Ogg demuxer discards such packets, so its framemd5 has no line for
 *       them; the CLI's framemd5 skips them the same way.</li>
 *   <li>Reading past the end of a packet gives zero bits (5.2.4); syntax elements that would
 *       index outside their tables throw {@code MalformedStreamException}. A frame that fails
 *       leaves the reference frames untouched, so the next frames conceal with the last good
 *       picture.</li>
 *   <li>Speed: each token is one look-up of the next 10 bits giving code and extra bits
 *       together (multi-level tables for longer codes), read from a 32-bit window kept in
 *       locals. The look-up tables of a Huffman tree are made when a frame first uses it: a
 *       stream's frames choose among the setup header's 80 trees, and making all of them put
 *       tens of milliseconds (in a cold WebAssembly worker) before the first picture. A token pass does not know which block it is at: it only counts how many blocks
 *       reach each token index (and how many of those are luma), and appends its tokens to the
 *       list of its index. Reconstruction replays a block's tokens from the lists (they are all in
 *       coded order), dequantizing into a 64-entry buffer that stays in the cache, so no
 *       frame-sized coefficient array is written, read back and cleared. The inverse DCT skips
 *       rows known to be zero; reconstruction and loop filter run a super block row at a time.
 *       Nothing is allocated per frame.</li>
 *   <li>Speed, measured on HotSpot (the predictor of both TeaVM builds) by decoding the same file
 *       with two builds of the decoder in one JVM, runs interleaved (single runs move by 10% on
 *       a shared machine): the token lists gave about 8%, the lflim table 5-9%
 *       ({@code lflimTable}, made per frame; its index is unique without a range check of
 *       its own), and the Wasm GC build gained 18% from both. Saturation to 0..255 is a test of
 *       the high bits ({@code Idct.clip}). The residual is added straight into the picture a row
 *       at a time (writing it a column at a time was 10% slower), reading an inter block's
 *       whole-pixel predictor where it lies in the reference; an intra block with its DC
 *       coefficient alone is filled with the one value the full transform gives, and the column
 *       pass is chosen by the highest row the row pass left non-zero. Tried and dropped as no
 *       faster: a row pass for blocks whose coefficients all lie in the first four columns,
 *       branch-free DC prediction for blocks with all four neighbours, skipping the
 *       dequantization of zero rows, clearing coefficients with {@code Arrays.fill}, storing only
 *       when the loop filter changes a pixel (10% slower: unpredictable branch), reading long
 *       tokens' extra bits inline.</li>
 *   <li>Two halves: {@link org.kinora.theora.TheoraFrameParser} reads the packet and undoes
 *       DC prediction; {@link org.kinora.theora.TheoraFrameBuilder} keeps the reference frames and
 *       reconstructs and filters. {@code TheoraDecoder} runs both on one shared state; apart, they
 *       meet through one {@code int[]} hand-over (header, the 64 token list starts and their luma
 *       counts, one packed entry per block with mode, qii and motion vector, coded list, DC values,
 *       super block starts, tokens). The parse half is about a third of the work, so a pipeline of
 *       parse and build alone is bounded by the build half; the planes are independent from the
 *       tokens on, so the split across two workers is {@link org.kinora.theora.TheoraParseStage}
 *       (parse, the chroma planes' DC prediction and the chroma planes, whose references it keeps)
 *       and {@link org.kinora.theora.TheoraBuildStage} (the luma plane's DC prediction and the
 *       luma plane), which get the hand-over and the two chroma planes. Every token list holds the
 *       luma blocks' entries first, so a chroma builder starts each list after its luma count.
 *       Measured on HotSpot at 1080p (bench file, 300 frames, one JVM): parse with chroma 1.47 s,
 *       luma 1.74 s, the copies in and out of the transfer buffer 0.12 s, against 3.17 s for the
 *       whole decoder. Giving the build stage the Cr plane as well (only Cb crossing over) was
 *       tried: 1.03 s against 2.12 s, too uneven. In the browser the first stage's worker also
 *       fetches and demuxes, which is why its half is the smaller one; figures in bench/README.</li>
 *   <li>Linear memory instead of arrays, evaluated on TeaVM 0.15's class library and not built:
 *       a direct {@code ByteBuffer} in the Wasm GC build is {@code TByteBufferNative}, whose
 *       {@code get(int)} checks the index against the limit in Java and then reads through an
 *       {@code Address}: the same check as the Wasm GC array's, plus a virtual call and field
 *       loads. {@code Address} itself does not exist in the JS build, so kernels on it would need
 *       a second copy for that build. Neither removes the tenth that bounds checks cost.</li>
 * </ul>
 */
package org.kinora.theora;
