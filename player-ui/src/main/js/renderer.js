  /**
   * Draws Y'CbCr pictures on a canvas: WebGL2, else WebGL1, else Canvas 2D. The picture is
   * letterboxed into the canvas's box, honouring its pixel aspect ratio; the colour matrix
   * (BT.601 or BT.709) and range (limited or full) come from the picture.
   *
   * picture: {width, height, chromaWidth, chromaHeight, chroma, pixelAspectNum, pixelAspectDen,
   *           matrix, fullRange, buffer, size} with the Y, U and V planes packed in buffer.
   */
  function createRenderer(canvas, preferred) {
    var VERTEX =
      'attribute vec2 pos; varying vec2 uv;' +
      'void main() { uv = vec2((pos.x + 1.0) * 0.5, (1.0 - pos.y) * 0.5); gl_Position = vec4(pos, 0.0, 1.0); }';
    var FRAGMENT =
      'precision mediump float; varying vec2 uv;' +
      'uniform sampler2D ty, tu, tv; uniform mat3 m; uniform vec3 off;' +
      'void main() {' +
      '  vec3 yuv = vec3(texture2D(ty, uv).r, texture2D(tu, uv).r, texture2D(tv, uv).r) - off;' +
      '  gl_FragColor = vec4(clamp(m * yuv, 0.0, 1.0), 1.0);' +
      '}';

    /** Column-major Y'CbCr -> R'G'B' matrix and offsets for 8-bit samples normalised to [0, 1]. */
    function colourMatrix(matrix, fullRange) {
      var kr, kb;
      if (matrix === 1) { kr = 0.2126; kb = 0.0722; }            // BT.709
      else if (matrix === 9 || matrix === 10) { kr = 0.2627; kb = 0.0593; } // BT.2020
      else { kr = 0.299; kb = 0.114; }                            // BT.601
      var kg = 1 - kr - kb;
      var ys = fullRange ? 1 : 255 / 219, cs = fullRange ? 1 : 255 / 224;
      var rv = 2 * (1 - kr) * cs, bu = 2 * (1 - kb) * cs;
      var gu = -bu * kb / kg, gv = -rv * kr / kg;
      return {
        m: [ys, ys, ys, 0, gu, bu, rv, gv, 0],
        off: [fullRange ? 0 : 16 / 255, 128 / 255, 128 / 255]
      };
    }

    function letterbox(pic, cw, ch) {
      var par = pic.pixelAspectNum > 0 && pic.pixelAspectDen > 0 ? pic.pixelAspectNum / pic.pixelAspectDen : 1;
      var aspect = pic.width * par / pic.height;
      var w = cw, h = Math.round(cw / aspect);
      if (h > ch) { h = ch; w = Math.round(ch * aspect); }
      return { x: Math.floor((cw - w) / 2), y: Math.floor((ch - h) / 2), w: w, h: h };
    }

    // The backing store follows the canvas's box in device pixels: a ResizeObserver sets it (and
    // redraws the last picture, since resizing clears the canvas); without one, each draw reads it.
    var redraw = null, observer = null;
    function setBacking(w, h) {
      w = Math.max(1, Math.round(w)); h = Math.max(1, Math.round(h));
      if (canvas.width === w && canvas.height === h) return false;
      canvas.width = w; canvas.height = h;
      return true;
    }
    function fitCanvas() {
      if (observer) return;
      var dpr = self.devicePixelRatio || 1;
      setBacking((canvas.clientWidth || canvas.width) * dpr, (canvas.clientHeight || canvas.height) * dpr);
    }
    if (typeof ResizeObserver === 'function') {
      observer = new ResizeObserver(function (entries) {
        var e = entries[entries.length - 1], w, h;
        var px = e.devicePixelContentBoxSize && e.devicePixelContentBoxSize[0];
        if (px) { w = px.inlineSize; h = px.blockSize; } else {
          var dpr = self.devicePixelRatio || 1;
          w = e.contentRect.width * dpr; h = e.contentRect.height * dpr;
        }
        if (w > 0 && h > 0 && setBacking(w, h) && redraw) redraw();
      });
      try { observer.observe(canvas, { box: 'device-pixel-content-box' }); } catch (err) { observer.observe(canvas); }
    }
    function unobserve() { if (observer) observer.disconnect(); redraw = null; }

    function webgl(version) {
      var opts = { alpha: false, antialias: false, depth: false, preserveDrawingBuffer: true };
      var gl = version === 2 ? canvas.getContext('webgl2', opts) : canvas.getContext('webgl', opts) || canvas.getContext('experimental-webgl', opts);
      if (!gl) return null;
      var format = version === 2 ? gl.RED : gl.LUMINANCE;
      var internal = version === 2 ? gl.R8 : gl.LUMINANCE;
      var textures, uM, uOff, sizes, lost = false, last = null;
      function shader(type, src) {
        var s = gl.createShader(type);
        gl.shaderSource(s, src);
        gl.compileShader(s);
        if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s));
        return s;
      }
      /** Makes the program, the quad and the textures: at the start and after a restored context. */
      function setup() {
        var prog = gl.createProgram();
        gl.attachShader(prog, shader(gl.VERTEX_SHADER, VERTEX));
        gl.attachShader(prog, shader(gl.FRAGMENT_SHADER, FRAGMENT));
        gl.linkProgram(prog);
        if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(prog));
        gl.useProgram(prog);
        var buf = gl.createBuffer();
        gl.bindBuffer(gl.ARRAY_BUFFER, buf);
        gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
        var pos = gl.getAttribLocation(prog, 'pos');
        gl.enableVertexAttribArray(pos);
        gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 0, 0);
        textures = [0, 1, 2].map(function (i) {
          var t = gl.createTexture();
          gl.activeTexture(gl.TEXTURE0 + i);
          gl.bindTexture(gl.TEXTURE_2D, t);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
          gl.uniform1i(gl.getUniformLocation(prog, ['ty', 'tu', 'tv'][i]), i);
          return t;
        });
        uM = gl.getUniformLocation(prog, 'm');
        uOff = gl.getUniformLocation(prog, 'off');
        gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
        sizes = [[0, 0], [0, 0], [0, 0]];
      }
      setup();
      // A lost context (GPU reset, too many contexts) comes back: set up again, redraw the last
      // picture while its buffer is still here (it goes back to the worker when the next is drawn).
      function onLost(e) { e.preventDefault(); lost = true; }
      function onRestored() {
        lost = false;
        setup();
        if (last && last.buffer && last.buffer.byteLength > 0) draw(last);
      }
      canvas.addEventListener('webglcontextlost', onLost);
      canvas.addEventListener('webglcontextrestored', onRestored);
      redraw = function () {
        if (last && last.buffer && last.buffer.byteLength > 0) draw(last);
        else if (!lost) { gl.viewport(0, 0, canvas.width, canvas.height); gl.clearColor(0, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT); }
      };
      function draw(pic) {
        last = pic;
        if (lost) return;
        fitCanvas();
        var bytes = new Uint8Array(pic.buffer, 0, pic.size);
        var ySize = pic.width * pic.height, cSize = pic.chromaWidth * pic.chromaHeight;
        var dims = [[pic.width, pic.height], [pic.chromaWidth, pic.chromaHeight], [pic.chromaWidth, pic.chromaHeight]];
        var offs = [0, ySize, ySize + cSize];
        for (var i = 0; i < 3; i++) {
          gl.activeTexture(gl.TEXTURE0 + i);
          gl.bindTexture(gl.TEXTURE_2D, textures[i]);
          var d = dims[i], plane = bytes.subarray(offs[i], offs[i] + d[0] * d[1]);
          if (pic.chroma === 0 && i > 0) { plane = new Uint8Array(d[0] * d[1]).fill(128); }
          if (sizes[i][0] !== d[0] || sizes[i][1] !== d[1]) {
            gl.texImage2D(gl.TEXTURE_2D, 0, internal, d[0], d[1], 0, format, gl.UNSIGNED_BYTE, plane);
            sizes[i] = d;
          } else {
            gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, d[0], d[1], format, gl.UNSIGNED_BYTE, plane);
          }
        }
        var c = colourMatrix(pic.matrix, pic.fullRange);
        gl.uniformMatrix3fv(uM, false, c.m);
        gl.uniform3fv(uOff, c.off);
        gl.viewport(0, 0, canvas.width, canvas.height);
        gl.clearColor(0, 0, 0, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
        var box = letterbox(pic, canvas.width, canvas.height);
        gl.viewport(box.x, canvas.height - box.y - box.h, box.w, box.h);
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      }
      return {
        kind: version === 2 ? 'webgl2' : 'webgl',
        draw: draw,
        clear: function () {
          last = null;
          if (lost) return;
          gl.viewport(0, 0, canvas.width, canvas.height);
          gl.clearColor(0, 0, 0, 1);
          gl.clear(gl.COLOR_BUFFER_BIT);
        },
        /** Gives the GPU context back at once instead of at garbage collection. */
        destroy: function () {
          canvas.removeEventListener('webglcontextlost', onLost);
          canvas.removeEventListener('webglcontextrestored', onRestored);
          unobserve();
          last = null;
          var ext = gl.getExtension('WEBGL_lose_context');
          if (ext) ext.loseContext();
        }
      };
    }

    function canvas2d() {
      var ctx = canvas.getContext('2d');
      if (!ctx) return null;
      var scratch = document.createElement('canvas'), sctx = scratch.getContext('2d'), image = null, shown = null;
      function paint() {
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        if (!shown) return;
        var box = letterbox(shown, canvas.width, canvas.height);
        ctx.drawImage(scratch, box.x, box.y, box.w, box.h);
      }
      redraw = paint;
      return {
        kind: '2d',
        draw: function (pic) {
          fitCanvas();
          if (!image || image.width !== pic.width || image.height !== pic.height) {
            scratch.width = pic.width; scratch.height = pic.height;
            image = sctx.createImageData(pic.width, pic.height);
          }
          var c = colourMatrix(pic.matrix, pic.fullRange), m = c.m, off = c.off;
          var src = new Uint8Array(pic.buffer, 0, pic.size), out = image.data;
          var ySize = pic.width * pic.height, cSize = pic.chromaWidth * pic.chromaHeight;
          var sx = pic.chromaWidth < pic.width ? 1 : 0, sy = pic.chromaHeight < pic.height ? 1 : 0;
          for (var y = 0; y < pic.height; y++) {
            for (var x = 0; x < pic.width; x++) {
              var ci = (y >> sy) * pic.chromaWidth + (x >> sx);
              var Y = src[y * pic.width + x] / 255 - off[0];
              var U = pic.chroma === 0 ? 0 : src[ySize + ci] / 255 - off[1];
              var V = pic.chroma === 0 ? 0 : src[ySize + cSize + ci] / 255 - off[2];
              var o = (y * pic.width + x) * 4;
              out[o] = 255 * (m[0] * Y + m[3] * U + m[6] * V);
              out[o + 1] = 255 * (m[1] * Y + m[4] * U + m[7] * V);
              out[o + 2] = 255 * (m[2] * Y + m[5] * U + m[8] * V);
              out[o + 3] = 255;
            }
          }
          sctx.putImageData(image, 0, 0);
          shown = { width: pic.width, height: pic.height, pixelAspectNum: pic.pixelAspectNum, pixelAspectDen: pic.pixelAspectDen };
          paint();
        },
        destroy: function () { unobserve(); shown = null; },
        clear: function () { shown = null; paint(); }
      };
    }

    var order = preferred === '2d' ? ['2d'] : preferred === 'webgl' ? ['webgl', '2d'] : ['webgl2', 'webgl', '2d'];
    for (var i = 0; i < order.length; i++) {
      try {
        var r = order[i] === 'webgl2' ? webgl(2) : order[i] === 'webgl' ? webgl(1) : canvas2d();
        if (r) return r;
        redraw = null;
      } catch (e) {
        // try the next kind
      }
    }
    unobserve();
    throw new Error('no canvas context available');
  }

  /**
   * A renderer made when first needed ({@link prepare}, a draw, or its kind asked for), not when
   * the player is: making a WebGL context and its program takes the page's thread for tens of
   * milliseconds, and a player's workers cannot start while that thread is busy. The player asks
   * for it once it knows the stream has pictures, while it waits for them.
   */
  function deferredRenderer(canvas, preferred) {
    var r = null, destroyed = false;
    function get() {
      if (!r) r = createRenderer(canvas, preferred);
      return r;
    }
    return {
      get kind() { return destroyed && !r ? 'none' : get().kind; },
      prepare: function () { if (!destroyed) get(); },
      draw: function (pic) { if (!destroyed) get().draw(pic); },
      clear: function () { if (r) r.clear(); },
      destroy: function () { destroyed = true; if (r) r.destroy(); }
    };
  }
