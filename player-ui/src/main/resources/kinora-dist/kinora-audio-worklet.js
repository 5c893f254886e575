// Kinora's audio output: an AudioWorkletProcessor fed planar Float32Array blocks through its port.
// It resamples linearly when the stream's rate differs from the context's, applies nothing else
// (volume is a GainNode), and reports how many stream frames it has played, which is the player's
// master clock.
class KinoraOutput extends AudioWorkletProcessor {
  constructor(options) {
    super();
    var o = options.processorOptions || {};
    this.channels = o.channels || 2;
    this.step = (o.sampleRate || sampleRate) / sampleRate; // stream frames per output frame
    this.queue = [];       // {planes, frames}
    this.pos = 0;          // fractional read position in queue[0]
    this.played = 0;       // stream frames consumed
    this.buffered = 0;     // stream frames queued and not yet played
    this.playing = false;
    this.ended = false;
    this.lastReport = 0;
    this.underrun = false;
    var self = this;
    this.port.onmessage = function (e) {
      var m = e.data;
      if (m.type === 'block') {
        self.queue.push({ planes: m.planes, frames: m.frames });
        self.buffered += m.frames;
        self.underrun = false;
      } else if (m.type === 'play') {
        self.playing = true;
      } else if (m.type === 'pause') {
        self.playing = false;
        self.report();
      } else if (m.type === 'end') {
        self.ended = true;
      } else if (m.type === 'reset') {
        self.queue = []; self.pos = 0; self.buffered = 0; self.played = m.played || 0; self.ended = false;
      }
    };
  }

  report() {
    this.port.postMessage({ type: 'position', played: this.played, buffered: this.buffered, at: currentTime, underrun: this.underrun });
  }

  /** The sample of channel c at fractional position p of the queue (spanning into the next block). */
  sample(c, idx) {
    var q = this.queue, b = 0;
    while (b < q.length && idx >= q[b].frames) { idx -= q[b].frames; b++; }
    if (b >= q.length) return 0;
    var planes = q[b].planes;
    return planes[Math.min(c, planes.length - 1)][idx];
  }

  process(inputs, outputs) {
    var out = outputs[0], n = out[0].length;
    if (!this.playing) {
      return true;
    }
    var step = this.step;
    for (var i = 0; i < n; i++) {
      if (this.queue.length === 0) {
        if (!this.ended && !this.underrun) { this.underrun = true; this.report(); }
        for (var c0 = 0; c0 < out.length; c0++) out[c0][i] = 0;
        continue;
      }
      var head = this.queue[0], p = this.pos, ip = p | 0, frac = p - ip;
      for (var c = 0; c < out.length; c++) {
        var a = head.planes[Math.min(c, head.planes.length - 1)][ip];
        var v = a;
        if (frac > 0) {
          var b = ip + 1 < head.frames ? head.planes[Math.min(c, head.planes.length - 1)][ip + 1] : this.sample(c, ip + 1);
          v = a + (b - a) * frac;
        }
        out[c][i] = v;
      }
      var np = p + step, consumed = (np | 0) - ip;
      this.played += consumed;
      this.buffered -= consumed;
      this.pos = np;
      while (this.queue.length && this.pos >= this.queue[0].frames) {
        this.pos -= this.queue[0].frames;
        var done = this.queue.shift();
        // the arrays go back to the source worker for reuse
        this.port.postMessage({ type: 'recycle', planes: done.planes }, done.planes.map(function (x) { return x.buffer; }));
      }
    }
    if (currentTime - this.lastReport >= 0.02) {
      this.lastReport = currentTime;
      this.report();
    }
    return true;
  }
}
registerProcessor('kinora-output', KinoraOutput);
