// Samples where Kinora's decode worker spends its time, with function names: loads the demo's
// bench page (bench.html) in headless Chromium, waits until the warm-up run is over (so V8 has
// tiered up), then runs the Chrome DevTools Protocol sampling profiler (`Profiler`) on every
// worker of the page during the timed runs, and prints the top functions by self time.
// Names come from the wasm `name` section, which TeaVM writes when it does not minify: build the
// server with `mvn -o install -DskipTests -pl worker-pool,webapp -Dteavm.minifying=false`
// (minifying only renames: the code section is the same) and pass it as KINORA_SERVER.
//
//   KINORA_SERVER=/tmp/named.jar node bench/profile.mjs [--build wasm|js] [--runs N] [--top K]
//       [--interval US] [--workers W] [--out PROFILE.cpuprofile] FILE
// --workers W prints the W busiest workers (default 1; 2 shows both halves of a split decoder).
//
// --out keeps the raw profile of the busiest worker (open it in DevTools' Performance panel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, startServer } from './common.mjs';

let workerCount = 1;
const args = process.argv.slice(2);
let build = 'wasm';
let runs = 3;
let top = 40;
let interval = 200;
let out = null;
let file = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--build') build = args[++i];
  else if (args[i] === '--runs') runs = parseInt(args[++i], 10);
  else if (args[i] === '--workers') workerCount = parseInt(args[++i], 10);
  else if (args[i] === '--top') top = parseInt(args[++i], 10);
  else if (args[i] === '--interval') interval = parseInt(args[++i], 10);
  else if (args[i] === '--out') out = path.resolve(args[++i]);
  else file = path.resolve(args[i]);
}
if (!file) {
  console.error('usage: node profile.mjs [--build wasm|js] [--runs N] [--top K] [--interval US] [--out F] FILE');
  process.exit(1);
}


// Self time per function name (one line per distinct name, summed over call sites).
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const dt = i + 1 < deltas.length ? deltas[i + 1] : 0;
    const cf = n.callFrame;
    const key = (cf.functionName || '(anonymous)') + (cf.url && !cf.url.startsWith('wasm') ? ' ' + path.basename(cf.url) : '');
    hits.set(key, (hits.get(key) || 0) + dt);
  }
  return hits;
}

const { child: server, origin } = await startServer({ '/media0': path.dirname(file) });
const profileDir = mkdtempSync(path.join(tmpdir(), 'kinora-profile-chromium-'));
let browser;
try {
  browser = await launchChromium(profileDir);
  const page = await browser.newPage();
  const workers = [];
  page.on('workercreated', (w) => workers.push(w));
  const url = `${origin}/bench.html?file=${encodeURIComponent('/media0/' + path.basename(file))}&runs=${runs}&build=${build}`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('document.getElementById("status").textContent.startsWith("run 1 ")',
    { timeout: 600000, polling: 20 });
  const sessions = [];
  for (const w of workers) {
    const c = w.client;
    try {
      await c.send('Profiler.enable');
      await c.send('Profiler.setSamplingInterval', { interval });
      await c.send('Profiler.start');
      sessions.push({ w, c });
    } catch (e) {
      console.error('cannot profile worker ' + w.url() + ': ' + e.message);
    }
  }
  await page.waitForFunction('window.benchResult', { timeout: 600000, polling: 200 });
  const result = await page.evaluate('window.benchResult');
  const profiled = [];
  for (const { w, c } of sessions) {
    const { profile } = await c.send('Profiler.stop');
    const hits = selfTimes(profile);
    const total = [...hits.values()].reduce((a, b) => a + b, 0);
    const idle = (hits.get('(idle)') || 0) + (hits.get('(program)') || 0);
    profiled.push({ w, profile, hits, total, busy: total - idle });
  }
  profiled.sort((a, b) => b.busy - a.busy);
  console.log(`${path.basename(file)}, ${build} build: ${result.frames} frames, median decode fps `
    + `${result.median && result.median.decodeFps.toFixed(1)} (profiler on: ${interval} us sampling)`);
  profiled.slice(0, workerCount).forEach((x, i) => {
    const rows = [...x.hits.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log(`${i === 0 ? 'busiest worker' : 'next worker'} ${x.w.url()}: ${(x.busy / 1000).toFixed(0)} ms sampled (excluding idle)`);
    for (const [k, us] of rows) {
      console.log(`${(100 * us / x.busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
    }
  });
  if (out && profiled.length) writeFileSync(out, JSON.stringify(profiled[0].profile));
} finally {
  if (browser) await browser.close();
  server.kill();
  rmSync(profileDir, { recursive: true, force: true });
}
