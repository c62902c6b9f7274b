// Where a running session's main-thread time goes, by the browser's own trace events: 5 s of a
// breathing session traced in headless Chromium (390x844 at x3), the renderer main thread's
// time summed by event name (self time: each event's duration less its children's).
//   node bench/web/trace-session.mjs SITE_DIR [SECONDS]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../tests/web/serve.mjs';
import { launch, phonePage, waitForApp } from '../../tests/web/support.mjs';
import { startBreathing, throughWelcome } from './journey.mjs';

const site = process.argv[2];
const seconds = Number(process.argv[3] || 5);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const server = await startServer(site);
const { browser } = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-trace-')));
const page = await phonePage(browser);
await page.goto(`http://localhost:${server.port}/`);
await waitForApp(page);
await throughWelcome(page);
await startBreathing(page);
await sleep(3000);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-trace-')), 'trace.json');
await page.tracing.start({ path: file, categories: ['devtools.timeline', 'toplevel', 'blink', 'cc', 'gpu',
  'disabled-by-default-devtools.timeline', 'v8', 'webaudio'] });
await sleep(seconds * 1000);
await page.tracing.stop();
await browser.close();
server.close();
const events = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;
const names = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
const main = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
// Complete events on the main threads, nested by time: self time per name.
const byThread = new Map();
for (const e of events) {
  const key = `${e.pid}:${e.tid}`;
  if (!main.includes(key) || e.ph !== 'X' || !e.dur) continue;
  if (!byThread.has(key)) byThread.set(key, []);
  byThread.get(key).push(e);
}
const self = new Map();
let top = 0;
for (const list of byThread.values()) {
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of list) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    if (stack.length) stack[stack.length - 1].child += e.dur; else top += e.dur;
    e.child = 0;
    stack.push(e);
  }
  for (const e of list) self.set(e.name, (self.get(e.name) || 0) + e.dur - e.child);
}
console.log(`main thread: ${(top / 1000).toFixed(0)} ms of top-level events in ${seconds} s ` +
  `(${(top / 10 / seconds / 1000).toFixed(1)} % of a core)`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log((us / 1000).toFixed(1).padStart(8), 'ms ', name);
}
