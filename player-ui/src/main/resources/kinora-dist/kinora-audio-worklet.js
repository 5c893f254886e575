// Kinora's audio output: an AudioWorkletProcessor fed planar Float32Array blocks through its port.
// It resamples linearly when a block's rate differs from the context's, applies nothing else
// (volume is a GainNode), and reports the presentation time of the sample it plays, taken from the
// blocks' timestamps: that is the player's master clock. A gap between one block's end and the
// next block's timestamp (a lost packet or page) is played as silence so that sound stays in
// step with the timestamps; a gap over MAX_GAP seconds is taken as a discontinuity and jumped.
//
// A speed above 1 (a live stream catching up) keeps the pitch: the samples are not played faster,
// short stretches are left out instead (time-domain compression after WSOLA). Every GRAIN seconds
// of output, about (speed - 1) * GRAIN seconds of input are skipped, the exact length chosen
// within +-TOLERANCE where the waveform after the skip best matches the one before it, and the two
// are crossfaded over XFADE seconds. The clock follows the input consumed, so it runs at the speed.
var MAX_GAP = 5;
var GRAIN = 0.04, XFADE = 0.006, TOLERANCE = 0.006;

class KinoraOutput extends AudioWorkletProcessor {
  constructor(options) {
    super();
    var o = options.processorOptions || {};
    this.channels = o.channels || 2;
    this.rate = o.sampleRate || sampleRate;
    this.step = this.rate / sampleRate; // stream frames per output frame
    this.queue = [];       // {planes, frames, time, started}
    this.pos = 0;          // fractional read position in queue[0]
    this.time = NaN;       // presentation time of the next stream frame
    this.gap = 0;          // stream frames of silence to play before queue[0]
    this.buffered = 0;     // stream frames queued and not yet played
    this.playing = false;
    this.ended = false;
    this.lastReport = 0;
    this.underrun = false;
    this.speed = 1;
    this.untilSkip = 0;    // output frames until the next skip
    this.xfade = 0;        // output frames of the current crossfade still to play
    this.xdone = 0;        // output frames of the current crossfade played
    this.xskip = 0;        // stream frames the current crossfade skips
    this.skipDebt = 0;     // stream frames skipped less than asked so far
    this.window = new Float32Array(0);
    this.report = this.report.bind(this);
    var self = this;
    this.port.onmessage = function (e) {
      var m = e.data;
      if (m.type === 'block') {
        self.queue.push({ planes: m.planes, frames: m.frames, time: m.time, rate: m.rate || self.rate, started: false });
        self.buffered += m.frames;
        self.underrun = false;
      } else if (m.type === 'speed') {
        self.speed = m.speed > 1 ? Math.min(m.speed, 2) : 1;
        self.untilSkip = Math.round(GRAIN * sampleRate);
      } else if (m.type === 'play') {
        self.playing = true;
      } else if (m.type === 'pause') {
        self.playing = false;
        self.report();
      } else if (m.type === 'end') {
        self.ended = true;
        self.report();
      } else if (m.type === 'skip') {
        // a live stream's jump: blocks that end at or before m.time are dropped unplayed, the
        // clock restarts from the next block's timestamp (no silence for the skipped span)
        var dropped = false;
        while (self.queue.length && self.queue[0].time + self.queue[0].frames / self.queue[0].rate <= m.time) {
          var b = self.queue.shift();
          self.buffered -= b.frames - (dropped ? 0 : Math.min(b.frames, self.pos | 0));
          dropped = true;
          self.recycle(b);
        }
        if (dropped) { self.pos = 0; self.time = NaN; self.gap = 0; self.xfade = 0; }
        self.report();
      } else if (m.type === 'flush') {
        while (self.queue.length) self.recycle(self.queue.shift());
        self.pos = 0; self.buffered = 0; self.time = NaN; self.gap = 0; self.ended = false; self.underrun = false; self.xfade = 0;
        self.report();
      }
    };
  }

  recycle(block) {
    // the arrays go back to the source worker for reuse
    var planes = block.planes, transfer = [];
    for (var i = 0; i < planes.length; i++) transfer.push(planes[i].buffer);
    this.port.postMessage({ type: 'recycle', planes: planes }, transfer);
  }

  report() {
    this.port.postMessage({ type: 'position', time: this.time, buffered: this.buffered + Math.max(0, this.gap), at: currentTime,
      underrun: this.underrun, drained: this.ended && this.queue.length === 0 && this.gap <= 0 });
  }

  /** Starts queue[0]: its timestamp sets the clock, after a gap played as silence. */
  begin(head) {
    head.started = true;
    // a skip of the catch-up may land inside the block
    var t = head.time + this.pos / head.rate;
    if (t !== t) return;
    var ahead = t - this.time;
    if (this.time === this.time && ahead * this.rate > 1 && ahead < MAX_GAP) {
      this.gap = ahead * this.rate;
    } else {
      this.time = t;
    }
  }

  /** Copies channel 0 of the queue from position idx, n frames (zeros past the end), into this.window. */
  copyWindow(idx, n) {
    if (this.window.length < n) this.window = new Float32Array(n);
    var w = this.window, q = this.queue, b = 0, k = 0;
    while (b < q.length && idx >= q[b].frames) { idx -= q[b].frames; b++; }
    while (k < n && b < q.length) {
      var plane = q[b].planes[0], m = Math.min(n - k, q[b].frames - idx);
      w.set(plane.subarray(idx, idx + m), k);
      k += m; idx = 0; b++;
    }
    for (; k < n; k++) w[k] = 0;
  }

  /**
   * Plans the next skip at read position ip: the skip length (stream frames) within the tolerance
   * around the nominal one whose following XFADE matches the XFADE at ip best; 0 when too little is
   * queued to skip.
   */
  planSkip(ip, rate) {
    // what earlier skips left out more or less than asked is carried over, so the speed is kept
    var tol = Math.round(TOLERANCE * rate);
    var nominal = Math.max(1, Math.round((this.speed - 1) * (GRAIN + XFADE) * rate + this.skipDebt));
    var f = Math.max(1, Math.round(XFADE * rate)), lo = Math.max(1, nominal - tol), hi = nominal + tol;
    var need = hi + f;
    if (this.buffered < need + Math.round(0.05 * rate)) return 0;
    this.copyWindow(ip, need);
    var w = this.window, best = nominal, bestScore = -Infinity;
    for (var k = lo; k <= hi; k++) {
      var dot = 0, energy = 1e-9;
      for (var i = 0; i < f; i++) { var b = w[k + i]; dot += w[i] * b; energy += b * b; }
      // near-equal matches (a periodic sound) go to the length closest to the one asked for
      var score = dot / Math.sqrt(energy) * (1 - 0.02 * Math.abs(k - nominal) / (tol + 1));
      if (score > bestScore) { bestScore = score; best = k; }
    }
    this.skipDebt += (this.speed - 1) * (GRAIN + XFADE) * rate - best;
    this.skipDebt = Math.max(-4 * tol, Math.min(4 * tol, this.skipDebt));
    return best;
  }

  /** The sample of channel c at position idx of the queue (spanning into the next block). */
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
    var step = this.step, rate = this.rate;
    for (var i = 0; i < n; i++) {
      if (this.queue.length && !this.queue[0].started) this.begin(this.queue[0]);
      if (this.gap > 0) {
        for (var g = 0; g < out.length; g++) out[g][i] = 0;
        this.gap -= step;
        this.time += step / rate;
        if (this.gap <= 0 && this.queue.length) this.time = this.queue[0].time;
        continue;
      }
      if (this.queue.length === 0) {
        if (!this.ended && !this.underrun) { this.underrun = true; this.report(); }
        for (var c0 = 0; c0 < out.length; c0++) out[c0][i] = 0;
        continue;
      }
      var head = this.queue[0], p = this.pos, ip = p | 0, frac = p - ip;
      // a chained stream's next link may have another rate: each block is stepped at its own
      rate = head.rate; step = rate / sampleRate;
      if (this.speed > 1 && this.xfade <= 0 && --this.untilSkip <= 0) {
        this.untilSkip = Math.round(GRAIN * sampleRate);
        this.xskip = this.planSkip(ip, rate);
        if (this.xskip > 0) { this.xfade = Math.max(1, Math.round(XFADE * sampleRate)); this.xdone = 0; }
      }
      var mix = this.xfade > 0 ? (this.xdone + 1) / (this.xdone + this.xfade + 1) : 0;
      for (var c = 0; c < out.length; c++) {
        var a = head.planes[Math.min(c, head.planes.length - 1)][ip];
        var v = a;
        if (frac > 0) {
          var b = ip + 1 < head.frames ? head.planes[Math.min(c, head.planes.length - 1)][ip + 1] : this.sample(c, ip + 1);
          v = a + (b - a) * frac;
        }
        if (mix > 0) v = v * (1 - mix) + this.sample(c, ip + this.xskip) * mix;
        out[c][i] = v;
      }
      var np = p + step;
      if (this.xfade > 0) {
        this.xdone++;
        if (--this.xfade <= 0) np += this.xskip; // the crossfade is over: reading goes on after the skip
      }
      var consumed = (np | 0) - ip;
      this.time += consumed / rate;
      this.buffered -= consumed;
      this.pos = np;
      while (this.queue.length && this.pos >= this.queue[0].frames) {
        this.pos -= this.queue[0].frames;
        this.recycle(this.queue.shift());
        if (this.queue.length === 0 && this.ended) this.report();
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
