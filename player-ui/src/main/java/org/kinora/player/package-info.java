/**
 * The main-thread player, compiled by TeaVM to JavaScript and assembled into {@code kinora.js}
 * between a prelude and a few hand-written scripts (src/main/js).
 *
 * <p>Java holds the logic: {@link org.kinora.player.PlayerCore} (loading, HTMLMediaElement-like
 * state and events, the clock, presenting and dropping pictures), the decode-only API
 * ({@link org.kinora.player.DecodeSession}) and the build choice
 * ({@link org.kinora.player.BuildSelector}). The browser-facing glue is plain JavaScript because
 * its shape is dictated by web platform classes that TeaVM output cannot define: the
 * {@code Kinora.Player} class (an EventTarget subclass with accessors), the
 * {@code <kinora-player>} custom element, the WebGL / Canvas 2D renderer and the WebAudio output
 * with its AudioWorkletProcessor. They call into Java through one function per player.
 *
 * <p>Clock: with sound, the master clock is the number of stream frames the AudioWorklet has
 * played, interpolated with the AudioContext clock between its reports; without sound, the wall
 * clock. Pictures are presented on animation frames: the newest picture that is due is drawn,
 * older due ones are dropped and counted.
 */
package org.kinora.player;
