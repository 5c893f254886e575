  // The worklet's script by base URL, fetched when a player is made and kept as a blob: URL, so
  // that starting a sound output (once the tracks are known) does not wait for the network.
  var workletScripts = {};
  function prefetchWorklet(base) {
    if (workletScripts[base] || typeof fetch !== 'function' || !self.AudioWorkletNode || !self.URL || !self.Blob) return;
    var p = fetch(base + 'kinora-audio-worklet.js').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.text();
    }).then(function (text) { return URL.createObjectURL(new Blob([text], { type: 'text/javascript' })); });
    p.catch(function () { /* addWorklet loads it from its URL */ });
    workletScripts[base] = p;
  }
  function addWorklet(ctx, base) {
    var url = base + 'kinora-audio-worklet.js', kept = workletScripts[base];
    if (!kept) return ctx.audioWorklet.addModule(url);
    return kept.then(function (blobUrl) { return ctx.audioWorklet.addModule(blobUrl); })
      .catch(function () { return ctx.audioWorklet.addModule(url); });
  }

  function newAudioContext(Ctx, sampleRate) {
    try { return new Ctx({ sampleRate: sampleRate, latencyHint: 'playback' }); }
    catch (e) { return new Ctx({ latencyHint: 'playback' }); }
  }

  /**
   * The start of a sound output at sampleRate, made when the sound's format comes ahead of the
   * tracks: its AudioContext, with the worklet's module loading. createAudioOutput takes it when
   * the track has that rate (and closes it otherwise). {rate, ctx, loaded, close}, or null
   * without WebAudio.
   */
  function prepareAudioOutput(base, sampleRate) {
    var Ctx = self.AudioContext || self.webkitAudioContext;
    if (!Ctx) return null;
    var ctx = newAudioContext(Ctx, sampleRate);
    var loaded = ctx.audioWorklet && self.AudioWorkletNode ? addWorklet(ctx, base) : null;
    if (loaded) loaded.catch(function () { /* createAudioOutput reports it */ });
    return {
      rate: sampleRate, ctx: ctx, loaded: loaded,
      close: function () { try { ctx.close(); } catch (e) { /* already closed */ } }
    };
  }

  /**
   * Sound output for one player: an AudioContext at the stream's rate when the browser allows it,
   * an AudioWorklet that the source worker feeds straight over sourcePort (a MessagePort: its blocks
   * and their recycled arrays never pass through this thread), and a GainNode for volume and mute.
   * Where AudioWorklet is missing, a ScriptProcessor on this thread reads the port instead.
   * Resolves to {play, pause, flush, skip, from, resume, running, time, buffered, starved, drained,
   * received, fromTime, setVolume, close}; this thread only controls it and reads its reports.
   * time() is the master clock: the presentation time of the sample playing now, from the
   * timestamps of the blocks the output has actually played, interpolated between its reports with
   * the context's clock; NaN until a block has started. onReport is called at each report (about
   * every 20 ms while the context runs), which drives the player's read-ahead without timers.
   * Reports of an epoch older than the last flush's are ignored. prepared: the start made by
   * prepareAudioOutput, or null.
   */
  function createAudioOutput(base, sampleRate, channels, sourcePort, onReport, prepared) {
    var Ctx = self.AudioContext || self.webkitAudioContext;
    if (!Ctx) return Promise.reject(new Error('WebAudio is not available'));
    var ctx, loaded = null;
    if (prepared && prepared.rate === sampleRate) {
      ctx = prepared.ctx; loaded = prepared.loaded;
    } else {
      if (prepared) prepared.close();
      ctx = newAudioContext(Ctx, sampleRate);
    }
    var gain = ctx.createGain();
    gain.connect(ctx.destination);
    var state = { epoch: 0, time: NaN, at: 0, buffered: 0, playing: false, underrun: false, drained: false,
      received: 0, fromTime: NaN, first: null, speed: 1, keepPitch: true };

    function report(m) {
      if (m.epoch < state.epoch) return;
      state.time = m.time; state.at = m.at; state.buffered = m.buffered; state.underrun = m.underrun; state.drained = m.drained;
      state.received = m.received; state.fromTime = m.fromTime;
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
    function reset(epoch) { state.epoch = epoch; state.first = null; state.time = NaN; state.buffered = 0; state.underrun = false; state.drained = false; }
    var output = {
      context: ctx,
      kind: 'worklet',
      time: time,
      buffered: function () { return state.buffered / sampleRate; },
      starved: function () { return state.underrun; },
      drained: function () { return state.drained; },
      received: function () { return state.received; },
      fromTime: function () { return state.fromTime; },
      /** {time, head}: the first block the output received since the last flush, its first samples. */
      first: function () { return state.first; },
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
      close: function () {
        try { sourcePort.close(); } catch (e) { /* already gone */ }
        try { ctx.close(); } catch (e) { /* already closed */ }
      }
    };

    if (ctx.audioWorklet && self.AudioWorkletNode) {
      return (loaded || addWorklet(ctx, base)).then(function () {
        var node = new AudioWorkletNode(ctx, 'kinora-output', {
          numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [channels],
          processorOptions: { channels: channels, sampleRate: sampleRate }
        });
        node.connect(gain);
        node.port.onmessage = function (e) {
          var m = e.data;
          if (m.type === 'position') report(m);
          else if (m.type === 'first' && m.epoch >= state.epoch) state.first = { time: m.time, head: Array.from(m.head) };
        };
        node.port.postMessage({ type: 'source', port: sourcePort }, [sourcePort]);
        output.play = function () {
          state.playing = true; state.at = ctx.currentTime;
          node.port.postMessage({ type: 'play' });
        };
        output.pause = function () { state.playing = false; node.port.postMessage({ type: 'pause' }); };
        output.flush = function (epoch) { reset(epoch); node.port.postMessage({ type: 'flush', epoch: epoch }); };
        output.skip = function (t) { node.port.postMessage({ type: 'skip', time: t }); };
        output.setSpeed = function (s, keepPitch) {
          keepPitch = keepPitch !== false;
          if (s !== state.speed || keepPitch !== state.keepPitch) {
            state.speed = s; state.keepPitch = keepPitch;
            node.port.postMessage({ type: 'speed', speed: s, pitch: keepPitch });
          }
        };
        output.from = function (t) { state.time = NaN; node.port.postMessage({ type: 'from', time: t }); };
        output.close = function () {
          try { node.port.postMessage({ type: 'pause' }); node.port.close(); } catch (e) { /* gone */ }
          try { ctx.close(); } catch (e) { /* already closed */ }
        };
        return output;
      }, function (e) {
        output.close();
        throw e;
      });
    }

    // Fallback without AudioWorklet: a ScriptProcessorNode on this thread reads the port, same
    // queue logic (epochs, gaps ignored) without resampling beyond nearest-rate stepping.
    output.kind = 'scriptprocessor';
    var queue = [], pos = 0, baseStep = sampleRate / ctx.sampleRate, step = baseStep, ended = false, from = NaN;
    function giveBack(planes) {
      sourcePort.postMessage({ type: 'recycle-audio', planes: planes }, planes.map(function (p) { return p.buffer; }));
    }
    function applyFrom() {
      while (queue.length && from === from) {
        var b = queue[0];
        if (b.time + b.frames / sampleRate <= from) { state.buffered -= b.frames - (pos | 0); pos = 0; giveBack(queue.shift().planes); continue; }
        var np = Math.max(pos, Math.floor((from - b.time) * sampleRate));
        state.buffered -= (np | 0) - (pos | 0); pos = np; state.time = b.time + np / sampleRate; state.fromTime = state.time; b.started = true;
        from = NaN;
      }
    }
    sourcePort.onmessage = function (e) {
      var m = e.data;
      if (m.epoch < state.epoch) { if (m.type === 'audio') giveBack(m.planes); return; }
      if (m.epoch > state.epoch) output.flush(m.epoch);
      if (m.type === 'audio') {
        if (!state.first) state.first = { time: m.time, head: Array.from(m.planes[0].subarray(0, Math.min(64, m.frames))) };
        queue.push({ planes: m.planes, frames: m.frames, time: m.time, started: false });
        state.buffered += m.frames; state.underrun = false; state.drained = false; state.received++;
        applyFrom();
      } else if (m.type === 'eos') {
        ended = true;
      }
    };
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
        if (!head.started) { head.started = true; if (head.time === head.time) state.time = head.time + ip / sampleRate; }
        for (var c = 0; c < channels; c++) out.getChannelData(c)[i] = head.planes[Math.min(c, head.planes.length - 1)][ip];
        var np = pos + step, consumed = (np | 0) - ip;
        state.time += consumed / sampleRate; state.buffered -= consumed; pos = np;
        while (queue.length && pos >= queue[0].frames) {
          pos -= queue[0].frames;
          giveBack(queue.shift().planes);
        }
      }
      state.at = ctx.currentTime;
      if (onReport) onReport();
    };
    sp.connect(gain);
    output.play = function () { state.playing = true; state.at = ctx.currentTime; };
    output.pause = function () { state.playing = false; };
    output.skip = function (t) {
      var dropped = false;
      while (queue.length && queue[0].time + queue[0].frames / sampleRate <= t) {
        var b = queue.shift();
        state.buffered -= b.frames - (dropped ? 0 : Math.min(b.frames, pos | 0));
        dropped = true;
        giveBack(b.planes);
      }
      if (dropped) { pos = 0; state.time = NaN; }
    };
    // this fallback resamples at any speed (the pitch moves with it)
    output.setSpeed = function (s) { state.speed = s; step = baseStep * s; };
    output.from = function (t) { from = t; applyFrom(); };
    output.flush = function (epoch) {
      if (!(epoch > state.epoch)) return;
      while (queue.length) giveBack(queue.shift().planes);
      pos = 0; ended = false; from = NaN; reset(epoch);
    };
    return Promise.resolve(output);
  }
