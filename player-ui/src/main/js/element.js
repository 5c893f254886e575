  /**
   * <kinora-player src controls autoplay muted loop preload poster playsinline width height build>:
   * the drop-in element, a Kinora.Player in a shadow root with the controls of controls.js. The
   * attributes reflect as on <video>; the player's state and methods are on the element (and the
   * player itself is el.player); its events are re-dispatched on the element. Moving the element
   * (removed and inserted again before the next task) keeps the player and its media.
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
      videoWidth: 0, videoHeight: 0, build: undefined, currentSrc: '' };
    var RANGES = ['buffered', 'seekable', 'played'];
    // Read-write state kept by the element until there is a player, then handed to it.
    var STATE = { currentTime: 0, volume: 1, muted: false, playbackRate: 1, defaultPlaybackRate: 1, preservesPitch: true,
      srcObject: null };
    var BOOLEAN_ATTRS = { controls: 'controls', autoplay: 'autoplay', loop: 'loop', playsInline: 'playsinline',
      defaultMuted: 'muted' };
    var URL_ATTRS = ['src', 'poster'];
    var PRELOAD = ['none', 'metadata', 'auto'];

    class KinoraPlayerElement extends HTMLElement {
      static get observedAttributes() {
        return ['src', 'muted', 'controls', 'preload', 'autoplay', 'loop', 'poster', 'width', 'height'];
      }

      constructor() {
        super();
        var root = this.attachShadow({ mode: 'open' });
        root.innerHTML =
          '<style>:host{display:inline-block;position:relative;width:640px;height:360px;background:#000;color:#eee;' +
          'font:13px system-ui,sans-serif;overflow:hidden;contain:content;outline:none}' +
          ':host([hidden]){display:none}:host(:focus-visible){box-shadow:inset 0 0 0 2px #4af}</style>' +
          '<style class="size"></style>';
        this._sizeStyle = root.querySelector('.size');
        this._ui = KinoraControls.create(this, root);
        this._pending = {};
        this.player = null;
      }

      connectedCallback() {
        if (this._teardown) { clearTimeout(this._teardown); this._teardown = 0; }
        if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
        if (!this.hasAttribute('role')) this.setAttribute('role', 'region');
        if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', 'Video player');
        if (this.player) return;
        var el = this;
        try {
          this.player = new Kinora.Player(this._ui.box, {
            build: this.getAttribute('build') || 'auto',
            preload: this.getAttribute('preload') || undefined,
            muted: this.hasAttribute('muted'),
            loop: this.loop,
            autoplay: this.autoplay,
            poster: this.poster,
            renderer: this.getAttribute('renderer') || undefined
          });
        } catch (e) {
          this._ui.msg.textContent = String(e && e.message || e);
          return;
        }
        var p = this.player;
        EVENTS.forEach(function (type) {
          p.addEventListener(type, function () {
            if (el.player !== p) return;
            el._ui.refresh(type);
            if (type === 'resize') el._applySize();
            el.dispatchEvent(new Event(type));
          });
        });
        var pending = this._pending;
        this._pending = {};
        ['volume', 'muted', 'defaultPlaybackRate', 'playbackRate', 'preservesPitch'].forEach(function (k) {
          if (k in pending) p[k] = pending[k];
        });
        // the source last: with autoplay the player starts as soon as it has one
        if (pending.srcObject) p.srcObject = pending.srcObject;
        else if (this.getAttribute('src')) p.src = this.src;
        if ('currentTime' in pending) p.currentTime = pending.currentTime;
        this._ui.refresh();
      }

      disconnectedCallback() {
        // Teardown waits for the next task: a move (removed, then inserted elsewhere) keeps the player.
        var el = this;
        if (!this.player || this._teardown) return;
        this._teardown = setTimeout(function () {
          el._teardown = 0;
          if (el.isConnected || !el.player) return;
          var p = el.player;
          el.player = null;
          p.destroy();
        }, 0);
      }

      attributeChangedCallback(name, old, value) {
        if (name === 'width' || name === 'height') { this._applySize(); return; }
        var p = this.player;
        if (!p || old === value) return;
        if (name === 'src') {
          p.src = value === null ? '' : this.src; // with autoplay, a refusal leaves it paused, as <video>
        } else if (name === 'poster') {
          p.poster = this.poster;
        } else if (name === 'preload') {
          p.preload = this.preload;
        } else if (name === 'muted') {
          p.muted = value !== null;
        } else if (name === 'loop') {
          p.loop = value !== null;
        } else if (name === 'autoplay') {
          p.autoplay = value !== null;
        }
      }

      _applySize() {
        var w = this.width, h = this.height, css = '';
        if (this.hasAttribute('width')) css += 'width:' + w + 'px;';
        if (this.hasAttribute('height')) css += 'height:' + h + 'px;';
        if (this.hasAttribute('width') !== this.hasAttribute('height')) {
          var vw = this.videoWidth || 16, vh = this.videoHeight || 9;
          css += (this.hasAttribute('width') ? 'height' : 'width') + ':auto;aspect-ratio:' + vw + '/' + vh + ';';
        }
        this._sizeStyle.textContent = css ? ':host{' + css + '}' : '';
      }

      play() {
        if (!this.player) return Promise.reject(new DOMException('The element is not in a document.', 'InvalidStateError'));
        return this.player.play();
      }
      pause() { if (this.player) this.player.pause(); }
      canPlayType(type) { return Kinora.canPlayType.apply(null, arguments); }
      get preload() {
        var v = (this.getAttribute('preload') || '').toLowerCase();
        return this.hasAttribute('preload') ? (PRELOAD.indexOf(v) >= 0 ? v : v === '' ? 'auto' : 'metadata') : 'metadata';
      }
      set preload(v) { this.setAttribute('preload', String(v)); }
      get width() { return dimension(this.getAttribute('width')); }
      set width(v) { this.setAttribute('width', String(dimension(v))); }
      get height() { return dimension(this.getAttribute('height')); }
      set height(v) { this.setAttribute('height', String(dimension(v))); }
    }

    function dimension(v) {
      var n = parseInt(v, 10);
      return n >= 0 && n <= 2147483647 ? n : 0;
    }

    var proto = KinoraPlayerElement.prototype;
    Object.keys(BOOLEAN_ATTRS).forEach(function (name) {
      var attr = BOOLEAN_ATTRS[name];
      Object.defineProperty(proto, name, {
        configurable: true,
        get: function () { return this.hasAttribute(attr); },
        set: function (v) { if (v) this.setAttribute(attr, ''); else this.removeAttribute(attr); }
      });
    });
    URL_ATTRS.forEach(function (name) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get: function () {
          var v = this.getAttribute(name);
          if (!v) return '';
          try { return new URL(v, document.baseURI).href; } catch (e) { return v; }
        },
        set: function (v) { this.setAttribute(name, String(v)); }
      });
    });
    Object.keys(READ_ONLY).forEach(function (name) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get: function () { return this.player ? this.player[name] : READ_ONLY[name]; }
      });
    });
    RANGES.forEach(function (name) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get: function () { return this.player ? this.player[name] : new Kinora.TimeRanges([]); }
      });
    });
    Object.keys(STATE).forEach(function (name) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get: function () {
          var p = this.player;
          if (p) return p[name];
          return name in this._pending ? this._pending[name] : name === 'muted' ? this.defaultMuted : STATE[name];
        },
        set: function (v) {
          var p = this.player;
          if (p) { p[name] = v; return; }
          // checked as the player checks them, so a bad value throws the same error before and after
          if (name === 'volume') v = Kinora._checkVolume(v);
          else if (name === 'playbackRate' || name === 'defaultPlaybackRate') v = Kinora._checkRate(v);
          else if (name === 'srcObject') v = Kinora._checkSource(v);
          else v = name === 'muted' || name === 'preservesPitch' ? !!v : Number(v);
          this._pending[name] = v;
        }
      });
    });
    ['load', 'fastSeek', 'getStats'].forEach(function (name) {
      proto[name] = function () {
        return this.player ? this.player[name].apply(this.player, arguments) : undefined;
      };
    });
    ['HAVE_NOTHING', 'HAVE_METADATA', 'HAVE_CURRENT_DATA', 'HAVE_FUTURE_DATA', 'HAVE_ENOUGH_DATA',
      'NETWORK_EMPTY', 'NETWORK_IDLE', 'NETWORK_LOADING', 'NETWORK_NO_SOURCE'].forEach(function (name) {
      KinoraPlayerElement[name] = proto[name] = Kinora.Player[name];
    });
    customElements.define('kinora-player', KinoraPlayerElement);
  }
