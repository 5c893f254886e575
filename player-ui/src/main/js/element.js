  /**
   * <kinora-player src=… controls autoplay muted build=…>: the drop-in element. It shows the
   * player's surface; playback arrives with the Player API.
   */
  function defineElement(Kinora) {
    if (!self.customElements || customElements.get('kinora-player')) {
      return;
    }
    class KinoraPlayerElement extends HTMLElement {
      static get observedAttributes() { return ['src', 'build']; }

      constructor() {
        super();
        var root = this.attachShadow({ mode: 'open' });
        root.innerHTML =
          '<style>:host{display:inline-block;position:relative;width:640px;height:360px;background:#000;color:#ddd;' +
          'font:13px system-ui,sans-serif;overflow:hidden}' +
          ':host([hidden]){display:none}canvas{position:absolute;inset:0;width:100%;height:100%}' +
          '.status{position:absolute;left:8px;bottom:6px;opacity:.8}</style>' +
          '<canvas part="surface"></canvas><div class="status" part="status"></div>';
        this._status = root.querySelector('.status');
      }

      connectedCallback() { this._update(); }

      attributeChangedCallback() { this._update(); }

      /** The worker build this element uses: 'wasm' or 'js'. */
      get build() {
        return Kinora.selectBuild(this.getAttribute('build') || 'auto');
      }

      _update() {
        var self = this;
        var build;
        try {
          build = this.build;
        } catch (e) {
          this._status.textContent = String(e.message || e);
          return;
        }
        Kinora.hello({ build: build }).then(function (answer) {
          self._status.textContent = 'Kinora ' + answer.version + ' · ' + answer.build + ' worker';
          self.dispatchEvent(new CustomEvent('kinora-ready', { detail: { build: answer.build, version: answer.version } }));
        }, function (e) {
          self._status.textContent = 'worker failed: ' + (e && e.message ? e.message : e);
        });
      }
    }
    customElements.define('kinora-player', KinoraPlayerElement);
  }
