// Decode benchmark page: bench.html?file=URL&build=wasm|js|auto&runs=N[&threads=1|2].
// One warm-up run (compiles and warms the worker bundle, fills the HTTP cache), then N timed
// runs of Kinora.decode(file, {build, decodeThreads}). Per run: decode fps = frames / decode time,
// the time inside the video decoder (decode() and flush() calls only); when the decoder runs
// split over two workers (threads=2, the default on a page with two cores), the longer of its two
// stages' times (videoDecodeMs in the video worker, videoParseMs in the source worker): the
// stages run at the same time, so the longer one is what bounds the decoding. Wall fps = frames
// / wallMs (from the call to Kinora.decode to its result: worker hand-out, fetch, demux, decode,
// messages).
// window.benchResult = {decoder, build, file, width, height, frames, runs: [...], median: {...}}
// or {error}; bench/run.sh reads it.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var file = params.get('file') || 'media/sample.ogg';
  var build = params.get('build') || 'auto';
  var runs = Math.max(1, Math.min(50, parseInt(params.get('runs'), 10) || 5));
  var options = { build: build };
  if (params.get('threads')) {
    options.decodeThreads = parseInt(params.get('threads'), 10);
  }
  var status = document.getElementById('status');
  var tbody = document.querySelector('#runs tbody');

  function median(values) {
    var s = values.slice().sort(function (a, b) { return a - b; });
    var m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  function round(x, digits) {
    var f = Math.pow(10, digits);
    return Math.floor(x * f + 0.5) / f;
  }

  function row(label, r) {
    var tr = document.createElement('tr');
    [label, r.frames, round(r.decodeMs, 1), round(r.wallMs, 1), round(r.decodeFps, 1), round(r.wallFps, 1)]
      .forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
    tbody.appendChild(tr);
  }

  function summarize(r) {
    var decodeMs = Math.max(r.videoDecodeMs, r.videoParseMs);
    return {
      frames: r.frames,
      decodeMs: decodeMs,
      videoDecodeMs: r.videoDecodeMs,
      videoParseMs: r.videoParseMs,
      audioDecodeMs: r.audioDecodeMs,
      wallMs: r.wallMs,
      decodeFps: r.frames / (decodeMs / 1000),
      wallFps: r.frames / (r.wallMs / 1000)
    };
  }

  var result = { decoder: 'kinora', build: null, file: file, width: 0, height: 0, frames: 0, runs: [] };
  var size = function (f) {
    if (!result.width) {
      result.width = f.width;
      result.height = f.height;
    }
  };

  async function main() {
    status.textContent = 'warm-up run (' + build + ' build)…';
    var warm = await Kinora.decode(file, Object.assign({ onFrame: size }, options));
    result.build = warm.build;
    result.frames = warm.frames;
    result.warmup = summarize(warm);
    row('warm-up', result.warmup);
    for (var i = 1; i <= runs; i++) {
      status.textContent = 'run ' + i + ' of ' + runs + ' (' + warm.build + ' build)…';
      var r = summarize(await Kinora.decode(file, options));
      result.runs.push(r);
      row(String(i), r);
    }
    var pick = function (key) { return median(result.runs.map(function (r) { return r[key]; })); };
    result.median = {
      decodeFps: pick('decodeFps'),
      wallFps: pick('wallFps'),
      decodeMs: pick('decodeMs'),
      videoDecodeMs: pick('videoDecodeMs'),
      videoParseMs: pick('videoParseMs'),
      wallMs: pick('wallMs')
    };
    result.split = result.median.videoParseMs > 0;
    row('median', { frames: result.frames, decodeMs: result.median.decodeMs, wallMs: result.median.wallMs,
      decodeFps: result.median.decodeFps, wallFps: result.median.wallFps });
    status.textContent = file + ': ' + result.width + 'x' + result.height + ', ' + result.frames + ' frames, '
      + result.build + ' build, median of ' + runs + ' runs: ' + round(result.median.decodeFps, 1)
      + ' fps by decode time, ' + round(result.median.wallFps, 1) + ' fps by wall time';
    return result;
  }

  main().then(function (r) {
    window.benchResult = r;
  }, function (e) {
    status.textContent = 'failed: ' + (e && e.message ? e.message : e);
    window.benchResult = { decoder: 'kinora', build: build, file: file, error: String(e && e.message ? e.message : e) };
  });
})();
