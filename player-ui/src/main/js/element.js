  /**
   * <kinora-player src=… controls autoplay muted build=…>: the drop-in element, a Kinora.Player
   * in a shadow root with plain controls (play/pause, time, progress, mute, volume). The player is
   * el.player; its events are re-dispatched on the element.
   */
  function defineElement(Kinora) {
    if (!self.customElements || customElements.get('kinora-player')) {
      return;
    }
    var EVENTS = ['loadstart', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough',
      'play', 'playing', 'waiting', 'pause', 'timeupdate', 'ended', 'error', 'volumechange', 'seeking', 'seeked', 'resize',
      'progress', 'stalled', 'suspend', 'emptied', 'abort', 'ratechange'];
    // The player's state, readable on the element as on <video> (the value before the player exists).
    var READ_ONLY = { duration: NaN, paused: true, ended: false, seeking: false, readyState: 0, networkState: 0, error: null,
      videoWidth: 0, videoHeight: 0, build: undefined };
    var RANGES = ['buffered', 'seekable', 'played'];

    function formatTime(t) {
      if (!isFinite(t)) return '--:--';
      t = Math.max(0, Math.floor(t));
      var s = t % 60, m = Math.floor(t / 60) % 60, h = Math.floor(t / 3600);
      return (h ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
    }

    class KinoraPlayerElement extends HTMLElement {
      static get observedAttributes() { return ['src', 'muted', 'controls', 'preload', 'poster', 'loop']; }

      constructor() {
        super();
        var root = this.attachShadow({ mode: 'open' });
        root.innerHTML =
          '<style>' +
          ':host{display:inline-block;position:relative;width:640px;height:360px;background:#000;color:#eee;' +
          'font:13px system-ui,sans-serif;overflow:hidden;contain:content}' +
          ':host([hidden]){display:none}' +
          '.box{position:absolute;inset:0}.box canvas{position:absolute;inset:0;width:100%;height:100%}' +
          '.bar{position:absolute;left:0;right:0;bottom:0;display:flex;gap:8px;align-items:center;padding:6px 8px;' +
          'background:linear-gradient(transparent,rgba(0,0,0,.7))}' +
          ':host(:not([controls])) .bar{display:none}' +
          'button{background:none;border:0;color:inherit;font:inherit;cursor:pointer;min-width:2.2em}' +
          '.progress{flex:1;height:4px;background:rgba(255,255,255,.3);border-radius:2px;overflow:hidden;cursor:pointer;' +
          'touch-action:none;padding:6px 0;background-clip:content-box;position:relative}' +
          '.progress i{display:block;position:relative;height:100%;width:0;background:#fff}' +
          '.progress b{position:absolute;top:6px;height:4px;left:0;width:0;background:rgba(255,255,255,.35)}' +
          'input[type=range]{width:70px}.msg{position:absolute;top:8px;left:8px;right:8px}' +
          '</style>' +
          '<div class="box" part="surface"></div><div class="msg" part="message"></div>' +
          '<div class="bar" part="controls"><button class="play" aria-label="Play">▶</button>' +
          '<span class="time">0:00 / --:--</span><div class="progress" role="slider" aria-label="Seek"><b></b><i></i></div>' +
          '<button class="mute" aria-label="Mute">🔊</button>' +
          '<input class="volume" type="range" min="0" max="1" step="0.05" value="1" aria-label="Volume"></div>';
        this._box = root.querySelector('.box');
        this._msg = root.querySelector('.msg');
        this._playButton = root.querySelector('.play');
        this._time = root.querySelector('.time');
        this._bar = root.querySelector('.progress i');
        this._bufferedBar = root.querySelector('.progress b');
        this._mute = root.querySelector('.mute');
        this._volume = root.querySelector('.volume');
        var el = this;
        this._playButton.addEventListener('click', function () {
          if (!el.player) return;
          if (el.player.paused) el.player.play().catch(function () {}); else el.player.pause();
        });
        this._mute.addEventListener('click', function () { if (el.player) el.player.muted = !el.player.muted; });
        this._volume.addEventListener('input', function () { if (el.player) el.player.volume = Number(el._volume.value); });
        // The seek bar: press, drag and release seek; while dragging only the latest seek completes.
        var progress = root.querySelector('.progress');
        this._progress = progress;
        function seekTo(ev) {
          var p = el.player;
          if (!p || !(p.duration > 0) || p.seekable.length === 0) return;
          var r = progress.getBoundingClientRect();
          var f = Math.max(0, Math.min(1, (ev.clientX - r.left) / Math.max(1, r.width)));
          p.currentTime = f * p.duration;
          el._bar.style.width = 100 * f + '%';
        }
        progress.addEventListener('pointerdown', function (ev) {
          el._dragging = true;
          try { progress.setPointerCapture(ev.pointerId); } catch (e) { /* a synthetic pointer */ }
          seekTo(ev);
        });
        progress.addEventListener('pointermove', function (ev) { if (el._dragging) seekTo(ev); });
        function endDrag() { el._dragging = false; }
        progress.addEventListener('pointerup', endDrag);
        progress.addEventListener('pointercancel', endDrag);
      }

      connectedCallback() {
        if (this.player) return;
        var el = this;
        try {
          this.player = new Kinora.Player(this._box, {
            build: this.getAttribute('build') || 'auto',
            preload: this.getAttribute('preload') || undefined,
            muted: this.hasAttribute('muted'),
            loop: this.hasAttribute('loop'),
            poster: this.getAttribute('poster') || undefined,
            renderer: this.getAttribute('renderer') || undefined
          });
        } catch (e) {
          this._msg.textContent = String(e && e.message || e);
          return;
        }
        EVENTS.forEach(function (type) {
          el.player.addEventListener(type, function () {
            el._refresh(type);
            el.dispatchEvent(new Event(type));
          });
        });
        if (this._srcObject) this.player.srcObject = this._srcObject;
        else if (this.getAttribute('src')) this.player.src = this.getAttribute('src');
        if (this.hasAttribute('autoplay') && this.player.src) this.player.play().catch(function () {});
        this._refresh();
      }

      disconnectedCallback() {
        if (this.player) { this.player.destroy(); this.player = null; }
      }

      attributeChangedCallback(name, old, value) {
        if (!this.player || old === value) return;
        if (name === 'src') {
          this.player.src = value || '';
          if (this.hasAttribute('autoplay')) this.player.play().catch(function () {});
        } else if (name === 'preload') {
          this.player.preload = value || 'metadata';
        } else if (name === 'poster') {
          this.player.poster = value || '';
        } else if (name === 'loop') {
          this.player.loop = value !== null;
        } else if (name === 'muted') {
          this.player.muted = value !== null;
        }
      }

      canPlayType(type) { return Kinora.canPlayType(type); }
      play() { return this.player ? this.player.play() : Promise.reject(new Error('not connected')); }
      pause() { if (this.player) this.player.pause(); }
      get srcObject() { return this._srcObject || null; }
      set srcObject(o) {
        if (this.player) this.player.srcObject = o;
        this._srcObject = o || null;
        if (this.player && this._srcObject && this.hasAttribute('autoplay')) this.player.play().catch(function () {});
      }
      get poster() { return this.getAttribute('poster') || ''; }
      set poster(v) { this.setAttribute('poster', v); }
      get src() { return this.getAttribute('src') || ''; }
      set src(v) { this.setAttribute('src', v); }

      _refresh(type) {
        var p = this.player;
        if (!p) return;
        this._playButton.textContent = p.paused ? '▶' : '❚❚';
        this._playButton.setAttribute('aria-label', p.paused ? 'Play' : 'Pause');
        this._time.textContent = formatTime(p.currentTime) + ' / ' + formatTime(p.duration);
        if (!this._dragging) this._bar.style.width = p.duration > 0 ? Math.min(100, 100 * p.currentTime / p.duration) + '%' : '0';
        if (type === 'progress' || type === 'suspend' || type === 'emptied' || type === 'durationchange' || type === 'seeked') {
          // the buffered range the playhead is in (or the last one), as a lighter bar
          var b = p.buffered, end = 0;
          for (var i = 0; i < b.length; i++) if (b.start(i) <= p.currentTime + 0.5) end = b.end(i);
          this._bufferedBar.style.width = isFinite(p.duration) && p.duration > 0 ? Math.min(100, 100 * end / p.duration) + '%' : '0';
        }
        this._mute.textContent = p.muted || p.volume === 0 ? '🔇' : '🔊';
        if (type === 'volumechange') this._volume.value = String(p.volume);
        this._msg.textContent = p.error ? 'Cannot play this media (error ' + p.error.code + '): ' + p.error.message : '';
      }
    }
    Object.keys(READ_ONLY).forEach(function (name) {
      Object.defineProperty(KinoraPlayerElement.prototype, name, {
        configurable: true,
        get: function () { return this.player ? this.player[name] : READ_ONLY[name]; }
      });
    });
    RANGES.forEach(function (name) {
      Object.defineProperty(KinoraPlayerElement.prototype, name, {
        configurable: true,
        get: function () { return this.player ? this.player[name] : new Kinora.TimeRanges([]); }
      });
    });
    [['currentTime', 0], ['volume', 1], ['muted', false], ['playbackRate', 1], ['defaultPlaybackRate', 1],
      ['preservesPitch', true], ['loop', false]].forEach(function (d) {
      Object.defineProperty(KinoraPlayerElement.prototype, d[0], {
        configurable: true,
        get: function () { return this.player ? this.player[d[0]] : d[1]; },
        set: function (v) { if (this.player) this.player[d[0]] = v; }
      });
    });
    ['load', 'fastSeek', 'getStats'].forEach(function (name) {
      KinoraPlayerElement.prototype[name] = function () {
        return this.player ? this.player[name].apply(this.player, arguments) : undefined;
      };
    });
    ['HAVE_NOTHING', 'HAVE_METADATA', 'HAVE_CURRENT_DATA', 'HAVE_FUTURE_DATA', 'HAVE_ENOUGH_DATA',
      'NETWORK_EMPTY', 'NETWORK_IDLE', 'NETWORK_LOADING', 'NETWORK_NO_SOURCE'].forEach(function (name) {
      KinoraPlayerElement[name] = KinoraPlayerElement.prototype[name] = Kinora.Player[name];
    });
    customElements.define('kinora-player', KinoraPlayerElement);
  }
