// Soak test of one looped player: plays a file over and over (play() again at each 'ended') in
// headless Chromium for --minutes, and every --interval seconds, after a forced garbage
// collection in the page and in every worker, prints one row: the workers alive, the JS heap of
// the page and of the workers (used bytes, from the DevTools protocol), DOM nodes, and the
// player's buffers (picture buffers and sound plane arrays made so far, pictures queued, seconds
// of sound buffered). In steady state none of them grows. Not a test: it measures.
//
//   node bench/soak.mjs [--minutes 10] [--interval 30] [--build wasm|js] [--muted] [FILE]
//
// FILE defaults to testdata/samples/sample.ogg (10 s of Theora and Vorbis). Needs the server jar
// (webapp/target/kinora-server.jar, or $KINORA_SERVER), puppeteer-core in bench/node_modules
// (bench/run.sh installs it) and Chromium at /usr/bin/chromium (or $CHROMIUM).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startServer } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
let minutes = 10;
let interval = 30;
let build = 'wasm';
let muted = false;
let file = path.join(repo, 'testdata/samples/sample.ogg');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--minutes') minutes = parseFloat(args[++i]);
  else if (args[i] === '--interval') interval = parseFloat(args[++i]);
  else if (args[i] === '--build') build = args[++i];
  else if (args[i] === '--muted') muted = true;
  else file = path.resolve(args[i]);
}


const mb = (bytes) => (bytes / 1048576).toFixed(1);

async function sample(page, workers, t0) {
  const main = await page.target().createCDPSession();
  await main.send('Performance.enable');
  await main.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await main.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await main.detach();
  let workerHeap = 0;
  let alive = 0;
  for (const w of workers) {
    try {
      await w.client.send('HeapProfiler.collectGarbage');
      workerHeap += (await w.client.send('Runtime.getHeapUsage')).usedSize;
      alive++;
    } catch (e) {
      // the worker has ended
    }
  }
  const s = await page.evaluate(() => {
    const st = soak.player.getStats();
    const pool = Kinora.poolStats();
    return { loops: soak.loops, errors: soak.errors.length, t: soak.player.currentTime, pool: pool.busy + pool.idle,
      pictures: st.pictureBuffersAllocated, planes: st.audioPlanesAllocated, queued: st.queuedFrames,
      sound: st.audioBuffered, decoded: st.framesDecoded, clock: st.clock };
  });
  return { elapsed: (Date.now() - t0) / 1000, alive, pool: s.pool, mainHeap: metrics.JSHeapUsedSize, workerHeap,
    nodes: metrics.Nodes, ...s };
}

function row(cells) {
  return cells.map((c, i) => String(c).padStart(i === 0 ? 6 : 10)).join(' ');
}

const { child: server, origin } = await startServer({ '/media0': path.dirname(file), '/bench': path.join(here, 'web') });
const profileDir = mkdtempSync(path.join(tmpdir(), 'kinora-soak-chromium-'));
let browser;
try {
  browser = await launchChromium(profileDir);
  const page = await browser.newPage();
  const workers = new Set();
  page.on('workercreated', (w) => workers.add(w));
  page.on('workerdestroyed', (w) => workers.delete(w));
  const url = `${origin}/bench/soak.html?file=${encodeURIComponent('/media0/' + path.basename(file))}&build=${build}`
    + (muted ? '&muted=1' : '');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.soak && soak.player.currentTime > 0.5', { timeout: 60000, polling: 100 });
  console.log(`${path.basename(file)}, ${build} build${muted ? ', muted' : ''}: ${minutes} min, a row every ${interval} s`);
  console.log(row(['s', 'loops', 'time', 'workers', 'pool', 'main MB', 'workers MB', 'nodes', 'pict bufs',
    'snd planes', 'queued', 'snd s', 'clock', 'errors']));
  const t0 = Date.now();
  const end = t0 + minutes * 60000;
  for (;;) {
    const s = await sample(page, workers, t0);
    console.log(row([s.elapsed.toFixed(0), s.loops, s.t.toFixed(2), s.alive, s.pool, mb(s.mainHeap), mb(s.workerHeap),
      s.nodes, s.pictures, s.planes, s.queued, s.sound.toFixed(2), s.clock, s.errors]));
    if (Date.now() >= end) break;
    await new Promise((r) => setTimeout(r, Math.min(interval * 1000, Math.max(0, end - Date.now()))));
  }
} finally {
  if (browser) await browser.close();
  server.kill();
  rmSync(profileDir, { recursive: true, force: true });
}
