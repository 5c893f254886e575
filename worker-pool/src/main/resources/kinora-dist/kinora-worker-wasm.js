// Kinora worker, WebAssembly GC build. Started by kinora.js with self.kinoraBase set to the
// URL of the folder that holds kinora.js.
self.kinoraBuild = 'wasm';
importScripts(self.kinoraBase + 'kinora-worker.wasm-runtime.js');
TeaVM.wasmGC.load(self.kinoraBase + 'kinora-worker.wasm').then(function (teavm) {
  teavm.exports.main([]);
}, function (e) {
  self.postMessage({ type: 'fatal', message: 'could not start the wasm worker: ' + e });
});
