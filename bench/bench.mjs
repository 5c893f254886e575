// Runs the decode benchmark in one headless Chromium: for each file, Kinora's bench page with
// the Wasm GC build and with the JS build (webapp/src/main/demo/bench.html) and the ogv.js page
// (web/ogv-bench.html); each page load is a warm-up run plus N timed runs. With --rounds R the
// three pages are loaded R times in turn (so that a change in machine load hits all three alike)
// and the medians are taken over all R x N timed runs. Prints the tables; --json keeps everything.
// Normally started by run.sh, which installs the npm packages and builds the server first:
//   node bench.mjs [--runs N] [--rounds R] [--no-first-frame] [--jvm] [--json OUT] [--only LIST] FILE...
// LIST: comma-separated kinora-wasm, kinora-js, ogv, kinora-wasm-1w, kinora-js-1w (the default is
// the first three; Kinora's decodeThreads is left to the page, 2 on a machine with two cores or
// more; the -1w ones force one worker, decodeThreads: 1). --jvm adds, as a reference outside the
// browser, the same decoders on HotSpot: `kinora-cli bench FILE` (cli/target/kinora-cli.jar).
// What each figure includes is written in webapp/src/main/demo/bench.js (Kinora) and
// web/ogv-worker.js (ogv.js), and summed up in README.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startServer } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const DECODERS = ['kinora-wasm', 'kinora-js', 'ogv', 'kinora-wasm-1w', 'kinora-js-1w'];
const args = process.argv.slice(2);
let runs = 5;
let rounds = 1;
let firstFrame = true;
let jvm = false;
let jsonOut = null;
let only = DECODERS.slice(0, 3);
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = parseInt(args[++i], 10);
  else if (args[i] === '--rounds') rounds = parseInt(args[++i], 10);
  else if (args[i] === '--no-first-frame') firstFrame = false;
  else if (args[i] === '--jvm') jvm = true;
  else if (args[i] === '--json') jsonOut = path.resolve(args[++i]);
  else if (args[i] === '--only') only = args[++i].split(',');
  else files.push(path.resolve(args[i]));
}
if (!files.length || !(runs >= 1) || !(rounds >= 1) || only.some((d) => !DECODERS.includes(d))) {
  console.error('usage: node bench.mjs [--runs N] [--rounds R] [--no-first-frame] [--json OUT] '
    + '[--jvm] [--only kinora-wasm,kinora-js,ogv] FILE...');
  process.exit(1);
}
const ogvDist = path.join(here, 'node_modules/ogv/dist');
const ogvVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/ogv/package.json'), 'utf8')).version;

// Each media folder is served as /media0/, /media1/, ... (the demo's own samples stay at /media/).
const dirs = [...new Set(files.map((f) => path.dirname(f)))];
const urlOf = (f) => `/media${dirs.indexOf(path.dirname(f))}/${encodeURIComponent(path.basename(f))}`;

function pageUrl(origin, decoder, file) {
  const q = `file=${encodeURIComponent(urlOf(file))}&runs=${runs}`;
  if (decoder === 'ogv') return `${origin}/bench/ogv-bench.html?${q}&ogv=/ogv/`;
  const [build, workers] = decoder.slice('kinora-'.length).split('-');
  return `${origin}/bench.html?${q}&build=${build}${workers === '1w' ? '&threads=1' : ''}`;
}

function serverRoots() {
  const roots = { '/ogv': ogvDist, '/bench': path.join(here, 'web') };
  dirs.forEach((d, i) => { roots[`/media${i}`] = d; });
  return roots;
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

const loadBefore = loadavg();
const { child: server, origin } = await startServer(serverRoots());
const profile = mkdtempSync(path.join(tmpdir(), 'kinora-bench-chromium-'));
let browser;
// results[file][decoder] = {width, height, frames, runs: [{frames, videoDecodeMs, wallMs, decodeFps, wallFps}], pages: [...]}
const results = files.map((f) => ({ file: path.basename(f), path: f, decoders: {} }));
const firstFrames = {};
try {
  browser = await launchChromium(profile);
  const version = await browser.version();
  const timeout = 120000 * (runs + 1);
  for (let round = 1; round <= rounds; round++) {
    for (const r of results) {
      for (const d of only) {
        process.stderr.write(`round ${round}/${rounds}: ${r.file}: ${d}...\n`);
        const x = await pageResult(browser, pageUrl(origin, d, r.path), timeout);
        const acc = r.decoders[d] ||= { width: 0, height: 0, frames: 0, runs: [], pages: [] };
        acc.pages.push(x);
        if (x.error) {
          acc.error = x.error;
          continue;
        }
        acc.width = x.width;
        acc.height = x.height;
        acc.frames = x.frames;
        acc.split = x.split;
        acc.runs.push(...x.runs.map((y) => ({ frames: y.frames, decodeMs: y.decodeMs, videoDecodeMs: y.videoDecodeMs,
          videoParseMs: y.videoParseMs, wallMs: y.wallMs, decodeFps: y.decodeFps, wallFps: y.wallFps })));
      }
    }
  }
  for (const r of results) {
    for (const acc of Object.values(r.decoders)) {
      if (!acc.runs.length) continue;
      acc.median = { decodeFps: median(acc.runs.map((y) => y.decodeFps)), wallFps: median(acc.runs.map((y) => y.wallFps)) };
      acc.best = { decodeFps: Math.max(...acc.runs.map((y) => y.decodeFps)), wallFps: Math.max(...acc.runs.map((y) => y.wallFps)) };
    }
  }
  if (firstFrame) {
    const variants = ['wasm', 'js'].flatMap((b) => (only.includes(`kinora-${b}-1w`) ? [b, `${b}-1w`] : [b]));
    for (const variant of variants) {
      const [build, workers] = variant.split('-');
      const ms = [];
      let error = null;
      for (let i = 0; i < Math.max(3, runs); i++) { // a fresh page each time: worker start and compile included
        const x = await pageResult(browser, `${origin}/bench/first-frame.html?file=/media/sample.ogg&build=${build}`
          + (workers === '1w' ? '&threads=1' : ''), 30000);
        if (x.error) { error = x.error; break; }
        ms.push(x.firstFrameMs);
      }
      firstFrames[variant] = error ? { error } : { runs: ms, median: median(ms) };
    }
  }

  const head = ['file', 'resolution', 'frames', 'kinora-wasm fps', 'kinora-js fps', 'ogv.js fps', 'wasm/ogv', 'js/wasm'];
  const rows = (stat, key) => results.map((r) => {
    const w = r.decoders['kinora-wasm'], j = r.decoders['kinora-js'], o = r.decoders.ogv;
    const any = [w, j, o].find((x) => x && x.width);
    const fps = (x) => (x && x[stat] ? x[stat][key] : NaN);
    const frames = [...new Set([w, j, o].filter((x) => x && x.frames).map((x) => x.frames))].join('/') || '-';
    return [r.file, any ? `${any.width}x${any.height}` : '?', frames, f1(fps(w)), f1(fps(j)), f1(fps(o)),
      f2(fps(w) / fps(o)), f2(fps(j) / fps(w))];
  });
  const n = runs * rounds;
  console.log(`Theora decode benchmark: ${version}, ogv ${ogvVersion}; ${cpus().length} cores (${cpus()[0].model}); `
    + `load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before, ${loadavg().map((x) => x.toFixed(1)).join(' ')} after`);
  console.log(`\nframes/s by decode time (time inside the video decoder only; split over two workers, the longer `
    + `stage's), median of ${n} runs after warm-up:`);
  console.log(table(head, rows('median', 'decodeFps')));
  console.log(`\nframes/s by wall time (whole run: fetch, demux, decode, messages), median of ${n} runs:`);
  console.log(table(head, rows('median', 'wallFps')));
  console.log(`\nframes/s by decode time, best of ${n} runs (least disturbed by other load on the machine):`);
  console.log(table(head, rows('best', 'decodeFps')));
  const splitInfo = (r, d) => {
    const acc = r.decoders[d];
    if (!acc || !acc.runs.length) return null;
    const m = (k) => median(acc.runs.map((y) => y[k] || 0));
    return `${d}: ${acc.split ? 'split over two workers' : 'one worker'}, per frame ${(m('videoDecodeMs') / acc.frames).toFixed(2)} ms `
      + `in the video worker` + (acc.split ? `, ${(m('videoParseMs') / acc.frames).toFixed(2)} ms in the source worker` : '');
  };
  const oneWorker = only.filter((d) => d.endsWith('-1w'));
  if (oneWorker.length) {
    const h1 = ['file', ...oneWorker.map((d) => `${d} decode fps`), ...oneWorker.map((d) => `${d} wall fps`),
      ...oneWorker.map((d) => `${d.replace('-1w', '')}: x of 1w (wall)`)];
    console.log(`\none worker (decodeThreads: 1), medians of ${n} runs:`);
    console.log(table(h1, results.map((r) => {
      const fps = (d, k) => (r.decoders[d] && r.decoders[d].median ? r.decoders[d].median[k] : NaN);
      return [r.file, ...oneWorker.map((d) => f1(fps(d, 'decodeFps'))), ...oneWorker.map((d) => f1(fps(d, 'wallFps'))),
        ...oneWorker.map((d) => f2(fps(d.replace('-1w', ''), 'wallFps') / fps(d, 'wallFps')))];
    })));
  }
  for (const r of results) {
    for (const d of only.filter((x) => x.startsWith('kinora'))) {
      const line = splitInfo(r, d);
      if (line) console.log(`${r.file}: ${line}`);
    }
  }
  for (const r of results) {
    const o = r.decoders.ogv;
    const copies = o ? o.pages.filter((p) => p.median).map((p) => p.median.copyMsPerFrame) : [];
    if (copies.length) {
      console.log(`\n${r.file}: ogv.js decode time includes a copy of each frame out of its wasm heap, about `
        + `${median(copies).toFixed(2)} ms per frame`);
    }
    for (const [d, acc] of Object.entries(r.decoders)) {
      if (acc.error) console.log(`${r.file} ${d}: FAILED (${acc.pages.filter((p) => p.error).length} of ${acc.pages.length} page loads): ${acc.error}`);
    }
  }
  if (firstFrame) {
    console.log('\nKinora.Player, first frame after play() on /media/sample.ogg (fresh page each time, so worker start included):');
    for (const [build, x] of Object.entries(firstFrames)) {
      console.log(x.error ? `  ${build}: FAILED: ${x.error}`
        : `  ${build}: median ${x.median.toFixed(0)} ms (runs: ${x.runs.map((v) => v.toFixed(0)).join(', ')})`);
    }
  }
  const jvmLines = [];
  if (jvm) {
    const cli = path.join(repo, 'cli/target/kinora-cli.jar');
    console.log(`\nthe same Kinora decoders on the JVM (${cli} bench: video decode after warm-up):`);
    for (const r of results) {
      const x = spawnSync('java', ['-jar', cli, 'bench', r.path], { encoding: 'utf8' });
      const line = (x.stdout || '').split('\n').find((l) => l.startsWith('video')) || ('failed: ' + (x.stderr || x.error));
      jvmLines.push({ file: r.file, line });
      console.log(`  ${r.file}: ${line}`);
    }
  }
  if (jsonOut) {
    writeFileSync(jsonOut, JSON.stringify({ browser: version, ogv: ogvVersion, runs, rounds, loadBefore, loadAfter: loadavg(),
      results, firstFrames, jvm: jvmLines }, null, 2));
    console.log('\nall figures: ' + jsonOut);
  }
} finally {
  if (browser) await browser.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
