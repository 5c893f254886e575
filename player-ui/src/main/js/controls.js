  /**
   * The controls of <kinora-player>, in its shadow root: play/pause, a seek bar (buffered part,
   * drag with mouse, pen or touch), time and duration, mute and volume, playback speed,
   * fullscreen, a spinner while waiting and the error message. Icons are
   * inline SVG. Keyboard on the element: space/k, left/right (5 s), up/down (volume), m, f.
   */
  var KinoraControls = (function () {
    var SVG = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">';
    var LINE = ' fill="none" stroke="currentColor" stroke-width="2"';
    var ICONS = {
      play: SVG + '<path d="M8 5v14l11-7z"/></svg>',
      pause: SVG + '<path d="M6 5h4v14H6zm8 0h4v14h-4z"/></svg>',
      sound: SVG + '<path d="M3 9v6h4l5 5V4L7 9z"/><path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"' + LINE + '/></svg>',
      muted: SVG + '<path d="M3 9v6h4l5 5V4L7 9z"/><path d="M15 9l6 6m0-6l-6 6"' + LINE + '/></svg>',
      enter: SVG + '<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"' + LINE + '/></svg>',
      exit: SVG + '<path d="M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5"' + LINE + '/></svg>'
    };
    var SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
    var NARROW = 480;

    var STYLE =
      '.box{position:absolute;inset:0}.box canvas{position:absolute;inset:0;width:100%;height:100%;display:block}' +
      '.msg{position:absolute;left:8px;right:8px;top:50%;transform:translateY(-50%);text-align:center;' +
      'padding:8px;background:rgba(0,0,0,.7);border-radius:4px}.msg:empty{display:none}' +
      '.spinner{position:absolute;left:50%;top:50%;width:40px;height:40px;margin:-20px 0 0 -20px;box-sizing:border-box;' +
      'border:4px solid rgba(255,255,255,.3);border-top-color:#fff;border-radius:50%;animation:kspin 1s linear infinite}' +
      '@keyframes kspin{to{transform:rotate(360deg)}}[hidden]{display:none!important}' +
      '.bar{position:absolute;left:0;right:0;bottom:0;display:flex;flex-wrap:wrap;align-items:center;gap:2px 6px;' +
      'padding:2px 8px 4px;box-sizing:border-box;background:linear-gradient(transparent,rgba(0,0,0,.75))}' +
      ':host(:not([controls])) .bar{display:none}' +
      'button,select{background:none;border:0;color:inherit;font:inherit;cursor:pointer;touch-action:manipulation}' +
      'button{width:32px;height:32px;padding:5px;display:inline-flex;align-items:center;justify-content:center;flex:none}' +
      'button svg{width:22px;height:22px;fill:currentColor}select{padding:2px}select option{color:#000}' +
      'button:focus-visible,select:focus-visible,input:focus-visible,.progress:focus-visible{outline:2px solid #4af;outline-offset:1px}' +
      '.time{white-space:nowrap;font-variant-numeric:tabular-nums;overflow:hidden;text-overflow:ellipsis;min-width:0;flex:0 1 auto}' +
      '.spacer{flex:1 1 0;min-width:0}' +
      '.progress{flex:1 1 100%;order:-1;height:4px;padding:8px 0;background:rgba(255,255,255,.3);background-clip:content-box;' +
      'cursor:pointer;touch-action:none;position:relative;box-sizing:content-box}' +
      '.progress i,.progress b{position:absolute;top:8px;left:0;height:4px;width:0}' +
      '.progress i{background:#fff}.progress b{background:rgba(255,255,255,.4)}' +
      '.volume{width:70px;flex:none}.narrow .volume,.narrow .speed{display:none}';

    var HTML =
      '<div class="box" part="surface"></div>' +
      '<div class="spinner" part="spinner" role="progressbar" aria-label="Loading" hidden></div>' +
      '<div class="msg" part="message" role="alert"></div>' +
      '<div class="bar" part="controls">' +
      '<div class="progress" role="slider" tabindex="0" aria-label="Seek" aria-valuemin="0" aria-valuemax="0" aria-valuenow="0">' +
      '<b></b><i></i></div>' +
      '<button class="play" type="button" aria-label="Play">' + ICONS.play + '</button>' +
      '<button class="mute" type="button" aria-label="Mute">' + ICONS.sound + '</button>' +
      '<input class="volume" type="range" min="0" max="1" step="0.05" value="1" aria-label="Volume">' +
      '<span class="time" aria-live="off">0:00 / --:--</span><span class="spacer"></span>' +
      '<select class="speed" aria-label="Playback speed">' +
      SPEEDS.map(function (s) { return '<option value="' + s + '">' + s + '×</option>'; }).join('') + '</select>' +
      '<button class="fullscreen" type="button" aria-label="Fullscreen">' + ICONS.enter + '</button></div>';

    function formatTime(t) {
      if (!isFinite(t)) return '--:--';
      t = Math.max(0, Math.floor(t));
      var s = t % 60, m = Math.floor(t / 60) % 60, h = Math.floor(t / 3600);
      return (h ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
    }

    function fullscreenElement() { return document.fullscreenElement || document.webkitFullscreenElement || null; }

    /** Builds the controls in root for the element el (whose player is el.player). */
    function create(el, root) {
      var holder = document.createElement('div');
      holder.innerHTML = '<style>' + STYLE + '</style>' + HTML;
      while (holder.firstChild) root.appendChild(holder.firstChild);
      var q = function (s) { return root.querySelector(s); };
      var c = {
        box: q('.box'), spinner: q('.spinner'), msg: q('.msg'), bar: q('.bar'),
        progress: q('.progress'), played: q('.progress i'), buffered: q('.progress b'), play: q('.play'),
        mute: q('.mute'), volume: q('.volume'), time: q('.time'), speed: q('.speed'), fullscreen: q('.fullscreen'),
        dragging: false
      };
      function player() { return el.player; }
      function togglePlay() {
        var p = player();
        if (!p) return;
        if (p.paused) p.play().catch(function () {}); else p.pause();
      }
      function seekBy(dt) {
        var p = player();
        if (!p || !(p.seekable.length > 0)) return;
        var d = p.duration, t = Math.max(0, p.currentTime + dt);
        p.currentTime = isFinite(d) ? Math.min(d, t) : t;
      }
      function volumeBy(dv) {
        var p = player();
        if (!p) return;
        p.volume = Math.round(Math.max(0, Math.min(1, p.volume + dv)) * 100) / 100;
        if (dv > 0 && p.muted) p.muted = false;
      }
      function toggleMute() { var p = player(); if (p) p.muted = !p.muted; }
      function toggleFullscreen() {
        if (fullscreenElement() === el) {
          (document.exitFullscreen || document.webkitExitFullscreen).call(document);
          return;
        }
        var request = el.requestFullscreen || el.webkitRequestFullscreen;
        if (!request) return;
        var r = request.call(el);
        if (r && r.catch) r.catch(function () {});
      }
      c.togglePlay = togglePlay;
      c.toggleFullscreen = toggleFullscreen;
      c.play.addEventListener('click', togglePlay);
      c.box.addEventListener('click', function () { if (el.controls) togglePlay(); });
      c.mute.addEventListener('click', toggleMute);
      c.fullscreen.addEventListener('click', toggleFullscreen);
      c.volume.addEventListener('input', function () {
        var p = player();
        if (p) { p.volume = Number(c.volume.value); if (p.muted && p.volume > 0) p.muted = false; }
      });
      c.speed.addEventListener('change', function () { var p = player(); if (p) p.playbackRate = Number(c.speed.value); });
      function onFullscreen() {
        var on = fullscreenElement() === el;
        c.fullscreen.innerHTML = on ? ICONS.exit : ICONS.enter;
        c.fullscreen.setAttribute('aria-label', on ? 'Exit fullscreen' : 'Fullscreen');
      }
      document.addEventListener('fullscreenchange', onFullscreen);
      document.addEventListener('webkitfullscreenchange', onFullscreen);

      // The seek bar: press, drag and release seek (pointer events: mouse, pen and touch alike).
      function seekTo(ev) {
        var p = player();
        if (!p || !(p.duration > 0) || p.seekable.length === 0) return;
        var r = c.progress.getBoundingClientRect();
        var f = Math.max(0, Math.min(1, (ev.clientX - r.left) / Math.max(1, r.width)));
        p.currentTime = f * p.duration;
        c.played.style.width = 100 * f + '%';
      }
      c.progress.addEventListener('pointerdown', function (ev) {
        c.dragging = true;
        try { c.progress.setPointerCapture(ev.pointerId); } catch (e) { /* a synthetic pointer */ }
        seekTo(ev);
      });
      c.progress.addEventListener('pointermove', function (ev) { if (c.dragging) seekTo(ev); });
      function endDrag() { c.dragging = false; }
      c.progress.addEventListener('pointerup', endDrag);
      c.progress.addEventListener('pointercancel', endDrag);

      // Keyboard on the element (with controls, as <video>); keys a focused control handles itself are left to it.
      el.addEventListener('keydown', function (ev) {
        if (ev.ctrlKey || ev.metaKey || ev.altKey || !el.controls) return;
        var origin = ev.composedPath ? ev.composedPath()[0] : ev.target;
        var tag = origin && origin.tagName;
        var key = ev.key;
        if ((key === ' ' || key === 'Enter') && (tag === 'BUTTON' || tag === 'SELECT')) return;
        if (tag === 'SELECT' || (tag === 'INPUT' && key !== 'k' && key !== 'm' && key !== 'f')) return;
        if (key === ' ' || key === 'k' || key === 'K') togglePlay();
        else if (key === 'ArrowLeft') seekBy(-5);
        else if (key === 'ArrowRight') seekBy(5);
        else if (key === 'ArrowUp') volumeBy(0.1);
        else if (key === 'ArrowDown') volumeBy(-0.1);
        else if (key === 'm' || key === 'M') toggleMute();
        else if (key === 'f' || key === 'F') toggleFullscreen();
        else return;
        ev.preventDefault();
      });

      // Narrow players (phones, 320 px) keep play, seek, time, mute and fullscreen.
      if (typeof ResizeObserver === 'function') {
        new ResizeObserver(function (entries) {
          c.bar.classList.toggle('narrow', entries[entries.length - 1].contentRect.width < NARROW);
        }).observe(el);
      }
      c.refresh = function (type) { refresh(c, player(), type); };
      return c;
    }

    function refresh(c, p, type) {
      if (!p) return;
      if (c.lastPaused !== p.paused) {
        c.lastPaused = p.paused;
        c.play.innerHTML = p.paused ? ICONS.play : ICONS.pause;
        c.play.setAttribute('aria-label', p.paused ? 'Play' : 'Pause');
      }
      var t = p.currentTime, d = p.duration;
      c.time.textContent = formatTime(t) + ' / ' + formatTime(d);
      c.progress.setAttribute('aria-valuemax', isFinite(d) ? String(Math.round(d * 100) / 100) : '0');
      c.progress.setAttribute('aria-valuenow', String(Math.round(t * 100) / 100));
      c.progress.setAttribute('aria-valuetext', formatTime(t) + ' of ' + formatTime(d));
      if (!c.dragging) c.played.style.width = d > 0 ? Math.min(100, 100 * t / d) + '%' : '0';
      if (type === 'progress' || type === 'suspend' || type === 'emptied' || type === 'durationchange' || type === 'seeked') {
        // the buffered range the playhead is in (or the last one before it), as a lighter bar
        var b = p.buffered, end = 0;
        for (var i = 0; i < b.length; i++) if (b.start(i) <= t + 0.5) end = b.end(i);
        c.buffered.style.width = isFinite(d) && d > 0 ? Math.min(100, 100 * end / d) + '%' : '0';
      }
      var silent = p.muted || p.volume === 0;
      if (c.lastSilent !== silent) {
        c.lastSilent = silent;
        c.mute.innerHTML = silent ? ICONS.muted : ICONS.sound;
        c.mute.setAttribute('aria-label', silent ? 'Unmute' : 'Mute');
      }
      if (type === 'volumechange' || type === undefined) c.volume.value = String(p.volume);
      c.speed.value = String(p.playbackRate);
      if (type === 'waiting') c.spinner.hidden = false;
      else if (type === 'playing' || type === 'pause' || type === 'canplay' || type === 'canplaythrough' || type === 'seeked'
        || type === 'error' || type === 'emptied' || type === 'ended' || type === 'abort') c.spinner.hidden = true;
      c.msg.textContent = p.error ? 'Cannot play this media (error ' + p.error.code + '): ' + p.error.message : '';
    }

    return { create: create, formatTime: formatTime };
  })();
