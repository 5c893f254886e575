// What the bench scripts share: the Kinora server jar started on a free port, and headless Chromium
// started with the switches this machine needs (and $CHROMIUM_ARGS for experiments).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jar = process.env.KINORA_SERVER || path.join(repo, 'webapp/target/kinora-server.jar');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts the server with the given roots ({'/media0': dir, ...}); resolves to {child, origin}. */
export function startServer(roots) {
  const args = ['-jar', jar, '--port', '0'];
  for (const [at, dir] of Object.entries(roots)) args.push('--root', `${at}=${dir}`);
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'inherit'] });
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

/**
 * Headless Chromium with a fresh profile in userDataDir; sound may start without a gesture.
 * Puppeteer's request tracking is off: it follows every request and body chunk of the page and
 * its workers over the DevTools protocol, which cost this 2-core machine about 40 ms of CPU in
 * the first 300 ms of a player (and the time to the first picture about 20 ms); no bench uses it.
 */
export function launchChromium(userDataDir) {
  return puppeteer.launch({
    executablePath: chromium, userDataDir, headless: true, networkEnabled: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
      ...(process.env.CHROMIUM_ARGS ? process.env.CHROMIUM_ARGS.split(' ').filter(Boolean) : [])],
  });
}
