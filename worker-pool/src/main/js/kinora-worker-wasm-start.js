// Kinora worker, WebAssembly GC build. The build appends this to TeaVM's loader (its
// WebAssembly GC runtime) to make kinora-worker-wasm.js, and player-ui's build puts that script
// into kinora.js as a function: kinora.js starts each Wasm worker from its text (a blob: script),
// so that the worker does not fetch a script once its thread has started. It runs with
// self.kinoraBase set to the URL of the folder that holds kinora.js, and with
// self.kinoraModuleFollows when the page sends the module it compiled (once for all its workers)
// as this worker's first message.
self.kinoraBuild = 'wasm';

function kinoraStart(module) {
  if (module) {
    // TeaVM's loader compiles what it is given: a module compiled already goes through as it is
    var compile = WebAssembly.compile;
    WebAssembly.compile = function (source, options) {
      return source instanceof WebAssembly.Module ? Promise.resolve(source) : compile.call(WebAssembly, source, options);
    };
  }
  TeaVM.wasmGC.load(module || self.kinoraBase + 'kinora-worker.wasm').then(function (teavm) {
    teavm.exports.main([]);
  }, function (e) {
    self.postMessage({ type: 'fatal', message: 'could not start the wasm worker: ' + e });
  });
}

if (self.kinoraModuleFollows) {
  self.onmessage = function (e) {
    if (e.data && e.data.type === 'kinora-module') {
      self.onmessage = null;
      kinoraStart(e.data.module instanceof WebAssembly.Module ? e.data.module : null);
    }
  };
} else {
  kinoraStart(null);
}
