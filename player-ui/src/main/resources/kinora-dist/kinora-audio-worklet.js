// Kinora's audio output: an AudioWorkletProcessor fed planar Float32Array blocks by the source
// worker, straight, over a MessagePort it receives from the main thread ('source'); the played
// blocks' arrays go back to the worker over the same port. The main thread sends only control
// messages (play, pause, flush, skip, from, speed) and reads the position reports.
//
// It resamples linearly when a block's rate differs from the context's, applies nothing else
// (volume is a GainNode), and reports the presentation time of the sample it plays, taken from the
// blocks' timestamps: that is the player's master clock. A gap between one block's end and the
// next block's timestamp (a lost packet or page) is played as silence so that sound stays in
// step with the timestamps; a gap over MAX_GAP seconds is taken as a discontinuity and jumped.
//
// A speed other than 1 (playbackRate, from 0.25 to 4, or a live stream catching up) keeps the pitch
// by default: the samples are not played faster or slower, short stretches are left out (speed
// above 1) or played twice (below 1) instead, a time-domain stretch after WSOLA. Every GRAIN
// seconds of output, reading jumps by about (speed - 1) * (GRAIN + XFADE) seconds of input (ahead,
// or back into the blocks just played, which are kept that long), the exact length chosen within
// +-TOLERANCE where the waveform after the jump best matches the one before it, and the two are
// crossfaded over XFADE seconds. The clock follows the input consumed, smoothed over the jumps,
// so it runs at the speed. With pitch not kept ('speed' with pitch false) the blocks are resampled
// at the speed instead: the pitch moves with it.
var GRAIN = 0.04, XFADE = 0.006, TOLERANCE = 0.006, MIN_SPEED = 0.25, MAX_SPEED = 4;
// Every block carries the seek epoch it belongs to: a block of an older epoch is given back
// unplayed, one of a newer epoch (its 'flush' from the main thread may come later) clears the
// queue first. process() makes no objects: blocks sit in a preallocated ring, played ones wait in
// a second ring and go back at the next message, and the position report is one reused object.
var MAX_GAP = 5;
var CAPACITY = 64;
// the longest stretch a jump plan reads: speed 4 at 192 kHz, with the carried-over debt
var WINDOW = Math.ceil(((MAX_SPEED - 1) * (GRAIN + XFADE) + XFADE + 5 * TOLERANCE) * 192000) + 1;
// seconds of played sound kept for the jumps back of a speed below 1
var HISTORY = GRAIN + 2 * XFADE + 5 * TOLERANCE;

class KinoraOutput extends AudioWorkletProcessor {
  constructor(options) {
    super();
    var o = options.processorOptions || {};
    this.rate = o.sampleRate || sampleRate;
    this.step = this.rate / sampleRate; // stream frames per output frame
    this.cap = 0;
    this.grow(CAPACITY);
    this.head = 0;         // ring index of the block playing
    this.count = 0;        // blocks queued
    this.doneCount = 0;    // played blocks whose arrays have not gone back yet
    this.kept = 0;         // played blocks kept before the head (for jumps back)
    this.keptFrames = 0;   // their frames
    this.history = 0;      // stream frames of played sound to keep
    this.epoch = 0;
    this.pos = 0;          // fractional read position in the head block
    this.time = NaN;       // presentation time of the next stream frame
    this.gap = 0;          // stream frames of silence to play before the head block
    this.buffered = 0;     // stream frames queued and not yet played
    this.from = NaN;       // sound starts at this time (after 'from'): earlier samples are dropped
    this.fromTime = NaN;   // where the last 'from' started
    this.received = 0;     // blocks received
    this.firstSent = false; // the first block of the epoch has been described to the main thread
    this.playing = false;
    this.ended = false;
    this.lastReport = 0;
    this.underrun = false;
    this.speed = 1;
    this.keepPitch = true;
    this.lead = 0;         // seconds the read position is ahead of the smoothed clock
    this.untilSkip = 0;    // output frames until the next skip
    this.xfade = 0;        // output frames of the current crossfade still to play
    this.xdone = 0;        // output frames of the current crossfade played
    this.xskip = 0;        // stream frames the current crossfade jumps (negative: back)
    this.skipDebt = 0;     // stream frames skipped less than asked so far
    this.window = new Float32Array(WINDOW);
    this.source = null;
    this.msg = { type: 'position', epoch: 0, time: NaN, buffered: 0, at: 0, underrun: false, drained: false,
      received: 0, fromTime: NaN };
    var self = this;
    this.port.onmessage = function (e) { self.control(e.data); };
  }

  /** Rings of n slots (made in message handlers only, never in process()). */
  grow(n) {
    var planes = new Array(n), frames = new Float64Array(n), times = new Float64Array(n),
      rates = new Float64Array(n), started = new Uint8Array(n), done = new Array(n);
    for (var k = 0; k < this.kept + this.count; k++) {
      var i = (this.head - this.kept + k + this.cap) % this.cap;
      planes[k] = this.planes[i]; frames[k] = this.frames[i]; times[k] = this.times[i];
      rates[k] = this.rates[i]; started[k] = this.started[i];
    }
    for (var d = 0; d < this.doneCount; d++) done[d] = this.done[d];
    this.planes = planes; this.frames = frames; this.times = times; this.rates = rates;
    this.started = started; this.done = done;
    this.head = this.kept; this.cap = n;
  }

  control(m) {
    this.giveBack();
    if (m.type === 'source') {
      var self = this;
      this.source = m.port;
      this.source.onmessage = function (e) { self.fromSource(e.data); };
    } else if (m.type === 'speed') {
      var sp = +m.speed;
      this.speed = sp >= MIN_SPEED && sp <= MAX_SPEED ? sp : sp > MAX_SPEED ? MAX_SPEED : sp < MIN_SPEED ? MIN_SPEED : 1;
      this.keepPitch = m.pitch !== false;
      this.lead = 0;
      this.untilSkip = Math.round(GRAIN * sampleRate);
      this.history = this.keepPitch && this.speed < 1 ? Math.ceil(HISTORY * this.rate) : 0;
      this.release(this.history);
    } else if (m.type === 'play') {
      this.playing = true;
    } else if (m.type === 'pause') {
      this.playing = false;
      this.report();
    } else if (m.type === 'flush') {
      this.advance(m.epoch);
      this.report();
    } else if (m.type === 'skip') {
      // a live stream's jump: blocks that end at or before m.time are dropped unplayed, the
      // clock restarts from the next block's timestamp (no silence for the skipped span)
      var dropped = false;
      while (this.count && this.times[this.head] + this.frames[this.head] / this.rates[this.head] <= m.time) {
        this.retire();
        dropped = true;
      }
      if (dropped) { this.time = NaN; this.gap = 0; this.xfade = 0; this.lead = 0; }
      this.report();
    } else if (m.type === 'from') {
      // sound comes back (unmuted) at m.time: the samples before it are dropped, queued or to come
      this.from = m.time;
      this.applyFrom();
      this.report();
    }
    this.giveBack();
  }

  fromSource(m) {
    this.giveBack();
    if (m.epoch < this.epoch) {
      if (m.type === 'audio') this.giveBackNow(m.planes);
      return;
    }
    this.advance(m.epoch);
    if (m.type === 'audio') {
      if (this.kept + this.count + this.doneCount + 1 > this.cap) this.grow(this.cap * 2);
      var i = (this.head + this.count) % this.cap;
      this.planes[i] = m.planes; this.frames[i] = m.frames; this.times[i] = m.time;
      this.rates[i] = m.sampleRate || this.rate; this.started[i] = 0;
      this.count++;
      this.received++;
      if (!this.firstSent) this.describeFirst(m);
      this.buffered += m.frames;
      this.underrun = false;
      if (this.from === this.from) this.applyFrom();
    } else if (m.type === 'eos') {
      this.ended = true;
      this.report();
    }
    this.giveBack();
  }

  /**
   * Tells the main thread the time and the first samples of the first block of an epoch, as
   * received: what the player's tests compare with a straight decode after a seek.
   */
  describeFirst(m) {
    this.firstSent = true;
    var n = Math.min(64, m.frames);
    this.port.postMessage({ type: 'first', epoch: this.epoch, time: m.time, head: m.planes[0].slice(0, n) });
  }

  /** A newer epoch (a seek): everything queued is given back, the clock waits for the next block. */
  advance(epoch) {
    if (!(epoch > this.epoch)) return;
    this.epoch = epoch;
    this.firstSent = false;
    while (this.count) this.retire();
    this.release(0);
    this.pos = 0; this.buffered = 0; this.time = NaN; this.gap = 0; this.ended = false; this.underrun = false;
    this.lead = 0;
    this.from = NaN;
    this.xfade = 0;
    this.skipDebt = 0;
  }

  /** Drops the queued samples before this.from; the next one plays first. */
  applyFrom() {
    while (this.count) {
      var i = this.head, rate = this.rates[i], t = this.times[i];
      if (t + this.frames[i] / rate <= this.from) { this.retire(); continue; }
      var cut = Math.floor((this.from - t) * rate);
      var np = Math.max(this.pos, cut);
      this.buffered -= (np | 0) - (this.pos | 0);
      this.pos = np;
      this.started[i] = 1;
      this.gap = 0;
      this.time = t + np / rate;
      this.lead = 0;
      this.release(0);
      this.fromTime = this.time;
      this.from = NaN;
      return;
    }
  }

  /** The head block leaves the queue unplayed (or rest unplayed); its arrays wait to go back. */
  retire() {
    this.buffered -= this.frames[this.head] - (this.pos | 0);
    this.pos = 0;
    this.finishHead();
    this.release(0);
  }

  /** The head block is done: it is kept for jumps back, or moves to the ring of arrays to give back. */
  finishHead() {
    this.keptFrames += this.frames[this.head];
    this.kept++;
    this.head = (this.head + 1) % this.cap;
    this.count--;
    this.release(this.history);
  }

  /** Played blocks beyond the newest {@code keep} frames move to the ring of arrays to give back. */
  release(keep) {
    while (this.kept) {
      var o = (this.head - this.kept + this.cap) % this.cap;
      if (this.keptFrames - this.frames[o] < keep) return;
      this.keptFrames -= this.frames[o];
      this.kept--;
      this.done[this.doneCount++] = this.planes[o];
      this.planes[o] = null;
    }
  }

  /** Reading moved back before the head block (a jump back): the kept blocks it reaches are queued again. */
  unfinish() {
    while (this.pos < 0 && this.kept) {
      this.head = (this.head - 1 + this.cap) % this.cap;
      this.kept--;
      this.keptFrames -= this.frames[this.head];
      this.count++;
      this.pos += this.frames[this.head];
    }
    if (this.pos < 0) this.pos = 0;
  }

  /** The played arrays go back to the source worker (from message handlers, never process()). */
  giveBack() {
    if (this.doneCount === 0 || !this.source) return;
    var planes = [], transfer = [];
    for (var d = 0; d < this.doneCount; d++) {
      var p = this.done[d];
      this.done[d] = null;
      for (var c = 0; c < p.length; c++) { planes.push(p[c]); transfer.push(p[c].buffer); }
    }
    this.doneCount = 0;
    this.source.postMessage({ type: 'recycle-audio', planes: planes }, transfer);
  }

  giveBackNow(planes) {
    if (!this.source || !planes) return;
    var transfer = [];
    for (var c = 0; c < planes.length; c++) transfer.push(planes[c].buffer);
    this.source.postMessage({ type: 'recycle-audio', planes: planes }, transfer);
  }

  report() {
    var m = this.msg;
    m.epoch = this.epoch;
    m.time = this.time - this.lead;
    m.buffered = this.buffered + Math.max(0, this.gap);
    m.at = currentTime;
    m.underrun = this.underrun;
    m.drained = this.ended && this.count === 0 && this.gap <= 0;
    m.received = this.received;
    m.fromTime = this.fromTime;
    this.port.postMessage(m);
  }

  /** Starts the head block: its timestamp sets the clock, after a gap played as silence. */
  begin() {
    var i = this.head;
    this.started[i] = 1;
    // a skip of the catch-up may land inside the block
    var t = this.times[i] + this.pos / this.rates[i];
    if (t !== t) return;
    var ahead = t - this.time;
    if (this.time === this.time && ahead * this.rate > 1 && ahead < MAX_GAP) {
      this.gap = ahead * this.rate;
    } else {
      this.time = t;
      this.lead = 0;
    }
  }

  /**
   * Copies channel 0 of the queue from position idx (negative: in the kept blocks before the head),
   * n frames (zeros past the end), into this.window.
   */
  copyWindow(idx, n) {
    var w = this.window, k = 0, j = 0, i = this.head;
    while (idx < 0 && j > -this.kept) { i = (i - 1 + this.cap) % this.cap; j--; idx += this.frames[i]; }
    if (idx < 0) return false;
    while (j < this.count && idx >= this.frames[i]) { idx -= this.frames[i]; i = (i + 1) % this.cap; j++; }
    while (k < n && j < this.count) {
      var plane = this.planes[i][0], m = Math.min(n - k, this.frames[i] - idx);
      for (var x = 0; x < m; x++) w[k + x] = plane[idx + x];
      k += m; idx = 0; i = (i + 1) % this.cap; j++;
    }
    for (; k < n; k++) w[k] = 0;
    return true;
  }

  /**
   * Plans the next jump at read position ip: the jump length (stream frames, negative back) within
   * the tolerance around the nominal one whose following XFADE matches the XFADE at ip best; 0 when
   * too little is queued (or kept) to jump.
   */
  planSkip(ip, rate) {
    // what earlier jumps left out or repeated more or less than asked is carried over, so the speed is kept
    var tol = Math.round(TOLERANCE * rate), ahead = this.speed > 1;
    var nominal = Math.round((this.speed - 1) * (GRAIN + XFADE) * rate + this.skipDebt);
    nominal = ahead ? Math.max(1, nominal) : Math.min(-1, nominal);
    var f = Math.max(1, Math.round(XFADE * rate));
    var lo = ahead ? Math.max(1, nominal - tol) : nominal - tol, hi = ahead ? nominal + tol : Math.min(-1, nominal + tol);
    var start = Math.min(0, lo), need = Math.max(0, hi) + f - start;
    if (need > this.window.length || this.buffered < Math.max(0, hi) + f + Math.round(0.05 * rate)) return 0;
    if (start < 0 && this.keptFrames + ip < -start) return 0;
    if (!this.copyWindow(ip + start, need)) return 0;
    var w = this.window, best = nominal, bestScore = -Infinity, r = -start;
    for (var k = lo; k <= hi; k++) {
      var dot = 0, energy = 1e-9;
      // every third sample: enough to tell the matches apart, cheap enough for the audio thread
      for (var i = 0; i < f; i += 3) { var b = w[r + k + i]; dot += w[r + i] * b; energy += b * b; }
      // near-equal matches (a periodic sound) go to the length closest to the one asked for
      var score = dot / Math.sqrt(energy) * (1 - 0.02 * Math.abs(k - nominal) / (tol + 1));
      if (score > bestScore) { bestScore = score; best = k; }
    }
    this.skipDebt += (this.speed - 1) * (GRAIN + XFADE) * rate - best;
    this.skipDebt = Math.max(-4 * tol, Math.min(4 * tol, this.skipDebt));
    return best;
  }

  /** The sample of channel c at position idx of the queue (spanning into the next blocks, or the kept ones before). */
  sample(c, idx) {
    var k = 0, i = this.head;
    while (idx < 0) {
      if (--k < -this.kept) return 0;
      i = (i - 1 + this.cap) % this.cap;
      idx += this.frames[i];
    }
    while (k < this.count && idx >= this.frames[i]) { idx -= this.frames[i]; i = (i + 1) % this.cap; k++; }
    if (k >= this.count) return 0;
    var planes = this.planes[i];
    return planes[Math.min(c, planes.length - 1)][idx];
  }

  process(inputs, outputs) {
    var out = outputs[0], n = out[0].length;
    if (!this.playing) {
      return true;
    }
    var step = this.step, rate = this.rate;
    for (var i = 0; i < n; i++) {
      if (this.count && !this.started[this.head]) this.begin();
      if (this.gap > 0) {
        for (var g = 0; g < out.length; g++) out[g][i] = 0;
        this.gap -= step;
        this.time += step / rate;
        if (this.gap <= 0 && this.count) this.time = this.times[this.head];
        continue;
      }
      if (this.count === 0) {
        if (!this.ended && !this.underrun) { this.underrun = true; this.report(); }
        for (var c0 = 0; c0 < out.length; c0++) out[c0][i] = 0;
        continue;
      }
      var h = this.head, planes = this.planes[h], frames = this.frames[h];
      var p = this.pos, ip = p | 0, frac = p - ip;
      // a chained stream's next link may have another rate: each block is stepped at its own
      rate = this.rates[h]; step = rate / sampleRate;
      var stretch = this.speed !== 1 && this.keepPitch;
      if (!this.keepPitch) step *= this.speed;
      if (stretch && this.xfade <= 0 && --this.untilSkip <= 0) {
        this.untilSkip = Math.round(GRAIN * sampleRate);
        this.xskip = this.planSkip(ip, rate);
        if (this.xskip !== 0) { this.xfade = Math.max(1, Math.round(XFADE * sampleRate)); this.xdone = 0; }
        else this.lead = 0; // no jump possible: the clock follows what is read
      }
      var mix = this.xfade > 0 ? (this.xdone + 1) / (this.xdone + this.xfade + 1) : 0;
      for (var c = 0; c < out.length; c++) {
        var plane = planes[Math.min(c, planes.length - 1)];
        var a = plane[ip];
        var v = a;
        if (frac > 0) {
          var b = ip + 1 < frames ? plane[ip + 1] : this.sample(c, ip + 1);
          v = a + (b - a) * frac;
        }
        if (mix > 0) v = v * (1 - mix) + this.sample(c, ip + this.xskip) * mix;
        out[c][i] = v;
      }
      var np = p + step;
      if (stretch) this.lead += step * (1 - this.speed) / rate;
      if (this.xfade > 0) {
        this.xdone++;
        if (--this.xfade <= 0) { // the crossfade is over: reading goes on after the jump
          np += this.xskip;
          this.lead += this.xskip / rate;
        }
      }
      var consumed = Math.floor(np) - ip;
      this.time += consumed / rate;
      this.buffered -= consumed;
      this.pos = np;
      if (np < 0) this.unfinish();
      while (this.count && this.pos >= this.frames[this.head]) {
        this.pos -= this.frames[this.head];
        this.finishHead();
        if (this.count === 0 && this.ended) this.report();
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
