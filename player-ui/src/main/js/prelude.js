/*! Kinora media player. Include this one script; it finds its worker,
    wasm and worklet files next to itself (or under options.base). */
(function () {
  'use strict';
  var currentScript = document.currentScript;
  var scriptUrl = (currentScript && currentScript.src) || location.href;
  var Kinora = { base: new URL('.', scriptUrl).href };
  var exports = {};
