package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sound output's speed (playbackRate, and a live stream catching up at 1.25): fed a 440 Hz tone,
 * the AudioWorklet's clock runs at the speed while the tone it plays stays at 440 Hz (the pitch is
 * kept: short stretches are left out above 1, played twice below 1, nothing is resampled); with
 * the pitch not kept the tone moves with the speed (resampled); at speed 1 both are as fed. The
 * pitch is measured on the output through an AnalyserNode, by rising zero crossings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudioCatchUpTest {
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = new Browser();
        browser.open("pages/player.html");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "speed {0}, pitch kept {1}")
    @CsvSource({"1.25, true", "1, true", "0.5, true", "0.25, true", "2, true", "4, true", "0.5, false", "2, false"})
    void theClockRunsAtTheSpeedAndThePitchIsKeptOrMoved(double speed, boolean keepPitch) {
        Map<String, Object> r = (Map<String, Object>) browser.async(
                "var done = arguments[arguments.length - 1], speed = arguments[0], keep = arguments[1], rate = 48000, f = 440;"
                + "var ctx = new AudioContext({sampleRate: rate}), reports = [], pitches = [], analyser = null;"
                + "ctx.audioWorklet.addModule('../dist/kinora-audio-worklet.js').then(function () {"
                + "  var node = new AudioWorkletNode(ctx, 'kinora-output', {numberOfInputs: 0, numberOfOutputs: 1,"
                + "    outputChannelCount: [1], processorOptions: {channels: 1, sampleRate: rate}});"
                + "  analyser = ctx.createAnalyser(); analyser.fftSize = 4096;"
                + "  node.connect(analyser); analyser.connect(ctx.destination);"
                + "  node.port.onmessage = function (e) { if (e.data.type === 'position' && e.data.time === e.data.time) reports.push([e.data.at, e.data.time]); };"
                + "  var ch = new MessageChannel();"
                + "  node.port.postMessage({type: 'source', port: ch.port2}, [ch.port2]);"
                + "  for (var i = 0; i < 12 * rate; i += 1024) {"
                + "    var a = new Float32Array(1024);"
                + "    for (var k = 0; k < 1024; k++) a[k] = 0.5 * Math.sin(2 * Math.PI * f * (i + k) / rate);"
                + "    ch.port1.postMessage({type: 'audio', epoch: 0, planes: [a], frames: 1024, time: i / rate, sampleRate: rate}, [a.buffer]);"
                + "  }"
                + "  node.port.postMessage({type: 'speed', speed: speed, pitch: keep});"
                + "  node.port.postMessage({type: 'play'});"
                + "  return ctx.resume();"
                + "}).then(function () {"
                + "  if (ctx.state !== 'running') throw new Error('the AudioContext does not run: ' + ctx.state);"
                + "  var buf = new Float32Array(4096), n = 0;"
                + "  var timer = setInterval(function () {"
                + "    try {"
                + "    if (++n <= 3) return;"
                + "    analyser.getFloatTimeDomainData(buf);"
                + "    var rising = [], k;"
                + "    for (k = 1; k < buf.length; k++) if (buf[k - 1] < 0 && buf[k] >= 0) rising.push(k);"
                + "    if (rising.length > 2) pitches.push((rising.length - 1) * rate / (rising[rising.length - 1] - rising[0]));"
                + "    if (n >= 25) {"
                + "      clearInterval(timer); ctx.close();"
                + "      var a = reports[Math.floor(reports.length / 4)], b = reports[reports.length - 1];"
                + "      pitches.sort(function (x, y) { return x - y; });"
                + "      done({clockRate: (b[1] - a[1]) / (b[0] - a[0]), pitch: pitches[pitches.length >> 1],"
                + "        lowest: pitches[0], highest: pitches[pitches.length - 1], measures: pitches.length});"
                + "    }"
                + "    } catch (e) { clearInterval(timer); done({error: String(e) + ' ' + reports.length}); }"
                + "  }, 100);"
                + "})['catch'](function (e) { done({error: String(e)}); });", speed, keepPitch);
        System.out.println("sound at speed " + speed + ", pitch kept " + keepPitch + ": " + r);
        assertNull(r.get("error"), r + "\n" + browser.console());
        assertEquals(speed, ((Number) r.get("clockRate")).doubleValue(), Math.max(0.06, 0.04 * speed), "the clock runs at the speed: " + r);
        double pitch = keepPitch ? 440 : 440 * speed;
        assertEquals(pitch, ((Number) r.get("pitch")).doubleValue(), Math.max(8, 0.015 * pitch),
                (keepPitch ? "the pitch is kept: " : "the pitch moves with the speed: ") + r);
    }
}
