/**
 * The one factory from codec name to decoder. {@code cli} and {@code worker-pool} both make
 * their decoders here, so a codec module is registered once: one line in {@link
 * org.kinora.codecs.Codecs}'s video or audio table, and the codec module added to this module's
 * dependencies. A small module of its own because it is the only place that depends on every
 * codec module; the demuxers and media-core stay free of them.
 */
package org.kinora.codecs;
