// Time from play() to the first picture (web/first-frame.html) of several builds side by side:
// each build's server runs at once, and fresh pages of one browser load them in turn, round after
// round, so that the machine's load hits them alike (as jvm-compare.sh does for the JVM).
//
//   node bench/first-frame-compare.mjs [--rounds N] [--build wasm,js] [--file URL] [--rtt MS] DIR...
//
// --rtt MS puts a proxy in front of each server that holds every request for MS ms before passing
// it on, as a server that far away would (loopback answers in well under a millisecond): requests
// made one after the other then cost what they cost on a real network.
//
// Each DIR holds a build's kinora-server.jar with the dist/ and demo/ folders it serves (copy
// them out of webapp/target before rebuilding). Prints each build's median and runs, in ms.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './common.mjs';

const web = path.join(path.dirname(fileURLToPath(import.meta.url)), 'web');
const args = process.argv.slice(2);
let rounds = 8;
let builds = ['wasm', 'js'];
let file = '/media/sample.ogg';
let rtt = 0;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = parseInt(args[++i], 10);
  else if (args[i] === '--build') builds = args[++i].split(',');
  else if (args[i] === '--file') file = args[++i];
  else if (args[i] === '--rtt') rtt = parseInt(args[++i], 10);
  else dirs.push(path.resolve(args[i]));
}
if (!dirs.length) {
  console.error('usage: node first-frame-compare.mjs [--rounds N] [--build wasm,js] [--file URL] [--rtt MS] DIR...');
  process.exit(1);
}

function serve(dir) {
  const child = spawn('java', ['-jar', path.join(dir, 'kinora-server.jar'), '--port', '0', '--root', `/bench=${web}`],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`the server in ${dir} exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/([\d.]+):(\d+)\//.exec(out);
      if (m) resolve({ child, origin: `http://${m[1]}:${m[2]}` });
    });
  });
}

/** A proxy to origin that holds each request for ms milliseconds; resolves to its own origin. */
function delayed(origin, ms) {
  const target = new URL(origin);
  const agent = new http.Agent({ keepAlive: true });
  const proxy = http.createServer((req, res) => {
    setTimeout(() => {
      const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent },
        (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
      up.on('error', () => res.destroy());
      res.on('close', () => up.destroy());
      req.pipe(up);
    }, ms);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve({ proxy, origin: `http://127.0.0.1:${proxy.address().port}` })));
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const servers = await Promise.all(dirs.map(serve));
const proxies = rtt > 0 ? await Promise.all(servers.map((s) => delayed(s.origin, rtt))) : [];
proxies.forEach((p, j) => { servers[j].origin = p.origin; });
const profile = mkdtempSync(path.join(tmpdir(), 'kinora-first-frame-'));
const browser = await launchChromium(profile);
const times = {};
try {
  for (let round = -1; round < rounds; round++) { // round -1 warms the HTTP cache and is not counted
    for (const build of builds) {
      for (let j = 0; j < servers.length; j++) {
        const page = await browser.newPage();
        await page.goto(`${servers[j].origin}/bench/first-frame.html?file=${encodeURIComponent(file)}&build=${build}`);
        await page.waitForFunction('window.benchResult', { timeout: 30000, polling: 20 });
        const r = await page.evaluate('window.benchResult');
        await page.close();
        if (round < 0) continue;
        const key = `${build} ${path.basename(dirs[j])}`;
        (times[key] = times[key] || []).push(r.error ? NaN : Math.round(r.firstFrameMs));
      }
    }
  }
  for (const [key, runs] of Object.entries(times)) {
    console.log(`${key.padEnd(24)} median ${String(median(runs)).padStart(6)} ms   runs ${runs.join(' ')}`);
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.child.kill());
  proxies.forEach((p) => p.proxy.close());
  rmSync(profile, { recursive: true, force: true });
}
