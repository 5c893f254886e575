// Runs the decode benchmark in one headless Chromium: for each file, Kinora's bench page with
// the wasm build and with the js build (webapp/src/main/demo/bench.html) and the ogv.js page
// (web/ogv-bench.html), each a warm-up run plus N timed runs, then prints one table.
// Normally started by run.sh, which installs the npm packages and builds the server first:
//   node bench.mjs [--runs N] [--no-first-frame] [--json OUT] [--only kinora-wasm,kinora-js,ogv] FILE...
// What each figure includes is written in bench.js (Kinora) and web/ogv-worker.js (ogv.js).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
let runs = 5;
let firstFrame = true;
let jsonOut = null;
let only = ['kinora-wasm', 'kinora-js', 'ogv'];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = parseInt(args[++i], 10);
  else if (args[i] === '--no-first-frame') firstFrame = false;
  else if (args[i] === '--json') jsonOut = args[++i];
  else if (args[i] === '--only') only = args[++i].split(',');
  else files.push(path.resolve(args[i]));
}
if (!files.length || !(runs >= 1)) {
  console.error('usage: node bench.mjs [--runs N] [--no-first-frame] [--json OUT] FILE...');
  process.exit(1);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const jar = process.env.KINORA_SERVER || path.join(repo, 'webapp/target/kinora-server.jar');
const ogvDist = path.join(here, 'node_modules/ogv/dist');
const ogvVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/ogv/package.json'), 'utf8')).version;

// Each media folder is served as /media0, /media1, ...
const dirs = [...new Set(files.map((f) => path.dirname(f)))];
const urlOf = (f) => `/media${dirs.indexOf(path.dirname(f))}/${encodeURIComponent(path.basename(f))}`;

function startServer() {
  const roots = ['--root', `/ogv=${ogvDist}`, '--root', `/bench=${path.join(here, 'web')}`];
  dirs.forEach((d, i) => roots.push('--root', `/media${i}=${d}`));
  const child = spawn('java', ['-jar', jar, '--port', '0', ...roots], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error('the server exited with ' + code)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/([\d.]+):(\d+)\//.exec(out);
      if (m) resolve({ child, origin: `http://${m[1]}:${m[2]}` });
    });
  });
}

async function pageResult(browser, url, timeoutMs) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction('window.benchResult', { timeout: timeoutMs, polling: 200 });
    const r = await page.evaluate('window.benchResult');
    if (r.error && errors.length) r.error += ' (' + errors.join('; ') + ')';
    return r;
  } catch (e) {
    return { error: String(e.message || e) + (errors.length ? ' (' + errors.join('; ') + ')' : '') };
  } finally {
    await page.close();
  }
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f1 = (x) => (x == null || !isFinite(x) ? '-' : x.toFixed(1));
const f2 = (x) => (x == null || !isFinite(x) ? '-' : x.toFixed(2));

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const { child: server, origin } = await startServer();
const profile = mkdtempSync(path.join(tmpdir(), 'kinora-bench-chromium-'));
let browser;
const results = [];
const firstFrames = {};
try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    userDataDir: profile,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  const version = await browser.version();
  const timeout = 60000 * (runs + 1);
  for (const file of files) {
    const url = urlOf(file);
    const r = { file: path.basename(file) };
    for (const build of ['wasm', 'js']) {
      if (!only.includes('kinora-' + build)) continue;
      process.stderr.write(`${r.file}: kinora ${build}...\n`);
      r['kinora-' + build] = await pageResult(browser,
        `${origin}/bench.html?file=${encodeURIComponent(url)}&build=${build}&runs=${runs}`, timeout);
    }
    if (only.includes('ogv')) process.stderr.write(`${r.file}: ogv.js...\n`);
    if (only.includes('ogv')) r.ogv = await pageResult(browser,
      `${origin}/bench/ogv-bench.html?file=${encodeURIComponent(url)}&runs=${runs}&ogv=/ogv/`, timeout);
    results.push(r);
  }
  if (firstFrame) {
    for (const build of ['wasm', 'js']) {
      const ms = [];
      let error = null;
      for (let i = 0; i < runs; i++) { // a fresh page each time: worker start and compile included
        const x = await pageResult(browser,
          `${origin}/bench/first-frame.html?file=/media/sample.ogg&build=${build}`, 30000);
        if (x.error) { error = x.error; break; }
        ms.push(x.firstFrameMs);
      }
      firstFrames[build] = error ? { error } : { runs: ms, median: median(ms) };
    }
  }

  const decodeRows = [];
  const wallRows = [];
  for (const r of results) {
    const w = r['kinora-wasm'], j = r['kinora-js'], o = r.ogv;
    const any = [w, j, o].find((x) => x && x.width);
    const res = any ? `${any.width}x${any.height}` : '?';
    const fps = (x, k) => (x && x.median ? x.median[k] : NaN);
    const frames = [w, j, o].map((x) => (x && x.frames) || '-').join('/');
    decodeRows.push([r.file, res, frames, f1(fps(w, 'decodeFps')), f1(fps(j, 'decodeFps')), f1(fps(o, 'decodeFps')),
      f2(fps(w, 'decodeFps') / fps(o, 'decodeFps')), f2(fps(j, 'decodeFps') / fps(w, 'decodeFps'))]);
    wallRows.push([r.file, res, frames, f1(fps(w, 'wallFps')), f1(fps(j, 'wallFps')), f1(fps(o, 'wallFps')),
      f2(fps(w, 'wallFps') / fps(o, 'wallFps')), f2(fps(j, 'wallFps') / fps(w, 'wallFps'))]);
  }
  const head = ['file', 'resolution', 'frames (w/j/o)', 'kinora-wasm fps', 'kinora-js fps', 'ogv.js fps', 'wasm/ogv', 'js/wasm'];
  console.log(`Theora decode, ${version}, ogv ${ogvVersion}, median of ${runs} runs after a warm-up; `
    + `${cpus().length} cores (${cpus()[0].model}), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('\nframes per second by decode time (time inside the video decoder only):');
  console.log(table(head, decodeRows));
  console.log('\nframes per second by wall time (whole run: fetch, demux, decode, messages):');
  console.log(table(head, wallRows));
  const copy = results.filter((r) => r.ogv && r.ogv.median)
    .map((r) => `${r.file} ${r.ogv.median.copyMsPerFrame.toFixed(2)} ms`);
  if (copy.length) console.log('\nogv.js decode time includes its copy of each frame out of the wasm heap, about: ' + copy.join(', '));
  for (const r of results) {
    for (const k of ['kinora-wasm', 'kinora-js', 'ogv']) {
      if (r[k] && r[k].error) console.log(`${r.file} ${k}: FAILED: ${r[k].error}`);
    }
  }
  if (firstFrame) {
    console.log('\nKinora.Player first frame after play() on /media/sample.ogg (fresh page each time):');
    for (const [build, x] of Object.entries(firstFrames)) {
      console.log(x.error ? `  ${build}: FAILED: ${x.error}`
        : `  ${build}: median ${x.median.toFixed(0)} ms (runs: ${x.runs.map((v) => v.toFixed(0)).join(', ')})`);
    }
  }
  if (jsonOut) {
    writeFileSync(jsonOut, JSON.stringify({ browser: version, ogv: ogvVersion, runs, loadavg: loadavg(), results, firstFrames }, null, 2));
  }
} finally {
  if (browser) await browser.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
