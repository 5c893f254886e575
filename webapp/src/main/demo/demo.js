// The demo page: shows which build this browser gets and has each worker build answer.
(function () {
  'use strict';
  document.getElementById('version').textContent = Kinora.version;
  var gc = Kinora.supportsWasmGC();
  document.getElementById('wasmgc').textContent = gc ? 'runs WebAssembly GC' : 'cannot run WebAssembly GC';
  document.getElementById('auto').textContent = Kinora.selectBuild('auto');

  var el = document.getElementById('player');
  setInterval(function () {
    if (!el.player) return;
    var s = el.player.getStats();
    document.getElementById('stats').textContent = s.build + ' build, ' + s.renderer + ', sound: ' + s.audioOutput +
      ' · frames decoded ' + s.framesDecoded + ', presented ' + s.framesPresented + ', dropped ' + s.framesDropped +
      ' · ' + s.decodeMsPerFrame.toFixed(2) + ' ms/frame · A/V ' + s.avOffsetMs.toFixed(0) + ' ms' +
      (isFinite(s.firstFrameMs) ? ' · first frame ' + s.firstFrameMs.toFixed(0) + ' ms after play()' : '');
  }, 500);

  document.querySelectorAll('#workers tbody tr').forEach(function (row) {
    var build = row.dataset.build;
    var hello = row.querySelector('.hello');
    var echo = row.querySelector('.echo');
    if (build === 'wasm' && !gc) {
      hello.textContent = echo.textContent = 'not available in this browser';
      return;
    }
    Kinora.hello({ build: build }).then(function (answer) {
      hello.textContent = 'Kinora ' + answer.version + ', ' + answer.build + ' build';
      row.dataset.hello = answer.build;
      var sent = new Uint8Array(1024);
      for (var i = 0; i < sent.length; i++) sent[i] = i & 255;
      var buffer = sent.buffer;
      return Kinora.echo(buffer, { build: build }).then(function (reply) {
        var back = new Uint8Array(reply.buffer);
        var ok = buffer.byteLength === 0 && back.length === 1024;
        for (var j = 0; ok && j < back.length; j++) ok = back[j] === (~j & 255);
        echo.textContent = ok ? '1 KiB sent and returned by transfer, MD5 ' + reply.md5 : 'mismatch';
        row.dataset.echo = ok ? 'ok' : 'bad';
      });
    }).catch(function (e) {
      hello.textContent = 'failed: ' + (e && e.message ? e.message : e);
      row.dataset.hello = 'failed';
    });
  });
})();
