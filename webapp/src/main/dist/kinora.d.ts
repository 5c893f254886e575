// Type definitions for Kinora's public API: kinora.mjs (ES module) and kinora.js (the global `Kinora`).

export type Build = 'auto' | 'wasm' | 'js';
export type RendererKind = 'webgl2' | 'webgl' | '2d';
export type Preload = 'none' | 'metadata' | 'auto';
export type CanPlayTypeResult = '' | 'maybe' | 'probably';

export interface PlayerOptions {
  src?: string;
  /** Which worker build decodes: WebAssembly GC, JavaScript, or the best this browser runs (default). */
  build?: Build;
  muted?: boolean;
  /** 0 to 1. */
  volume?: number;
  preload?: Preload;
  renderer?: RendererKind;
  /** The playbackRate each load starts with, 0.25 to 4 (default 1). */
  defaultPlaybackRate?: number;
  /** Sound at a rate other than 1 keeps its pitch (default) or is resampled. */
  preservesPitch?: boolean;
  /** Start again from the beginning at the end. */
  loop?: boolean;
  /** Play as soon as a source is set; a refused start leaves the player paused. */
  autoplay?: boolean;
  /** An image URL shown until the first picture. */
  poster?: string;
  /** A Blob or File to play instead of src. */
  srcObject?: Blob | null;
  /** Target latency of a live stream, seconds (default 1). */
  liveLatency?: number;
  /** Above this latency (seconds, default 3) a live stream jumps forward to liveLatency. */
  maxLiveLatency?: number;
  /**
   * Workers the video decoding may use: 2 runs Theora's decoder in two stages, one per worker
   * (frame N + 1 parsed while frame N is built); 1 keeps it in one. Default: 2 when
   * navigator.hardwareConcurrency is at least 2.
   */
  decodeThreads?: 1 | 2;
}

/** What HTMLMediaElement's buffered, seekable and played return. */
export declare class TimeRanges {
  readonly length: number;
  /** Throws an IndexSizeError DOMException when index is not below length. */
  start(index: number): number;
  end(index: number): number;
}

/** The player's error: the same object on every read until the next source. */
export declare class MediaError {
  static readonly MEDIA_ERR_ABORTED: 1;
  static readonly MEDIA_ERR_NETWORK: 2;
  static readonly MEDIA_ERR_DECODE: 3;
  static readonly MEDIA_ERR_SRC_NOT_SUPPORTED: 4;
  readonly MEDIA_ERR_ABORTED: 1;
  readonly MEDIA_ERR_NETWORK: 2;
  readonly MEDIA_ERR_DECODE: 3;
  readonly MEDIA_ERR_SRC_NOT_SUPPORTED: 4;
  readonly code: 1 | 2 | 3 | 4;
  readonly message: string;
}

export interface PlayerStats {
  framesDecoded: number;
  framesPresented: number;
  framesDropped: number;
  decodeErrors: number;
  decodeMsPerFrame: number;
  avOffsetMs: number;
  /** From play() to the first picture, ms; NaN before. */
  firstFrameMs: number;
  audioOutput: string;
  clock: 'audio' | 'wall';
  audioBuffered: number;
  queuedFrames: number;
  pictureBuffersAllocated: number;
  audioPlanesAllocated: number;
  /** Seconds from the current time to the newest media received; NaN when not live. */
  liveLatency: number;
  latencyJumps: number;
  framesDroppedForLatency: number;
  build: 'wasm' | 'js';
  renderer: string;
  session: number;
}

/** The events of a Player (and of <kinora-player>), as HTMLMediaElement names them. */
export interface PlayerEventMap {
  abort: Event;
  canplay: Event;
  canplaythrough: Event;
  durationchange: Event;
  emptied: Event;
  ended: Event;
  error: Event;
  loadeddata: Event;
  loadedmetadata: Event;
  loadstart: Event;
  pause: Event;
  play: Event;
  playing: Event;
  progress: Event;
  ratechange: Event;
  resize: Event;
  seeked: Event;
  seeking: Event;
  stalled: Event;
  suspend: Event;
  timeupdate: Event;
  volumechange: Event;
  waiting: Event;
}

interface ReadyStates {
  readonly HAVE_NOTHING: 0;
  readonly HAVE_METADATA: 1;
  readonly HAVE_CURRENT_DATA: 2;
  readonly HAVE_FUTURE_DATA: 3;
  readonly HAVE_ENOUGH_DATA: 4;
  readonly NETWORK_EMPTY: 0;
  readonly NETWORK_IDLE: 1;
  readonly NETWORK_LOADING: 2;
  readonly NETWORK_NO_SOURCE: 3;
}

/** The state and methods a Player and <kinora-player> share, after HTMLMediaElement. */
export interface MediaState extends ReadyStates {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  readonly ended: boolean;
  readonly seeking: boolean;
  readonly readyState: 0 | 1 | 2 | 3 | 4;
  readonly networkState: 0 | 1 | 2 | 3;
  readonly error: MediaError | null;
  readonly buffered: TimeRanges;
  readonly seekable: TimeRanges;
  readonly played: TimeRanges;
  readonly videoWidth: number;
  readonly videoHeight: number;
  /** 0 to 1; an IndexSizeError DOMException outside. */
  volume: number;
  muted: boolean;
  /** 0.25 to 4 (a NotSupportedError DOMException outside); ratechange when it changes. */
  playbackRate: number;
  /** The playbackRate each load starts with. */
  defaultPlaybackRate: number;
  /** Sound at a rate other than 1 keeps its pitch (true, the default: a time-stretch) or is resampled. */
  preservesPitch: boolean;
  /** At the end, playback starts again from the beginning, without an ended event. */
  loop: boolean;
  /** Resolves once playing; rejects with a NotAllowedError DOMException when sound may not start. */
  play(): Promise<void>;
  pause(): void;
  load(): void;
  /** Seeks to the random-access point at or before time. */
  fastSeek(time: number): void;
  getStats(): PlayerStats;
  /** "probably", "maybe" or "" for a MIME type with its codecs= parameter. */
  canPlayType(type: string): CanPlayTypeResult;
}

/** The Player class carries all of MediaState (declaration merging: declared once, there). */
export interface Player extends MediaState {}

export declare class Player extends EventTarget {
  static readonly HAVE_NOTHING: 0;
  static readonly HAVE_METADATA: 1;
  static readonly HAVE_CURRENT_DATA: 2;
  static readonly HAVE_FUTURE_DATA: 3;
  static readonly HAVE_ENOUGH_DATA: 4;
  static readonly NETWORK_EMPTY: 0;
  static readonly NETWORK_IDLE: 1;
  static readonly NETWORK_LOADING: 2;
  static readonly NETWORK_NO_SOURCE: 3;

  constructor(container: HTMLElement, options?: PlayerOptions);
  readonly canvas: HTMLCanvasElement;
  readonly container: HTMLElement;
  src: string;
  /** A Blob or File played instead of src (no server needed), or null. */
  srcObject: Blob | null;
  autoplay: boolean;
  /** An image URL shown in the player area until the first picture. */
  poster: string;
  preload: Preload;
  /** The worker build in use. */
  readonly build: 'wasm' | 'js';
  /** Stops playback and gives the player's workers back to the page's pool. */
  destroy(): void;

  addEventListener<K extends keyof PlayerEventMap>(type: K, listener: (this: Player, ev: PlayerEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PlayerEventMap>(type: K, listener: (this: Player, ev: PlayerEventMap[K]) => any,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * <kinora-player src controls autoplay muted loop preload poster playsinline width height build>:
 * a Player in a shadow root, with controls; the attributes reflect as on <video>.
 */
export interface KinoraPlayerElement extends HTMLElement, MediaState {
  /** The element's player; null while the element is not in a document. */
  readonly player: Player | null;
  /** The src attribute, read back as an absolute URL. */
  src: string;
  srcObject: Blob | null;
  /** The poster attribute, read back as an absolute URL. */
  poster: string;
  controls: boolean;
  autoplay: boolean;
  playsInline: boolean;
  /** The muted attribute (muted is the live state). */
  defaultMuted: boolean;
  preload: 'none' | 'metadata' | 'auto';
  /** The element's size in CSS pixels (0 when the attribute is absent). */
  width: number;
  height: number;
  readonly build: 'wasm' | 'js' | undefined;
  addEventListener<K extends keyof PlayerEventMap>(type: K, listener: (this: KinoraPlayerElement, ev: PlayerEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

export interface DecodeOptions {
  build?: Build;
  /** As PlayerOptions.decodeThreads. */
  decodeThreads?: 1 | 2;
  /** Give each frame's MD5 (as kinora-cli framemd5 prints it) to onFrame. */
  md5?: boolean;
  onFrame?: (frame: { pts: number; width: number; height: number; md5?: string }) => void;
  onAudio?: (block: { time: number; frames: number; channels: number; sampleRate: number; planes: Float32Array[] }) => void;
}

export interface DecodeResult {
  frames: number;
  audioSamples: number;
  decodeErrors: number;
  decodeMs: number;
  /** Time in the video decoder; with the decoder split over two workers, the video worker's stage. */
  videoDecodeMs: number;
  /** With the decoder split over two workers: the source worker's stage (parsing, chroma planes); else 0. */
  videoParseMs: number;
  audioDecodeMs: number;
  wallMs: number;
  build: 'wasm' | 'js';
}

export interface PoolStats {
  maxWorkers: number;
  busy: number;
  idle: number;
  waiting: number;
}

/** Decodes a whole file as fast as possible (thumbnails, analysis, benchmarks). */
export declare function decode(url: string, options?: DecodeOptions): Promise<DecodeResult>;
/** The page's shared workers. */
export declare function poolStats(): PoolStats;
/** "probably", "maybe" or "" for a MIME type with its codecs= parameter. */
export declare function canPlayType(type: string): CanPlayTypeResult;
/** Whether this browser runs the WebAssembly GC build. */
export declare function supportsWasmGC(): boolean;
/** The build a requested one resolves to in this browser. */
export declare function selectBuild(requested?: Build): 'wasm' | 'js';
export declare const version: string;

export interface KinoraApi {
  readonly version: string;
  /** Where the worker, wasm and worklet files are loaded from. */
  readonly base: string;
  Player: typeof Player;
  MediaError: typeof MediaError;
  TimeRanges: typeof TimeRanges;
  decode: typeof decode;
  poolStats: typeof poolStats;
  supportsWasmGC: typeof supportsWasmGC;
  selectBuild: typeof selectBuild;
  canPlayType: typeof canPlayType;
}

declare const Kinora: KinoraApi;
export default Kinora;

// The classic script kinora.js sets the global `Kinora` (a KinoraApi); a page that uses it declares
// `declare const Kinora: import('kinora').KinoraApi;`.
declare global {
  interface HTMLElementTagNameMap {
    'kinora-player': KinoraPlayerElement;
  }
}
