/*! Kinora media player. Include this one script; it finds its worker, wasm and worklet
    files next to itself, or under the URL of its data-kinora-base attribute. */
(function () {
  'use strict';
  var currentScript = document.currentScript;
  var scriptUrl = (currentScript && currentScript.src) || location.href;
  // Where the worker, wasm and worklet files are: next to this script, unless the page says
  // otherwise with <script src=".../kinora.js" data-kinora-base="https://cdn.example/kinora/">.
  var baseOption = currentScript && currentScript.getAttribute('data-kinora-base');
  var base = new URL(baseOption || '.', baseOption ? location.href : scriptUrl).href;
  if (base.charAt(base.length - 1) !== '/') base += '/';
  var Kinora = { base: base };
  var exports = {};
