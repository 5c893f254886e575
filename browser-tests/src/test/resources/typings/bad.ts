// Each line marked "error" must be refused by the typings; the others must pass.
import { Player, decode } from './kinora';
const player = new Player(document.body, { build: 'wasm' });
new Player(document.body, { build: 'wasm2' }); // error
player.duration = 3; // error
player.buffered = player.played; // error
player.addEventListener('progress', (e: number) => e); // error
decode('movie.ogg', { md5: 'yes' }); // error
const state: 0 | 1 | 2 | 3 = player.networkState;
console.log(state, player.error?.code === 5); // error
player.playbackRate = 'fast'; // error
const can: boolean = player.canPlayType('video/ogg'); // error
player.srcObject = "movie.ogg"; // error
