// Uses the public API as a page would; must type-check against kinora.d.ts with --strict.
import Kinora, { Player, decode, poolStats, supportsWasmGC, selectBuild, version, MediaError, TimeRanges, PlayerStats, KinoraPlayerElement } from './kinora';

const box = document.createElement('div');
const player = new Player(box, { src: 'movie.ogg', build: 'auto', preload: 'metadata', muted: true, volume: 0.5, renderer: 'webgl2' });
player.addEventListener('progress', (e: Event) => console.log(e.type, player.buffered.length ? player.buffered.end(0) : 0));
player.addEventListener('stalled', function () { console.log(this.networkState === Player.NETWORK_LOADING); });
player.currentTime = 3;
player.fastSeek(1);
player.load();
const played: TimeRanges = player.played;
const stats: PlayerStats = player.getStats();
const error: MediaError | null = player.error;
if (error && error.code === MediaError.MEDIA_ERR_NETWORK) console.log(error.message);
player.play().then(() => player.pause()).catch((e: DOMException) => console.log(e.name));
decode('movie.ogg', { build: 'js', md5: true, onFrame: f => console.log(f.pts, f.width, f.md5) }).then(r => console.log(r.frames, r.wallMs));
console.log(poolStats().busy, supportsWasmGC(), selectBuild('auto'), version, Kinora.base, played.length, stats.framesDecoded,
  player.readyState >= player.HAVE_FUTURE_DATA, player.seekable.start(0));
const element: KinoraPlayerElement = document.createElement('kinora-player');
element.addEventListener('suspend', () => console.log(element.networkState, element.buffered.length, element.player?.src));
element.loop = true;
element.width = 320;
element.poster = 'poster.png';
element.preload = 'none';
element.defaultMuted = element.controls && element.playsInline && element.autoplay && element.height === 0;
player.destroy();
const rated = new Player(box, { defaultPlaybackRate: 1.5, preservesPitch: false, loop: true });
rated.playbackRate = 2;
rated.defaultPlaybackRate = 0.5;
rated.preservesPitch = true;
rated.loop = false;
rated.addEventListener('ratechange', () => console.log(rated.playbackRate));
const answer: '' | 'maybe' | 'probably' = rated.canPlayType('video/mp4; codecs="hvc1.1.6.L93.B0, mp4a.40.2"');
console.log(answer, Kinora.canPlayType('video/ogg'), document.createElement('kinora-player').canPlayType('audio/aac'));
const local = new Player(box, { srcObject: new Blob([new Uint8Array(4)]), autoplay: true, poster: 'poster.png' });
local.srcObject = new File([], 'movie.ogg');
local.srcObject = null;
local.poster = '';
local.autoplay = false;
