// Where a running session's main-thread time goes: a sampled CPU profile of 10 s of a breathing
// session in headless Chromium (390x844 at x3), as self and inclusive time per function, and the
// browser's own task time over the same seconds. Build the site with function names first
// (UNKNOT_WEB_PROFILING=ON, see platform/web/CMakeLists.txt).
//   node bench/web/profile-session.mjs SITE_DIR [SECONDS]
// The profiler slows the page down: read the shares, not the absolute times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../tests/web/serve.mjs';
import { launch, phonePage, waitForApp } from '../../tests/web/support.mjs';
import { startBreathing, throughWelcome } from './journey.mjs';
import { printProfile } from './profile-summary.mjs';

const site = process.argv[2];
const seconds = Number(process.argv[3] || 10);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const server = await startServer(site);
const { browser } = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-prof-')));
const page = await phonePage(browser);
await page.goto(`http://localhost:${server.port}/`);
await waitForApp(page);
await throughWelcome(page);
await startBreathing(page);
await sleep(3000);
const cdp = await page.createCDPSession();
await cdp.send('Performance.enable');
const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
  .map((m) => [m.name, m.value]));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const before = await metric();
await cdp.send('Profiler.start');
await sleep(seconds * 1000);
const { profile } = await cdp.send('Profiler.stop');
const after = await metric();
const share = (name) => ((after[name] - before[name]) / seconds * 100).toFixed(1);
console.log(`${seconds} s of a session: main thread busy ${share('TaskDuration')} % of a core, ` +
  `script ${share('ScriptDuration')} %`);
printProfile(profile);
await browser.close();
server.close();
