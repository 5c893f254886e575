/*! Kinora media player as an ES module: import {Player, decode} from '.../kinora.mjs'. The same
    code as kinora.js; it finds its worker, wasm and worklet files next to itself (import.meta.url)
    and leaves the page's globals alone. */
const Kinora = (function () {
  'use strict';
  var Kinora = { base: new URL('.', import.meta.url).href };
  var exports = {};
