/**
 * Container parsers as resumable push state machines ({@link org.kinora.demux.Demuxer}), format
 * sniffing ({@link org.kinora.demux.ContainerFormat}, {@link org.kinora.demux.Demuxers#detect})
 * and seeking.
 *
 * <p>Every demuxer reads through {@link org.kinora.demux.io.InputBuffer}. Every demuxer's tests
 * run the shared harness in the test sources ({@code org.kinora.demux.testing.DemuxerHarness}):
 * the same file whole, a byte at a time, in random chunks, without its length, with reads cut
 * short and resumed, and after sniffing must give the same packets; seeks to 0, 1/3, 2/3 and the
 * end must give, per track, a tail of the full read starting at a keyframe at or before the
 * target; and thousands of fixed-seed mutants must end normally or in a MediaException within a
 * bounded number of polls and bounded allocation. Container fixtures are also checked packet by
 * packet against ffprobe ({@code PacketOracle}).
 *
 * <p>Tracks whose codec Kinora cannot decode are still listed ({@link
 * org.kinora.core.TrackInfo#supported()} false or no decoder registered) and their packets still
 * delivered; players pick the first decodable track of each kind.
 */
package org.kinora.demux;
