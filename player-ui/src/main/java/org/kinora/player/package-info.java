/**
 * The main-thread player, compiled by TeaVM to JavaScript and assembled into {@code kinora.js}
 * (a classic script) and {@code kinora.mjs} (an ES module) between a prelude and a few
 * hand-written scripts (src/main/js); only the prelude and epilogue differ between the two.
 *
 * <p>Java holds the logic, one concern per class:
 * <ul>
 *   <li>{@link org.kinora.player.Pipeline}: one session of the worker protocol (source and video
 *       worker from the page's pool, the MessageChannel between them, typed messages, seeks). The
 *       only main-thread code that speaks the protocol; the player and {@code Kinora.decode}
 *       ({@link org.kinora.player.DecodeSession}) both use it. Messages of another session or an
 *       earlier seek epoch are dropped on arrival and their buffers given back.</li>
 *   <li>{@link org.kinora.player.PlayerCore}: the state (explicit {@code Load} and {@code Play}
 *       states, seeking, {@link org.kinora.player.ReadyState}) and the transitions the page asks
 *       for; {@link org.kinora.player.PlayerStream}: the transitions the stream and time cause.</li>
 *   <li>{@link org.kinora.player.MediaClock}: the timestamps of the sound actually played (the
 *       AudioWorklet reports the presentation time of the sample it plays; gaps between blocks
 *       are played as silence, jumps over 5 s are discontinuities), the wall clock when sound
 *       ends first, for files without sound and when sound is not routed to an output.</li>
 *   <li>{@link org.kinora.player.FrameQueue}: pictures waiting for their time; late ones are
 *       dropped and counted; buffers go back to the video worker.</li>
 *   <li>{@link org.kinora.player.SoundOutput}: the WebAudio output, or discarding sound (muted
 *       without a running AudioContext, no WebAudio).</li>
 *   <li>The sound path: the pipeline creates a MessageChannel per session, one port goes to the
 *       source worker with {@code open}, the other to the AudioWorkletProcessor once the output
 *       exists (blocks sent before wait in the port). Blocks go straight from the worker to the
 *       worklet and their arrays straight back; this thread sends controls (play, pause, flush
 *       with the seek epoch, skip, from) and reads position reports, and the worker tells it how
 *       far the sound sent reaches ({@code audio-progress}, for read-ahead and the ready state).
 *       The worklet drops blocks of older epochs, and a block of a newer epoch flushes it, so no
 *       sound of a superseded seek is heard whichever of the two ports delivers first. Its
 *       {@code process()} makes no objects (ring of blocks, played arrays returned from the
 *       message handler, one reused report object). Without AudioWorklet a ScriptProcessor on
 *       this thread reads the port instead.</li>
 *   <li>{@link org.kinora.player.Events}: events dispatched after the operation that raised them,
 *       in order, as HTMLMediaElement queues them.</li>
 *   <li>{@link org.kinora.player.NetworkActivity}: {@code networkState}, {@code progress},
 *       {@code suspend}, {@code stalled} and {@code buffered} from the source worker's
 *       {@code progress} reports; {@link org.kinora.player.Ranges}: {@code buffered} and
 *       {@code played}.</li>
 * </ul>
 *
 * <p>Decisions:
 * <ul>
 *   <li>No requestAnimationFrame in the pipeline: time, late pictures, the end and the playhead
 *       sent to the source worker (which bounds its read-ahead) advance on the sound output's
 *       position reports (about every 20 ms) and on a 50 ms timer; animation frames only draw the
 *       picture that is due. A hidden tab keeps its sound and reaches {@code ended}; a video-only
 *       file in a hidden tab advances at the browser's timer rate.</li>
 *   <li>{@code ended} fires when every picture has been due and every sample played (or, without
 *       an output, its time has passed): sound shorter than pictures, pictures shorter than sound,
 *       either track absent.</li>
 *   <li>Autoplay: {@code play()} with sound needs a running AudioContext; when it does not run
 *       within 1 s, {@code play()} rejects with a {@code NotAllowedError} DOMException and the
 *       player stays paused. A muted player does not wait: it plays on the wall clock and its
 *       sound is discarded (held in the source worker, which drops what the playhead passes).
 *       Unmuted, once the AudioContext runs, the worker lets the held sound go on, the worklet
 *       drops the samples before the playhead, and the clock goes back to the sound.</li>
 *   <li>Live latency ({@link org.kinora.player.LiveLatency}): the newest media time received
 *       (sound block end or picture) minus {@code currentTime}, in {@code getStats().liveLatency}
 *       (NaN when not live). Above {@code maxLiveLatency} (default 3 s) the player jumps to
 *       {@code newest - liveLatency} (default 1 s): waiting pictures before it are dropped (also
 *       those still coming from the decoder; {@code framesDroppedForLatency}), the sound output
 *       drops the blocks ending before it and restarts its clock from the next block's timestamp,
 *       the clock moves there ({@code latencyJumps}). The jump is made on decoded pictures, which
 *       can be shown from any one, so it needs no keyframe. Between the target and the maximum the
 *       player runs at 1.25: the wall clock, or the sound with its pitch kept (the AudioWorklet
 *       leaves out short stretches where the waveform matches and crossfades, WSOLA-like; the
 *       ScriptProcessor fallback resamples). At a {@code playbackRate} other than 1 the control
 *       stands aside: the stream plays at the page's rate, and only the jump above the maximum
 *       (a rate below 1 lets the latency grow) remains; a rate above 1 drains what was received and
 *       waits for more. Each start of playback (the
 *       first, after a pause or a stall) begins at the target latency. A live stream on the wall
 *       clock waits only when nothing newer than the current time was received, so a hidden tab
 *       (no animation frames, timers once a second, pictures held back and dropped) keeps its
 *       latency and does not stall. Pictures are held back by the video
 *       worker's buffer limit, so without sound the latency seen is only that of the pictures
 *       received.</li>
 *   <li>Live reconnection is the source worker's ({@code LiveReconnect} in worker-pool): the
 *       main thread sees a stream whose timeline goes on after a gap, starves ({@code waiting})
 *       and resumes ({@code playing}) as for any stall, counts {@code reconnect} messages in
 *       {@code getStats().reconnects}, and gets {@code error} 2 when the attempts are spent.
 *       Options {@code liveStallTimeout} and {@code liveReconnectAttempts}.</li>
 *   <li>Seeking ({@code currentTime = t}, {@code fastSeek(t)}) goes through the demuxer's
 *       {@code seekTo}, so any container whose demuxer can seek plugs in. Exact by default: the
 *       video worker decodes from the preceding keyframe and sends only the picture whose interval
 *       contains t and those after it; the source worker cuts sound before t to the sample.
 *       {@code fastSeek} shows the keyframe and moves the clock to it. A seek starts a new epoch,
 *       so of a burst of seeks only the last completes. A seek while paused draws the new picture
 *       at once. {@code seekable} is [0, duration] when the demuxer can seek: Ogg (not chained
 *       files); raw HEVC Annex B has no index and gets an empty {@code seekable}.</li>
 *   <li>{@code preload}: {@code none} loads nothing before {@code play()} or a seek;
 *       {@code metadata} (default) reads the headers and decodes about 0.5 s, enough for the
 *       duration, the size and the first picture; {@code auto} and playback read 3 s ahead.</li>
 *   <li>{@code buffered} is the union of the time ranges demuxed since the source was loaded
 *       (from the first to the last packet time of each seek epoch, to the duration at the end);
 *       {@code played} the ranges the clock ran through while playing. {@code networkState} is
 *       LOADING while the source worker waits for bytes, IDLE once reading pauses ({@code suspend}:
 *       the read-ahead is full or the file is read); {@code stalled} fires once per 3 s without a
 *       byte while LOADING. A new {@code src} or {@code load()} fires {@code abort} (if something
 *       was loading or loaded) and {@code emptied}, as HTML's load algorithm does.</li>
 *   <li>{@code canplay} needs the current picture, one more and 0.25 s of sound;
 *       {@code canplaythrough} three pictures and 1 s of sound (or the end of the stream).</li>
 *   <li>A packet that fails to decode is dropped and counted ({@code getStats().decodeErrors});
 *       the video worker resets its decoder and resumes at the next keyframe. Only a worker crash
 *       or 64 failures in a row end in {@code error} code 3.</li>
 *   <li>{@code playbackRate} (0.25 to 4, {@link org.kinora.player.PlaybackRate}) sets the wall
 *       clock's rate and the sound output's speed;
 *       the sound clock follows the samples consumed, so both run at the rate. Read-ahead is that
 *       many seconds ahead in wall time. {@code loop} turns the end into a seek to 0.</li>
 *   <li>{@code canPlayType} is {@link org.kinora.player.MediaTypes}: a table of containers and
 *       RFC 6381 codec strings, kept in step with the demuxers and decoders.</li>
 *   <li>{@code srcObject} (a Blob) is played through a {@code blob:} URL the JavaScript class makes
 *       for it: Chromium answers Range requests on {@code blob:} URLs (206 with Content-Range), so
 *       the source worker reads and seeks it as it reads a server's file; a browser that ignored
 *       the Range would get the server-without-Range path (the body streamed).</li>
 * </ul>
 *
 * <p>The browser-facing glue is plain JavaScript because its shape is dictated by web platform
 * classes that TeaVM output cannot define: the {@code Kinora.Player} class (an EventTarget
 * subclass with accessors), the {@code <kinora-player>} custom element (its seek bar drags and
 * seeks), the WebGL / Canvas 2D renderer and the WebAudio output with its AudioWorkletProcessor.
 * They call into Java through one function per player.
 *
 * <p>Time to the first picture. A player's workers cannot start while the page's thread is busy
 * (the browser starts a worker through it), so the constructor does little: the renderer's WebGL
 * context and program are made once the tracks say there are pictures, while the sound output
 * starts and the first picture is decoded. The Wasm workers share one module the page compiles.
 */
package org.kinora.player;
