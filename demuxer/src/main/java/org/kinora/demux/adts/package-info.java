/**
 * Raw AAC in ADTS frames (ISO/IEC 14496-3 1.A.2): sniffing and a small resumable demuxer.
 *
 * <p>Self-contained on purpose: it buffers what it is fed itself and emits one packet per ADTS
 * frame, so it can move onto the shared push-input layer unchanged in its parsing. The
 * AudioSpecificConfig it hands over is the one the header stands for; a channel configuration of
 * 0 means the program_config_element comes in the frames, and the track then reports 0 channels.
 */
package org.kinora.demux.adts;
