  /**
   * Sound output for one player: an AudioContext at the stream's rate when the browser allows it,
   * an AudioWorklet fed from a queue (ScriptProcessor where AudioWorklet is missing), and a GainNode
   * for volume and mute. Resolves to {enqueue, play, pause, end, time, buffered, setVolume, close}.
   * time() is the master clock: seconds of the stream played, interpolated between the worklet's
   * reports with the context's clock.
   */
  function createAudioOutput(base, sampleRate, channels, onRecycle) {
    var Ctx = self.AudioContext || self.webkitAudioContext;
    if (!Ctx) return Promise.reject(new Error('WebAudio is not available'));
    var ctx;
    try { ctx = new Ctx({ sampleRate: sampleRate, latencyHint: 'playback' }); }
    catch (e) { ctx = new Ctx({ latencyHint: 'playback' }); }
    var gain = ctx.createGain();
    gain.connect(ctx.destination);
    var state = { played: 0, at: 0, buffered: 0, playing: false, underrun: false, base: 0, ended: false };

    function onReport(m) {
      state.played = m.played; state.at = m.at; state.buffered = m.buffered; state.underrun = m.underrun;
    }
    function time() {
      var t = state.played / sampleRate;
      if (state.playing && !state.underrun) {
        var ahead = Math.max(0, ctx.currentTime - state.at);
        t += Math.min(ahead, state.buffered / sampleRate);
      }
      return state.base + t;
    }
    var output = {
      context: ctx,
      kind: 'worklet',
      time: time,
      buffered: function () { return state.buffered / sampleRate; },
      starved: function () { return state.underrun; },
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
          if (e.data.type === 'position') onReport(e.data);
          else if (e.data.type === 'recycle' && onRecycle) onRecycle(e.data.planes);
        };
        output.enqueue = function (planes, frames) {
          state.buffered += frames;
          node.port.postMessage({ type: 'block', planes: planes, frames: frames }, planes.map(function (p) { return p.buffer; }));
        };
        output.play = function () {
          state.playing = true; state.at = ctx.currentTime;
          node.port.postMessage({ type: 'play' });
          return ctx.resume();
        };
        output.pause = function () { state.playing = false; node.port.postMessage({ type: 'pause' }); };
        output.end = function () { node.port.postMessage({ type: 'end' }); };
        return output;
      });
    }

    // Fallback: ScriptProcessorNode on the main thread, same queue logic without resampling
    // beyond nearest-rate stepping.
    output.kind = 'scriptprocessor';
    var queue = [], pos = 0, step = sampleRate / ctx.sampleRate;
    var sp = ctx.createScriptProcessor(4096, 0, channels);
    sp.onaudioprocess = function (ev) {
      var out = ev.outputBuffer, n = out.length;
      for (var i = 0; i < n; i++) {
        if (!state.playing || queue.length === 0) {
          for (var c0 = 0; c0 < channels; c0++) out.getChannelData(c0)[i] = 0;
          if (state.playing && queue.length === 0) state.underrun = true;
          continue;
        }
        var head = queue[0], ip = pos | 0;
        for (var c = 0; c < channels; c++) out.getChannelData(c)[i] = head.planes[Math.min(c, head.planes.length - 1)][ip];
        var np = pos + step, consumed = (np | 0) - ip;
        state.played += consumed; state.buffered -= consumed; pos = np;
        while (queue.length && pos >= queue[0].frames) { pos -= queue[0].frames; queue.shift(); }
      }
      state.at = ctx.currentTime;
    };
    sp.connect(gain);
    output.enqueue = function (planes, frames) { queue.push({ planes: planes, frames: frames }); state.buffered += frames; state.underrun = false; };
    output.play = function () { state.playing = true; state.at = ctx.currentTime; return ctx.resume(); };
    output.pause = function () { state.playing = false; };
    output.end = function () {};
    return Promise.resolve(output);
  }
