// Where a cold start's time goes: a sampled CPU profile of one cold load in headless Chromium,
// from navigation to the app's first frame, as self and inclusive time per function. Build the
// site with function names first (UNKNOT_WEB_PROFILING=ON, see platform/web/CMakeLists.txt).
//   node bench/web/profile-start.mjs SITE_DIR
// The profiler slows the page down: read the shares, not the absolute times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../tests/web/serve.mjs';
import { launch, phonePage, waitForApp } from '../../tests/web/support.mjs';
const site = process.argv[2];
const server = await startServer(site);
const { browser } = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-prof-')));
const page = await phonePage(browser);
await page.setCacheEnabled(false);
const cdp = await page.target().createCDPSession();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`http://localhost:${server.port}/`);
await waitForApp(page);
await page.waitForFunction(() => window.unknotFirstFrameMs > 0, { timeout: 60000 });
const { profile } = await cdp.send('Profiler.stop');
const marks = await page.evaluate(() => ['unknot-runtime', 'unknot-started', 'unknot-first-frame'].map((n) => [n, (performance.getEntriesByName(n)[0] || {}).startTime]));
for (const [name, at] of marks) console.log(`${name.padEnd(20)} ${at.toFixed(0).padStart(6)} ms`);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const total = new Map();
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  const ms = (dt[i + 1] || 0) / 1000;
  const n = byId.get(id);
  const name = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
  self.set(name, (self.get(name) || 0) + ms);
  const seen = new Set();
  let cur = id;
  while (cur !== undefined) {
    const nn = byId.get(cur);
    const nm = nn.callFrame.functionName || '(anon)';
    if (!seen.has(nm)) { total.set(nm, (total.get(nm) || 0) + ms); seen.add(nm); }
    cur = parent.get(cur);
  }
}
const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log('self time (ms)');
for (const e of top(self, 30)) console.log(e[1].toFixed(1).padStart(8), e[0].slice(0, 120));
console.log('inclusive time (ms)');
for (const e of top(total, Number(process.env.TOP || 60))) console.log(e[1].toFixed(1).padStart(8), e[0].slice(0, 120));
await browser.close();
server.close();
