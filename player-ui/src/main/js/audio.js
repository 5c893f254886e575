  /**
   * Sound output for one player: an AudioContext at the stream's rate when the browser allows it,
   * an AudioWorklet fed from a queue (ScriptProcessor where AudioWorklet is missing), and a GainNode
   * for volume and mute. Resolves to {enqueue, play, pause, end, flush, skip, resume, running, time,
   * buffered, starved, drained, setVolume, close}.
   * time() is the master clock: the presentation time of the sample playing now, from the
   * timestamps of the blocks the output has actually played, interpolated between its reports with
   * the context's clock; NaN until a block has started. onReport is called at each report (about
   * every 20 ms while the context runs), which drives the player's read-ahead without timers.
   */
  function createAudioOutput(base, sampleRate, channels, onRecycle, onReport) {
    var Ctx = self.AudioContext || self.webkitAudioContext;
    if (!Ctx) return Promise.reject(new Error('WebAudio is not available'));
    var ctx;
    try { ctx = new Ctx({ sampleRate: sampleRate, latencyHint: 'playback' }); }
    catch (e) { ctx = new Ctx({ latencyHint: 'playback' }); }
    var gain = ctx.createGain();
    gain.connect(ctx.destination);
    var state = { time: NaN, at: 0, buffered: 0, playing: false, underrun: false, drained: false, speed: 1 };

    function report(m) {
      state.time = m.time; state.at = m.at; state.buffered = m.buffered; state.underrun = m.underrun; state.drained = m.drained;
      if (onReport) onReport();
    }
    function time() {
      var t = state.time;
      if (state.playing && !state.underrun && t === t) {
        var ahead = Math.max(0, ctx.currentTime - state.at) * state.speed;
        t += Math.min(ahead, state.buffered / sampleRate);
      }
      return t;
    }
    function reset() { state.time = NaN; state.buffered = 0; state.underrun = false; state.drained = false; }
    var output = {
      context: ctx,
      kind: 'worklet',
      time: time,
      buffered: function () { return state.buffered / sampleRate; },
      starved: function () { return state.underrun; },
      drained: function () { return state.drained; },
      running: function () { return ctx.state === 'running'; },
      /** Calls back with true once the context runs, false when it did not within timeoutMs. */
      resume: function (timeoutMs, callback) {
        if (ctx.state === 'running') { callback(true); return; }
        var settled = false;
        function settle() { if (!settled) { settled = true; callback(ctx.state === 'running'); } }
        try { ctx.resume().then(settle, settle); } catch (e) { settle(); }
        setTimeout(settle, timeoutMs);
      },
      setVolume: function (volume, muted) { gain.gain.value = muted ? 0 : volume; },
      close: function () { try { ctx.close(); } catch (e) { /* already closed */ } }
    };

    if (ctx.audioWorklet && self.AudioWorkletNode) {
      return ctx.audioWorklet.addModule(base + 'kinora-audio-worklet.js').then(function () {
        var node = new AudioWorkletNode(ctx, 'kinora-output', {
          numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [channels],
          processorOptions: { channels: channels, sampleRate: sampleRate }
        });
        node.connect(gain);
        node.port.onmessage = function (e) {
          if (e.data.type === 'position') report(e.data);
          else if (e.data.type === 'recycle' && onRecycle) onRecycle(e.data.planes);
        };
        output.enqueue = function (planes, frames, t, rate) {
          state.buffered += frames; state.drained = false; state.underrun = false;
          node.port.postMessage({ type: 'block', planes: planes, frames: frames, time: t, rate: rate },
            planes.map(function (p) { return p.buffer; }));
        };
        output.play = function () {
          state.playing = true; state.at = ctx.currentTime;
          node.port.postMessage({ type: 'play' });
        };
        output.pause = function () { state.playing = false; node.port.postMessage({ type: 'pause' }); };
        output.end = function () { node.port.postMessage({ type: 'end' }); };
        output.flush = function () { reset(); node.port.postMessage({ type: 'flush' }); };
        output.skip = function (t) { node.port.postMessage({ type: 'skip', time: t }); };
        output.setSpeed = function (s) {
          if (s !== state.speed) { state.speed = s; node.port.postMessage({ type: 'speed', speed: s }); }
        };
        return output;
      }, function (e) {
        output.close();
        throw e;
      });
    }

    // Fallback: ScriptProcessorNode on the main thread, same queue logic without resampling
    // beyond nearest-rate stepping.
    output.kind = 'scriptprocessor';
    var queue = [], pos = 0, step = sampleRate / ctx.sampleRate, ended = false;
    var sp = ctx.createScriptProcessor(4096, 0, channels);
    sp.onaudioprocess = function (ev) {
      var out = ev.outputBuffer, n = out.length;
      for (var i = 0; i < n; i++) {
        if (!state.playing || queue.length === 0) {
          for (var c0 = 0; c0 < channels; c0++) out.getChannelData(c0)[i] = 0;
          if (state.playing && queue.length === 0) { state.underrun = true; state.drained = ended; }
          continue;
        }
        var head = queue[0], ip = pos | 0;
        if (ip === 0 && head.time === head.time) state.time = head.time;
        for (var c = 0; c < channels; c++) out.getChannelData(c)[i] = head.planes[Math.min(c, head.planes.length - 1)][ip];
        var np = pos + step, consumed = (np | 0) - ip;
        state.time += consumed / sampleRate; state.buffered -= consumed; pos = np;
        while (queue.length && pos >= queue[0].frames) {
          pos -= queue[0].frames;
          var done = queue.shift();
          if (onRecycle) onRecycle(done.planes);
        }
      }
      state.at = ctx.currentTime;
      if (onReport) onReport();
    };
    sp.connect(gain);
    output.enqueue = function (planes, frames, t) {
      queue.push({ planes: planes, frames: frames, time: t }); state.buffered += frames; state.underrun = false; state.drained = false;
    };
    output.play = function () { state.playing = true; state.at = ctx.currentTime; };
    output.pause = function () { state.playing = false; };
    output.end = function () { ended = true; };
    output.skip = function (t) {
      var dropped = false;
      while (queue.length && queue[0].time + queue[0].frames / sampleRate <= t) {
        var b = queue.shift();
        state.buffered -= b.frames - (dropped ? 0 : Math.min(b.frames, pos | 0));
        dropped = true;
        if (onRecycle) onRecycle(b.planes);
      }
      if (dropped) { pos = 0; state.time = NaN; }
    };
    output.setSpeed = function () { /* this fallback plays at speed 1: live catch-up relies on jumps */ };
    output.flush = function () {
      while (queue.length) { var b = queue.shift(); if (onRecycle) onRecycle(b.planes); }
      pos = 0; ended = false; reset();
    };
    return Promise.resolve(output);
  }
