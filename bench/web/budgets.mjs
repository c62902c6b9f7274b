// The web build's budgets, measured as a phone user gets them: a cold load from localhost
// (fresh browser profile, no cache, no service worker yet) in Debian's headless Chromium at
// 390×844 ×3 with touch, served gzipped as a plain web host would. The page is opened in a
// browser that is already up, as a phone's is when its person follows a link: --settle MS
// (3000) lets the new browser finish its own start first; --settle 0 opens the link at once.
//   node bench/web/budgets.mjs [build/web] [--runs N] [--settle MS]
// Prints, with the budget beside each:
//   transfer      bytes over the wire until the app is idle on its first screen (gzip)
//   first frame   navigation start → the app's first frame on the canvas (median of N runs)
//   session CPU   main-thread busy time over 30 s of a running breathing session, as % of a core
//                 (median of N runs, one session in each cold load's browser)
//   memory        JS heap + wasm memory during that session
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tests/web/serve.mjs';
import { launch, phonePage, waitForApp } from '../../tests/web/support.mjs';
import { startBreathing, throughWelcome } from './journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const site = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' &&
  args[i - 1] !== '--settle') ||
  path.join(here, '..', '..', 'build', 'web'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const settleAt = args.indexOf('--settle');
const settleMs = settleAt >= 0 ? Number(args[settleAt + 1]) : 3000;
const mb = (bytes) => (bytes / 1048576).toFixed(2) + ' MB';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One cold load in a fresh profile: bytes sent and the first frame's moment.
async function coldLoad() {
  const server = await startServer(site);
  const { browser, profile } = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-bench-')));
  try {
    const page = await phonePage(browser);
    await page.setCacheEnabled(false);
    // A phone's browser is running already when its person follows a link: the browser's own
    // start (a new profile written to disk, its GPU process starting) is let finish first.
    await page.goto('about:blank');
    await sleep(settleMs);
    await page.goto(`http://localhost:${server.port}/`);
    await waitForApp(page);
    await page.waitForFunction(() => window.unknotFirstFrameMs > 0, { timeout: 60000 });
    const firstFrame = await page.evaluate(() => window.unknotFirstFrameMs);
    // The start's steps in order: the files fetched, then every moment the app marks
    // (unknot-pre.js and platform::mark_start_step), in ms after navigation start.
    const marks = await page.evaluate(() => {
      const res = (end) => Math.max(0, ...performance.getEntriesByType('resource')
        .filter((r) => r.name.endsWith(end)).map((r) => r.responseEnd));
      const steps = [['wasm fetched', res('.wasm')], ['data fetched', res('.data')]];
      for (const m of performance.getEntriesByType('mark')) {
        if (m.name.startsWith('unknot-')) steps.push([m.name.slice(7), m.startTime]);
      }
      return steps.sort((a, b) => a[1] - b[1]);
    });
    await sleep(1500);  // what the page still fetches once running (icons, the worker's copy)
    const pageBytes = server.stats.requests.filter((r) => !r.fromWorker).reduce((a, r) => a + r.bytes, 0);
    return { firstFrame, marks, bytes: pageBytes, requests: server.stats.requests, browser, page, server, profile };
  } catch (e) {
    await browser.close();
    await server.close();
    throw e;
  }
}

// A running breathing session's main-thread cost, from the browser's own task accounting.
async function sessionCost(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .map((m) => [m.name, m.value]));
  await startBreathing(page);
  await sleep(3000);  // settled into the session
  const before = await metric();
  const t0 = Date.now();
  await sleep(30000);
  const after = await metric();
  const wall = (Date.now() - t0) / 1000;
  const busy = after.TaskDuration - before.TaskDuration;
  return {
    cpu: (busy / wall) * 100,
    busy,
    wall,
    script: after.ScriptDuration - before.ScriptDuration,
    style: (after.RecalcStyleDuration - before.RecalcStyleDuration) +
      (after.LayoutDuration - before.LayoutDuration),
    cdp,
    metric,
  };
}

// Every cold load goes on through the welcome to a session, so the session's figure is a
// median over as many browsers as the first frame's: one 30-s window on this machine can be
// half a percent off either way. The last load also measures Home at rest and the memory.
const loads = [];
let idle = 0;
let memory = null;
let frames = 0;
let byFile = new Map();
for (let i = 0; i < runs; ++i) {
  const load = await coldLoad();
  const { page, browser, server, requests } = load;
  await throughWelcome(page);
  const last = i === runs - 1;
  if (last) {
    byFile = new Map();
    for (const r of requests) byFile.set(r.path, (byFile.get(r.path) || 0) + r.bytes);
    // Left open on Home, nothing moving: what the app costs while it waits (no budget; a
    // phone's battery).
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics'))
      .metrics.map((m) => [m.name, m.value]));
    await sleep(2000);
    const idleBefore = await metric();
    const idleT0 = Date.now();
    await sleep(10000);
    const idleAfter = await metric();
    idle = (idleAfter.TaskDuration - idleBefore.TaskDuration) / ((Date.now() - idleT0) / 1000) * 100;
  }
  const session = await sessionCost(page);
  if (last) {
    memory = await page.evaluate(() => ({
      heap: performance.memory ? performance.memory.totalJSHeapSize : 0,
      wasm: Module.HEAP8.buffer.byteLength,
    }));
    frames = await page.evaluate(() => new Promise((resolve) => {
      let n = 0;
      const start = performance.now();
      const count = () => {
        n += 1;
        if (performance.now() - start < 2000) requestAnimationFrame(count); else resolve(n / 2);
      };
      requestAnimationFrame(count);
    }));
  }
  loads.push({ firstFrame: load.firstFrame, marks: load.marks, bytes: load.bytes, session });
  await browser.close();
  await server.close();
}

const transfer = median(loads.map((l) => l.bytes));
const first = median(loads.map((l) => l.firstFrame));
const cpu = median(loads.map((l) => l.session.cpu));
const { busy, wall, script, style } = loads.find((l) => l.session.cpu === cpu).session;
const total = memory.heap + memory.wasm;
const row = (name, value, budget, ok) =>
  console.log(`${name.padEnd(34)} ${value.padStart(12)}   budget ${budget.padEnd(10)} ${ok ? 'ok' : 'OVER'}`);
console.log(`Unknot web build, ${site}`);
console.log(`Chromium headless, 390x844 at x3 with touch, localhost, gzip; ${runs} cold loads\n`);
row('transfer, cold load (gzip)', mb(transfer), '2.5 MB', transfer <= 2.5 * 1048576);
for (const [file, bytes] of [...byFile].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${file.padEnd(32)} ${mb(bytes).padStart(12)}`);
}
row('first frame (median)', first.toFixed(0) + ' ms', '1500 ms', first <= 1500);
console.log(`  each run: ${loads.map((l) => l.firstFrame.toFixed(0) + ' ms').join(', ')}`);
// Where the median run's time went: each step's moment and its share since the one before.
const middle = loads.find((l) => l.firstFrame === first);
let previous = 0;
const steps = middle.marks.map(([name, at]) => {
  const text = `${name} ${at.toFixed(0)} (+${(at - previous).toFixed(0)})`;
  previous = at;
  return text;
});
console.log(`  its steps, ms: ${steps.join(', ')}`);
row('session main-thread CPU (median)', cpu.toFixed(1) + ' %', '10 %', cpu <= 10);
console.log(`  each run: ${loads.map((l) => l.session.cpu.toFixed(1) + ' %').join(', ')}`);
console.log(`  ${busy.toFixed(2)} s busy in ${wall.toFixed(1)} s (script ${script.toFixed(2)} s, ` +
  `style and layout ${style.toFixed(2)} s); page frame rate ${frames.toFixed(0)}/s`);
console.log(`idle on Home, main-thread CPU ${idle.toFixed(1).padStart(12)} %   (no budget)`);
row('JS heap + wasm memory', mb(total), '64 MB', total <= 64 * 1048576);
console.log(`  JS heap ${mb(memory.heap)}, wasm ${mb(memory.wasm)}`);
