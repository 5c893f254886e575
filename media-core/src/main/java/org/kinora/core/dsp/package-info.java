/**
 * Signal processing shared by the audio codecs: the power-of-two inverse MDCT
 * ({@link org.kinora.core.dsp.Imdct}, through a complex FFT of a quarter of its size).
 *
 * <p>It lives in media-core rather than in a module of its own: it is one small class with no
 * dependencies, every audio codec already depends on media-core, and a module would add a
 * reactor entry and a TeaVM classpath entry for a few hundred bytes of code. Each codec keeps its
 * own windows (Vorbis's power-sine slopes, AAC's sine and Kaiser-Bessel-derived shapes) and its
 * own scaling; this package knows nothing about either.
 */
package org.kinora.core.dsp;
