// The ogv.js side of the benchmark, in a dedicated worker as Kinora decodes in its workers.
// Loaded as ogv-worker.js?ogv=/ogv/ (where the ogv package's dist/ folder is served). It uses
// the two Emscripten modules ogv.js's own player loads for Ogg Theora, through the same
// methods that player calls on them (see node_modules/ogv/dist/ogv-demuxer-ogg-wasm.js and
// ogv-decoder-video-theora-wasm.js): OGVDemuxerOggW (init, receiveInput, process,
// dequeueVideoPacket) and OGVDecoderVideoTheoraW (init, processHeader, processFrame,
// recycleFrame). Both are the single-threaded WebAssembly builds, the only ones ogv ships
// for Ogg and Theora.
//
// One run = message {url} -> reply {frames, decodeMs, ...}:
//  1. fetch the whole file (one GET, like Kinora's source worker on a small file);
//  2. new demuxer instance; feed the bytes in 64 KiB chunks, calling process() until it asks
//     for more, and keep every video packet (untimed for decodeMs);
//  3. new decoder instance; the three Theora header packets go to processHeader (untimed);
//  4. decodeMs = sum over the frame packets of the time of one processFrame() call (for the
//     first one, processHeader: ogv's module initialises on it and decodes it).
//     That call copies the packet into the module's heap, runs libtheora's
//     th_decode_packetin + th_decode_ycbcr_out, and copies the three output planes out of the
//     heap into JS Uint8Arrays (ogv.js's only way to hand out a frame; frames are recycled
//     with recycleFrame() right away, as ogv's player does after drawing, so nothing is
//     allocated per frame). Nothing is drawn.
// copyMsPerFrame estimates the part of processFrame that is that plane copy (TypedArray.set of
// the same number of bytes), so that the reader can compare without it.
'use strict';
var base = new URL(self.location.href).searchParams.get('ogv') || '/ogv/';
importScripts(base + 'ogv-demuxer-ogg-wasm.js', base + 'ogv-decoder-video-theora-wasm.js');
var locateFile = function (name) { return new URL(base + name, self.location.href).href; };
var CHUNK = 65536;

function call(fn) { // the modules' methods take a callback and call it synchronously
  var out;
  fn(function (v) { out = v; });
  return out;
}

async function run(url) {
  var t0 = performance.now();
  var response = await fetch(url);
  if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
  var bytes = new Uint8Array(await response.arrayBuffer());
  var fetchMs = performance.now() - t0;

  var t1 = performance.now();
  var demuxer = await OGVDemuxerOggW({ locateFile: locateFile });
  call(function (cb) { demuxer.init(cb); });
  var packets = [];
  for (var off = 0; off < bytes.length; off += CHUNK) {
    var chunk = bytes.slice(off, Math.min(off + CHUNK, bytes.length)).buffer;
    call(function (cb) { demuxer.receiveInput(chunk, cb); });
    while (call(function (cb) { demuxer.process(cb); })) { /* more to do without new bytes */ }
    var p;
    while ((p = call(function (cb) { demuxer.dequeueVideoPacket(cb); }))) packets.push(p);
  }
  if (!demuxer.videoCodec) throw new Error('no video track in ' + url);
  if (demuxer.videoCodec !== 'theora') throw new Error('video codec is ' + demuxer.videoCodec + ', not theora');
  var demuxMs = performance.now() - t1;

  var decoder = await OGVDecoderVideoTheoraW({ locateFile: locateFile });
  call(function (cb) { decoder.init(cb); });
  // Theora's three header packets are the ones whose first byte has the top bit set (Theora I
  // spec 6.1); they go to processHeader, every other packet is a frame.
  var i = 0;
  while (i < packets.length && packets[i].byteLength > 0 && (new Uint8Array(packets[i], 0, 1)[0] & 0x80)) {
    call(function (cb) { decoder.processHeader(packets[i], cb); });
    i++;
  }
  var headers = i;
  var frames = 0;
  var failed = 0;
  var decodeMs = 0;
  var cpu0 = decoder.cpuTime;
  for (; i < packets.length; i++) {
    var packet = packets[i];
    // ogv's Theora module sets itself up (and decodes that frame) when processHeader gets the
    // first frame packet, which is how ogv's player feeds it: processHeader until loadedMetadata.
    // Checked on testdata/samples/bars.ogg: the frames so decoded have ffmpeg's frame MD5s.
    var asHeader = !decoder.loadedMetadata;
    var s = performance.now();
    var ok = call(function (cb) {
      if (asHeader) decoder.processHeader(packet, cb);
      else decoder.processFrame(packet, cb);
    });
    decodeMs += performance.now() - s;
    if (asHeader) ok = ok && !!decoder.frameBuffer;
    if (ok) {
      frames++;
      if (decoder.frameBuffer) decoder.recycleFrame(decoder.frameBuffer);
    } else {
      failed++;
    }
  }
  var fmt = decoder.videoFormat || {};
  var fb = decoder.frameBuffer;
  return {
    frames: frames,
    failedPackets: failed,
    headerPackets: headers,
    packets: packets.length,
    decodeMs: decodeMs,
    cpuTimeMs: decoder.cpuTime - cpu0, // ogv's own counter: the same calls minus malloc/free
    fetchMs: fetchMs,
    demuxMs: demuxMs,
    width: fmt.cropWidth || 0,
    height: fmt.cropHeight || 0,
    copyMsPerFrame: fb ? copyCost(fb) : 0
  };
}

function copyCost(fb) { // the plane copy processFrame does, on buffers of the same sizes
  var planes = [fb.y.bytes, fb.u.bytes, fb.v.bytes];
  var sources = planes.map(function (b) { return new Uint8Array(b.length).fill(1); });
  var n = 30;
  var t = performance.now();
  for (var k = 0; k < n; k++) {
    for (var j = 0; j < 3; j++) planes[j].set(sources[j]);
  }
  return (performance.now() - t) / n;
}

self.onmessage = function (e) {
  run(e.data.url).then(function (r) {
    self.postMessage({ ok: true, result: r });
  }, function (err) {
    self.postMessage({ ok: false, error: String(err && err.message ? err.message : err) });
  });
};
