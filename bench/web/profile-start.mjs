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
import { printProfile } from './profile-summary.mjs';
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
printProfile(profile);
await browser.close();
server.close();
