// Kinora worker, JavaScript build (the fallback where WebAssembly GC is missing).
self.kinoraBuild = 'js';
importScripts(self.kinoraBase + 'kinora-worker.js');
self.main([]);
