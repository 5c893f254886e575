// ogv-bench.html?file=URL&runs=N&ogv=/ogv/: same protocol and result shape as Kinora's
// bench.html (webapp/src/main/demo/bench.js). One persistent worker (ogv-worker.js) plays the
// part of Kinora's pooled worker: one warm-up run, then N timed runs. Per run:
// decode fps = frames / decodeMs (time inside ogv's processFrame calls, see ogv-worker.js),
// wall fps = frames / wallMs (from posting the job to the worker to its answer: fetch, module
// instantiation, demux, header and frame decoding).
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var file = params.get('file');
  var ogv = params.get('ogv') || '/ogv/';
  var runs = Math.max(1, Math.min(50, parseInt(params.get('runs'), 10) || 5));
  var status = document.getElementById('status');
  var tbody = document.querySelector('#runs tbody');
  var worker = new Worker('ogv-worker.js?ogv=' + encodeURIComponent(ogv));

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
    [label, r.frames, round(r.videoDecodeMs, 1), round(r.wallMs, 1), round(r.decodeFps, 1), round(r.wallFps, 1)]
      .forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
    tbody.appendChild(tr);
  }

  function once() {
    return new Promise(function (resolve, reject) {
      var t0 = performance.now();
      worker.onmessage = function (e) {
        var wallMs = performance.now() - t0;
        if (!e.data.ok) {
          reject(new Error(e.data.error));
          return;
        }
        var r = e.data.result;
        resolve({
          frames: r.frames,
          videoDecodeMs: r.decodeMs,
          wallMs: wallMs,
          decodeFps: r.frames / (r.decodeMs / 1000),
          wallFps: r.frames / (wallMs / 1000),
          detail: r
        });
      };
      worker.onerror = function (e) { reject(new Error(e.message || 'worker error')); };
      worker.postMessage({ url: new URL(file, location.href).href });
    });
  }

  var result = { decoder: 'ogv.js', build: 'wasm', file: file, width: 0, height: 0, frames: 0, runs: [] };

  async function main() {
    if (!file) throw new Error('no ?file=');
    status.textContent = 'warm-up run…';
    var warm = await once();
    result.warmup = warm;
    result.frames = warm.frames;
    result.width = warm.detail.width;
    result.height = warm.detail.height;
    row('warm-up', warm);
    for (var i = 1; i <= runs; i++) {
      status.textContent = 'run ' + i + ' of ' + runs + '…';
      var r = await once();
      result.runs.push(r);
      row(String(i), r);
    }
    var pick = function (f) { return median(result.runs.map(f)); };
    result.median = {
      decodeFps: pick(function (r) { return r.decodeFps; }),
      wallFps: pick(function (r) { return r.wallFps; }),
      videoDecodeMs: pick(function (r) { return r.videoDecodeMs; }),
      wallMs: pick(function (r) { return r.wallMs; }),
      copyMsPerFrame: pick(function (r) { return r.detail.copyMsPerFrame; })
    };
    row('median', { frames: result.frames, videoDecodeMs: result.median.videoDecodeMs, wallMs: result.median.wallMs,
      decodeFps: result.median.decodeFps, wallFps: result.median.wallFps });
    status.textContent = file + ': ' + result.width + 'x' + result.height + ', ' + result.frames
      + ' frames, median of ' + runs + ' runs: ' + round(result.median.decodeFps, 1) + ' fps by decode time, '
      + round(result.median.wallFps, 1) + ' fps by wall time';
    return result;
  }

  main().then(function (r) {
    window.benchResult = r;
    worker.terminate();
  }, function (e) {
    status.textContent = 'failed: ' + (e && e.message ? e.message : e);
    window.benchResult = { decoder: 'ogv.js', file: file, error: String(e && e.message ? e.message : e) };
    worker.terminate();
  });
})();
