  /**
   * Kinora.Player: an HTMLMediaElement-like player drawn into a container element.
   *   var p = new Kinora.Player(document.getElementById('box'), {src: 'movie.ogg', build: 'auto'});
   *   p.addEventListener('ended', ...); p.play();
   * Options: src, build ('auto' | 'wasm' | 'js'), muted, volume, renderer ('webgl2' | 'webgl' | '2d'),
   * preload ('none' | 'metadata' | 'auto'), defaultPlaybackRate, preservesPitch, loop, autoplay, poster,
   * srcObject (a Blob or File).
   */
  function definePlayer(Kinora) {
    var STATES = { HAVE_NOTHING: 0, HAVE_METADATA: 1, HAVE_CURRENT_DATA: 2, HAVE_FUTURE_DATA: 3, HAVE_ENOUGH_DATA: 4,
      NETWORK_EMPTY: 0, NETWORK_IDLE: 1, NETWORK_LOADING: 2, NETWORK_NO_SOURCE: 3 };
    var ERRORS = { MEDIA_ERR_ABORTED: 1, MEDIA_ERR_NETWORK: 2, MEDIA_ERR_DECODE: 3, MEDIA_ERR_SRC_NOT_SUPPORTED: 4 };

    /** Kinora.TimeRanges: what HTMLMediaElement's buffered, seekable and played return. */
    class TimeRanges {
      constructor(flat) { this._r = flat ? flat.slice() : []; }
      get length() { return this._r.length >> 1; }
      start(i) { return this._at(i, 0); }
      end(i) { return this._at(i, 1); }
      _at(i, k) {
        i = Number(i);
        if (!(i >= 0 && i < this.length) || Math.floor(i) !== i) {
          throw new DOMException('The index provided (' + i + ') is not within the ranges (' + this.length + ').', 'IndexSizeError');
        }
        return this._r[2 * i + k];
      }
    }

    /** Kinora.MediaError: the player's error, the same object on every read until the next one. */
    class MediaError {
      constructor(code, message) {
        Object.defineProperty(this, 'code', { value: code, enumerable: true });
        Object.defineProperty(this, 'message', { value: message, enumerable: true });
      }
    }
    Object.assign(MediaError, ERRORS);
    Object.assign(MediaError.prototype, ERRORS);

    /** A playbackRate as HTMLMediaElement checks it: TypeError when not finite, NotSupportedError out of range. */
    function checkRate(r) {
      r = Number(r);
      if (!isFinite(r)) throw new TypeError('The playback rate must be a finite number');
      if (!(r >= 0.25 && r <= 4)) {
        throw new DOMException('The provided playback rate (' + r + ') is not in the supported playback range.', 'NotSupportedError');
      }
      return r;
    }

    /** A volume as HTMLMediaElement checks it: TypeError when not finite, IndexSizeError outside [0, 1]. */
    function checkVolume(v) {
      v = Number(v);
      if (!isFinite(v)) throw new TypeError('volume must be a finite number');
      if (!(v >= 0 && v <= 1)) throw new DOMException('The volume provided (' + v + ') is outside the range [0, 1].', 'IndexSizeError');
      return v;
    }

    /** A srcObject: a Blob (or File) or null. */
    function checkSource(o) {
      if (o != null && !(o instanceof Blob)) throw new TypeError('srcObject must be a Blob, a File or null');
      return o || null;
    }

    // The few rules a player needs to fill its container, added once per document (or shadow root)
    // ahead of the page's own styles and with no specificity (:where), so any page rule wins.
    var BASE_STYLE = ':where(.kinora-player){position:relative;overflow:hidden;background:#000}' +
      ':where(.kinora-player)>:where(canvas.kinora-surface){position:absolute;left:0;top:0;width:100%;height:100%;display:block}';
    var styled = typeof WeakSet === 'function' ? new WeakSet() : null;
    function addBaseStyle(container) {
      var root = container.getRootNode ? container.getRootNode() : null;
      var inShadow = root && root.host && root.nodeType === 11;
      var doc = container.ownerDocument || document;
      var target = inShadow ? root : doc;
      if (!styled || styled.has(target)) return;
      styled.add(target);
      var style = doc.createElement('style');
      style.setAttribute('data-kinora', '');
      style.textContent = BASE_STYLE;
      var parent = inShadow ? root : (doc.head || doc.documentElement);
      if (parent) parent.insertBefore(style, parent.firstChild);
    }

    class Player extends EventTarget {
      constructor(container, options) {
        super();
        if (!container || !container.appendChild) throw new TypeError('Kinora.Player needs a container element');
        options = Object.assign({}, options || {});
        var canvas = document.createElement('canvas');
        canvas.className = 'kinora-surface';
        if (container.classList) container.classList.add('kinora-player');
        addBaseStyle(container);
        container.appendChild(canvas);
        this.canvas = canvas;
        this.container = container;
        this._core = Kinora._createCore(this, canvas, options);
        this._src = '';
        this._srcObject = null;
        this._objectUrl = null;
        this._autoplay = !!options.autoplay;
        this._poster = '';
        var self = this;
        // the poster shows until the first picture, and again when the source changes
        this.addEventListener('loadeddata', function () { if (self.videoWidth > 0) self._showPoster(false); });
        this.addEventListener('emptied', function () { self._showPoster(true); });
        if (options.poster) this.poster = options.poster;
        if (options.srcObject) this.srcObject = options.srcObject;
        else if (options.src) this.src = options.src;
      }
      /** The URL played (http(s):, a relative one, or blob:); srcObject, when set, is played instead. */
      get src() { return this._src; }
      set src(url) {
        this._src = url == null ? '' : String(url);
        if (!this._srcObject) this._load(this._src);
      }
      /** A Blob or File played without a server (through a blob: URL made for it, revoked when it changes), or null. */
      get srcObject() { return this._srcObject; }
      set srcObject(o) {
        this._srcObject = checkSource(o);
        this._load(this._srcObject ? null : this._src);
      }
      _load(url) {
        var old = this._objectUrl;
        this._objectUrl = this._srcObject ? URL.createObjectURL(this._srcObject) : null;
        this._core('setSrc', this._objectUrl || url || '');
        if (old) URL.revokeObjectURL(old); // after the reader of the old source was closed
        if (this._autoplay && (this._objectUrl || url)) this.play()['catch'](function () { /* stays paused, as <video> */ });
      }
      /** Plays as soon as a source is set (a play() whose refusal leaves the player paused). */
      get autoplay() { return this._autoplay; }
      set autoplay(v) { this._autoplay = !!v; }
      /** An image shown in the player area until the first picture. */
      get poster() { return this._poster; }
      set poster(url) {
        this._poster = url == null ? '' : String(url);
        if (!this._posterImage) {
          var img = document.createElement('img');
          img.className = 'kinora-poster';
          img.alt = '';
          img.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;object-fit:contain;pointer-events:none';
          if (getComputedStyle(this.container).position === 'static') this.container.style.position = 'relative';
          this.container.appendChild(img);
          this._posterImage = img;
        }
        if (this._poster) this._posterImage.src = this._poster; else this._posterImage.removeAttribute('src');
        this._showPoster(!(this.readyState >= 2 && this.videoWidth > 0));
      }
      _showPoster(show) {
        if (this._posterImage) this._posterImage.style.display = show && this._poster ? '' : 'none';
      }
      /** Reloads the source from the start (HTML's load(): abort, emptied, loadstart...). */
      load() { this._core('load'); }
      play() { return this._core('play'); }
      pause() { this._core('pause'); }
      get currentTime() { return this._core('currentTime'); }
      set currentTime(t) {
        t = Number(t);
        if (!isFinite(t)) throw new TypeError('currentTime must be a finite number');
        this._core('setCurrentTime', t);
      }
      /** Seeks to the random-access point at or before t (faster, less precise). */
      fastSeek(t) { this._core('fastSeek', Number(t)); }
      get seeking() { return this._core('seeking'); }
      /** TimeRanges: [0, duration] when the source can seek, else empty. */
      get seekable() {
        var end = this._core('seekableEnd');
        return new TimeRanges(end === end ? [0, end] : []);
      }
      /** TimeRanges: the times demuxed since the source was loaded. */
      get buffered() { return new TimeRanges(this._core('buffered')); }
      /** TimeRanges: the times played since the source was loaded. */
      get played() { return new TimeRanges(this._core('played')); }
      get preload() { return this._core('preload'); }
      set preload(v) { this._core('setPreload', String(v)); }
      get duration() { return this._core('duration'); }
      get paused() { return this._core('paused'); }
      get ended() { return this._core('ended'); }
      get readyState() { return this._core('readyState'); }
      get networkState() { return this._core('networkState'); }
      get error() {
        var e = this._core('error');
        if (!e) return null;
        if (this._errorFrom !== e) {
          this._errorFrom = e;
          this._error = new MediaError(e.code, e.message);
        }
        return this._error;
      }
      get videoWidth() { return this._core('videoWidth'); }
      get videoHeight() { return this._core('videoHeight'); }
      get volume() { return this._core('volume'); }
      set volume(v) { this._core('setVolume', checkVolume(v)); }
      get muted() { return this._core('muted'); }
      set muted(m) { this._core('setMuted', !!m); }
      /** The speed of playback, 0.25 to 4 (NotSupportedError outside); ratechange when it changes. */
      get playbackRate() { return this._core('playbackRate'); }
      set playbackRate(r) { this._core('setPlaybackRate', checkRate(r)); }
      /** The playbackRate a load starts with. */
      get defaultPlaybackRate() { return this._core('defaultPlaybackRate'); }
      set defaultPlaybackRate(r) { this._core('setDefaultPlaybackRate', checkRate(r)); }
      /** Sound at a rate other than 1 keeps its pitch (true, a time-stretch) or is resampled (false). */
      get preservesPitch() { return this._core('preservesPitch'); }
      set preservesPitch(v) { this._core('setPreservesPitch', !!v); }
      /** At the end, playback starts again from the beginning (no ended event). */
      get loop() { return this._core('loop'); }
      set loop(v) { this._core('setLoop', !!v); }
      /** "probably", "maybe" or "" for a MIME type with its codecs= parameter, as HTMLMediaElement answers. */
      canPlayType(type) { return Kinora.canPlayType(type); }
      /** The worker build in use: 'wasm' or 'js'. */
      get build() { return this._core('build'); }
      /** Frames decoded / presented / dropped, decode time per frame, A/V offset, and more. */
      getStats() { return this._core('stats'); }
      /** Stops playback and gives the player's workers back to the page's pool. */
      destroy() {
        this._core('destroy');
        if (this._objectUrl) { URL.revokeObjectURL(this._objectUrl); this._objectUrl = null; }
        if (this._posterImage && this._posterImage.parentNode) this._posterImage.parentNode.removeChild(this._posterImage);
        if (this.canvas.parentNode) this.canvas.parentNode.removeChild(this.canvas);
      }
    }
    Object.assign(Player, STATES);
    Object.assign(Player.prototype, STATES);
    Kinora.Player = Player;
    Kinora.canPlayType = function (type) {
      if (arguments.length === 0) throw new TypeError("canPlayType needs 1 argument");
      return Kinora._canPlayType(String(type));
    };
    // the element checks the state it keeps before it has a player as the player does
    Kinora._checkVolume = checkVolume;
    Kinora._checkRate = checkRate;
    Kinora._checkSource = checkSource;
    Kinora.MediaError = MediaError;
    Kinora.TimeRanges = TimeRanges;
  }
