package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinora.core.Md5;

/** The worker bundle starts in both builds, answers hello, and moves buffers by transfer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerBundleTest {
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        browser.open("index.html");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static String packageVersion() throws Exception {
        String json = Files.readString(Path.of(System.getProperty("kinora.dist"), "package.json"));
        int i = json.indexOf("\"version\"");
        int q1 = json.indexOf('"', json.indexOf(':', i) + 1);
        return json.substring(q1 + 1, json.indexOf('"', q1 + 1));
    }

    /**
     * Runs the asynchronous {@code script} in a fresh test page, whose globals it may wrap, and
     * comes back to the demo page that the other tests share.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> inAFreshPage(String script, Object... args) {
        browser.open("pages/player.html");
        try {
            return (Map<String, Object>) browser.async(script, args);
        } finally {
            browser.open("index.html");
        }
    }

    /**
     * In a fresh page whose {@code WebAssembly.compileStreaming} is wrapped ({@code mode} 'count'
     * passes through, 'fail' rejects), decodes sample.ogg twice with the Wasm build, checks both
     * decodes' frames against ffmpeg's, and gives how often the page compiled.
     */
    private long compilationsForTwoDecodesInAFreshPage(String mode) throws Exception {
        Map<String, Object> r = inAFreshPage("var done = arguments[arguments.length - 1], mode = arguments[0];"
                + "var compile = WebAssembly.compileStreaming, calls = 0;"
                + "WebAssembly.compileStreaming = function (source, options) {"
                + "  calls++;"
                + "  return mode === 'fail' ? Promise.reject(new Error('refused')) : compile.call(WebAssembly, source, options);"
                + "};"
                + "function run() {"
                + "  var md5s = [];"
                + "  return Kinora.decode('/testdata/samples/sample.ogg', {build: 'wasm', md5: true,"
                + "    onFrame: function (f) { md5s.push(f.md5); }}).then(function () { return md5s; });"
                + "}"
                + "run().then(function (a) { return run().then(function (b) { done({first: a, second: b, calls: calls}); }); })"
                + ".catch(function (e) { done({error: String(e && e.message || e)}); });", mode);
        List<String> expected = new ArrayList<>(Fixtures.frameMd5(Fixtures.testdata().resolve("samples/sample.framemd5")).values());
        assertEquals(null, r.get("error"), browser.console());
        assertEquals(expected, r.get("first"), mode + ", first decode");
        assertEquals(expected, r.get("second"), mode + ", second decode");
        return ((Number) r.get("calls")).longValue();
    }

    @Test
    void thePageCompilesTheWasmModuleOnceForAllItsWorkers() throws Exception {
        assertEquals(1L, compilationsForTwoDecodesInAFreshPage("count"), "two decodes, each with two workers, one compilation");
    }

    @Test
    void wasmWorkersCompileTheModuleThemselvesWhenThePageCannot() throws Exception {
        // the page tries once; its workers, sent no module, compile the file themselves
        assertEquals(1L, compilationsForTwoDecodesInAFreshPage("fail"));
    }

    /**
     * A Wasm worker's script comes with kinora.js: each worker starts from a {@code blob:} script
     * that holds the loader itself, where one that imported kinora-worker-wasm.js would wait for a
     * request after its thread had started. Read from the page's side: the scripts of the workers
     * it starts, while a decode on them gives every frame.
     */
    @Test
    void wasmWorkersStartWithoutFetchingTheirScript() {
        Map<String, Object> r = inAFreshPage("var done = arguments[arguments.length - 1];"
                + "var Real = window.Worker, scripts = [];"
                + "window.Worker = function (url, options) {"
                + "  var w = new Real(url, options);"
                + "  scripts.push(fetch(url).then(function (a) { return a.text(); }));"
                + "  return w;"
                + "};"
                + "Kinora.decode('/testdata/samples/bars.ogg', {build: 'wasm'}).then(function (d) {"
                + "  return Promise.all(scripts).then(function (texts) {"
                + "    done({frames: d.frames, build: d.build, scripts: texts.length,"
                + "      importing: texts.filter(function (t) { return t.indexOf('importScripts') >= 0; }).length,"
                + "      withLoader: texts.filter(function (t) { return t.indexOf('TeaVM') >= 0 && t.indexOf(\"kinoraBuild = 'wasm'\") >= 0; }).length});"
                + "  });"
                + "}).catch(function (e) { done({error: String(e && e.message || e)}); });");
        assertEquals(null, r.get("error"), browser.console());
        assertEquals(50L, r.get("frames"));
        assertEquals("wasm", r.get("build"));
        assertTrue((Long) r.get("scripts") >= 2L, "a source and a video worker: " + r);
        assertEquals(0L, r.get("importing"), r.toString());
        assertEquals(r.get("scripts"), r.get("withLoader"), r.toString());
    }

    @Test
    void chromiumRunsTheWasmGcBuildByDefault() {
        assertEquals(Boolean.TRUE, browser.js("return Kinora.supportsWasmGC();"), browser.console());
        assertEquals("wasm", browser.js("return Kinora.selectBuild('auto');"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void workerSaysHello(String build) throws Exception {
        Map<String, Object> answer = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1];"
                + "Kinora.hello({build: arguments[0]}).then(function (a) { done({version: a.version, build: a.build, type: a.type}); },"
                + " function (e) { done({error: String(e && e.message || e)}); });", build);
        assertEquals(null, answer.get("error"), browser.console());
        assertEquals("hello", answer.get("type"));
        assertEquals(build, answer.get("build"));
        assertEquals(packageVersion(), answer.get("version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    @SuppressWarnings("unchecked")
    void buffersCrossByTransferBothWays(String build) {
        int size = 100_003;
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1];"
                + "var n = arguments[1]; var a = new Uint8Array(n);"
                + "for (var i = 0; i < n; i++) a[i] = (i * 7 + 3) & 255;"
                + "var buf = a.buffer;"
                + "Kinora.echo(buf, {build: arguments[0]}).then(function (reply) {"
                + "  var back = new Uint8Array(reply.buffer), bad = -1;"
                + "  for (var j = 0; j < back.length; j++) if (back[j] !== (~((j * 7 + 3) & 255) & 255)) { bad = j; break; }"
                + "  done({detachedAfterSend: buf.byteLength, returned: back.length, firstBad: bad, md5: reply.md5});"
                + "}, function (e) { done({error: String(e && e.message || e)}); });", build, size);
        assertEquals(null, r.get("error"), browser.console());
        assertEquals(0L, r.get("detachedAfterSend"), "the sent buffer must be transferred, not copied");
        assertEquals((long) size, r.get("returned"));
        assertEquals(-1L, r.get("firstBad"), "every byte comes back inverted");
        byte[] sent = new byte[size];
        for (int i = 0; i < size; i++) {
            sent[i] = (byte) (i * 7 + 3);
        }
        Md5 md5 = new Md5();
        md5.update(sent);
        assertEquals(md5.digestHex(), r.get("md5"), "the worker saw exactly the bytes sent");
    }

    @Test
    void demoPageShowsBothBuildsAnswering() {
        browser.open("index.html");
        for (String build : Browser.builds()) {
            Object state = browser.async(
                    "var done = arguments[arguments.length - 1], b = arguments[0], t0 = Date.now();"
                    + "(function poll() { var row = document.querySelector('tr[data-build=' + b + ']');"
                    + "  if (row.dataset.echo || Date.now() - t0 > 30000) done((row.dataset.hello || '') + '/' + (row.dataset.echo || ''));"
                    + "  else setTimeout(poll, 50); })();", build);
            assertEquals(build + "/ok", state, browser.console());
        }
        assertTrue(((String) browser.js("return document.querySelector('tr[data-build=wasm] .hello').textContent;")).contains("wasm build"));
    }

    @Test
    void fallsBackToJsWhereWasmGcDoesNotValidate() {
        browser.open("pages/no-wasm-gc.html");
        assertEquals(Boolean.FALSE, browser.js("return Kinora.supportsWasmGC();"));
        assertEquals("js", browser.js("return Kinora.selectBuild('auto');"));
        Object forced = browser.js("try { Kinora.selectBuild('wasm'); return 'no error'; } catch (e) { return 'error'; }");
        assertEquals("error", forced, "forcing the wasm build where it cannot run is an error");
    }
}
