// The web build end to end, as a person on a phone meets it, in Debian's headless Chromium:
// 390×844 at ×3 with touch. Every press is a finger on the canvas at the place the accessible
// layer says the control is, so the layer's labels and boxes are checked with each step.
//   node tests/web/e2e.mjs [build/web] [screenshot dir]
// Exits non-zero with the step that failed and what the screen offered instead.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { launch, phonePage, waitForApp, targets, find, tap, labels, shortHomework } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const site = path.resolve(process.argv[2] || path.join(repo, 'build', 'web'));
const shotDir = process.argv[3] || '';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-web-e2e-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let step = 'starting';
async function shot(page, name) {
  if (!shotDir) return;
  fs.mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: path.join(shotDir, `${name}.png`) });
}
function stepIs(name) {
  step = name;
  console.log(`web e2e: ${name}`);
}

const server = await startServer(site);
const url = `http://localhost:${server.port}/`;
const { browser } = await launch();
let page;
try {
  page = await phonePage(browser);
  const cdp = await page.createCDPSession();
  const downloads = path.join(work, 'downloads');
  fs.mkdirSync(downloads);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });

  stepIs('first open: the welcome');
  await page.goto(url);
  await waitForApp(page);
  await shot(page, 'welcome');
  // The page's early work was used, not redone: the record's database the page opened while
  // the program downloaded is the one IDBFS reads and writes, and SDL draws on the page's WebGL
  // context.
  assert.ok(await page.evaluate(async () => {
    const opened = await Module.recordOpening;
    return Boolean(opened) && opened.db === IDBFS.dbs['/data'];
  }), "the record is kept in the database the page opened early");
  assert.ok(await page.evaluate(() => Module.preinitializedWebGLContext &&
    Module.preinitializedWebGLContext === GL.currentContext.GLctx),
  "the app draws on the WebGL context the page made early");
  // The accessible layer mirrors the screen: real buttons with the drawn labels.
  const first = await targets(page);
  assert.ok(first.some((t) => t.label === 'Get started'), 'the welcome offers Get started');
  for (const t of first) {
    assert.ok(t.label && t.label.length > 0, 'every mirrored control has a label');
    assert.ok(t.w >= 24 && t.h >= 24, `"${t.label}" is a real target (${t.w}×${t.h})`);
  }
  // The screen's heading comes first in the layer, and the tab's title follows it.
  const heading = () => page.evaluate(() => ({
    text: (document.querySelector('#a11y > h1') || {}).textContent || '',
    tab: document.title,
  }));
  const welcome = await heading();
  assert.equal(welcome.text, 'Welcome to Unknot', 'the heading of the welcome leads the layer');
  assert.equal(welcome.tab, `${welcome.text} · Unknot`, 'the tab is titled with the screen');
  await tap(page, 'Get started');
  await find(page, 'Next');
  const pressing = await heading();
  assert.equal(pressing.text, 'Pressing safely', "the next screen's heading replaces the welcome's");
  await shot(page, 'pressing-safely');
  await tap(page, 'Next');

  stepIs('onboarding: health profile and first pain rating');
  await find(page, /^(None of these|Save)$/);
  await shot(page, 'profile');
  await tap(page, /^(None of these|Save)$/);
  await tap(page, 'Pain 4');
  await tap(page, 'Save');
  await find(page, 'Where does it hurt?');
  await shot(page, 'home');
  // Nothing moves on Home: the app's loop rests, taking no frames, and a tap wakes it.
  await page.waitForFunction(() => Module.unknotWeb.resting === true, { timeout: 10000 });
  const stillResting = await page.evaluate(() => new Promise((resolve) => {
    setTimeout(() => resolve(Module.unknotWeb.resting), 500);
  }));
  assert.ok(stillResting, 'the loop stays at rest while nothing happens');

  stepIs('the homework file, through the file picker');
  const routine = fs.readFileSync(path.join(repo, 'tests', 'data', 'e2e_assets', 'routines', 'short.json'), 'utf8');
  const homework = path.join(work, 'Short test routine.unknot');
  fs.writeFileSync(homework, shortHomework(routine));
  await tap(page, 'Settings');
  await find(page, 'Open a homework file');
  const [chooser] = await Promise.all([
    page.waitForFileChooser({ timeout: 10000 }),
    tap(page, 'Open a homework file'),
  ]);
  await chooser.accept([homework]);
  await tap(page, 'Home');
  await find(page, 'Short test routine');
  await shot(page, 'home-homework');

  stepIs('the safety check before the first session');
  await tap(page, 'Short test routine');
  await shot(page, 'routine');
  await tap(page, 'Start');
  await find(page, /^No: /);
  await shot(page, 'safety');
  // Every question answered "no" (scrolling down to each), then Continue.
  const questions = (await labels(page)).filter((l) => l.startsWith('No: '));
  for (const q of questions) await tap(page, q);
  // Each answer is announced as chosen: "No" checked, its "Yes" not. The layer follows a change
  // that is not a new screen within a quarter of a second: waited for, not assumed.
  await page.waitForFunction((qs) => qs.every((q) => {
    const el = Array.from(document.querySelectorAll('#a11y button'))
      .find((b) => b.getAttribute('aria-label') === q);
    return el && el.getAttribute('aria-checked') === 'true';
  }), { timeout: 5000 }, questions).catch(() => {});
  const answered = await targets(page);
  for (const q of questions) {
    assert.equal(answered.find((t) => t.label === q).checked, 'true', `${q} is marked chosen`);
    assert.equal(answered.find((t) => t.label === 'Yes: ' + q.slice(4)).checked, 'false');
  }
  await tap(page, 'Continue');

  stepIs('pain before, and the session played to its end');
  await tap(page, 'Pain 6');
  await shot(page, 'pain-before');
  await tap(page, 'Continue');
  await find(page, 'Pause');
  assert.ok(await page.evaluate(() => Module.unknotWeb.keepingAwake), 'the screen is kept on');
  // The tab hidden mid-session (another app, the screen off): the session pauses and says so;
  // shown again, it waits for the person.
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await sleep(2000);
  await setHidden(true);
  await find(page, 'Resume', 5000);
  await setHidden(false);
  await sleep(500);
  await shot(page, 'session-paused');
  await find(page, 'Resume');
  await sleep(100);
  assert.match(await page.$eval('#live', (el) => el.textContent), /paused/i, 'the pause is announced');
  await tap(page, 'Resume');
  await find(page, 'Pause');
  // The browser takes the audio away (a call, another app): the clock stops with it, so the
  // session pauses rather than standing still while looking as if it ran.
  await sleep(1000);
  await page.evaluate(() => Module.SDL2.audioContext.suspend());
  await find(page, 'Resume', 8000);
  await page.evaluate(() => Module.SDL2.audioContext.resume());
  await tap(page, 'Resume');
  await find(page, 'Pause');
  await sleep(8000);
  await shot(page, 'session');
  // The spoken cue's caption reaches the live region for screen readers.
  const caption = await page.$eval('#live', (el) => el.textContent);
  assert.ok(caption.length > 0, 'a spoken cue was announced in the live region');
  await find(page, 'Save', 120000);  // the rating after the session
  await tap(page, 'Pain 2');
  await shot(page, 'pain-after');
  await tap(page, 'Save');
  await find(page, 'Done');
  await shot(page, 'summary');
  assert.ok(!(await page.evaluate(() => Module.unknotWeb.keepingAwake)), 'the screen may sleep again');
  await tap(page, 'Done');
  await find(page, 'Where does it hurt?');

  stepIs('a reload, and the session is in History');
  // The record reaches IndexedDB after each committed write.
  await page.waitForFunction(() => !Module.unknotWeb.saving, { timeout: 10000 });
  await page.reload();
  await waitForApp(page);
  // A screen reader presses the layer's button itself (no touch): the same History tab.
  await page.$eval('#a11y button[aria-label="History"]', (el) => el.click());
  await find(page, /Short test routine/);
  assert.equal((await targets(page)).find((t) => t.label === 'History').role, 'tab');
  await shot(page, 'history');

  stepIs('the browser refuses to store: said, kept in the tab, saved when it allows again');
  await tap(page, 'Settings');
  await page.evaluate(() => {
    window.realSyncfs = FS.syncfs;
    FS.syncfs = (populate, callback) => callback(new Error('QuotaExceededError'));
  });
  await tap(page, 'Reduce motion');
  await page.waitForFunction(() => /did not keep the last changes/.test(document.getElementById('live').textContent),
    { timeout: 10000 });
  await shot(page, 'storage-refused');
  await page.evaluate(() => { FS.syncfs = window.realSyncfs; });
  await tap(page, 'Reduce motion');
  await page.waitForFunction(() => /saved again/.test(document.getElementById('live').textContent),
    { timeout: 10000 });
  await sleep(300);
  await shot(page, 'storage-saved-again');  // the banner is gone
  await page.waitForFunction(() => !Module.unknotWeb.saving, { timeout: 10000 });

  stepIs('a report downloaded');
  await tap(page, 'Progress');
  await tap(page, 'Share report');
  // A text field: the page's hidden input takes the focus (a phone shows its keyboard), and text
  // that comes without key events (a phone keyboard, dictation) reaches the field.
  await tap(page, 'Name on the report');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-entry',
    { timeout: 5000 });
  // Longer than one SDL text event holds (31 bytes), with accents across the cut.
  await page.keyboard.sendCharacter('Alex Kim-Núñez de la Fuente Álvarez');
  await sleep(300);
  await shot(page, 'share-name');
  await tap(page, 'Save report');
  let report = '';
  for (let i = 0; i < 100 && !report; ++i) {
    report = fs.readdirSync(downloads).find((f) => f.endsWith('.html') && !f.endsWith('.crdownload')) || '';
    if (!report) await sleep(100);
  }
  assert.ok(report, 'the report was downloaded');
  const reportText = fs.readFileSync(path.join(downloads, report), 'utf8');
  assert.match(reportText, /Short test routine/);
  assert.match(reportText, /Alex Kim/, 'the name typed on the on-screen keyboard is on the report');
  assert.match(reportText, /Alex Kim-Núñez de la Fuente Álvarez/,
    'a long text from the on-screen keyboard arrives whole, accents intact');
  await find(page, 'Done');
  await shot(page, 'report-downloaded');
  await tap(page, 'Done');
  const reportPage = await phonePage(browser);
  await reportPage.goto('file://' + path.join(downloads, report));
  if (shotDir) await reportPage.screenshot({ path: path.join(shotDir, 'report.png'), fullPage: true });
  await reportPage.close();

  stepIs('a second tab, in Spanish: the page says in its words that the app is open elsewhere');
  const second = await phonePage(browser);
  await second.evaluateOnNewDocument(() => {
    localStorage.setItem('unknot-language', 'es');  // as if the app last spoke Spanish
    Object.defineProperty(navigator, 'languages', { get: () => ['es-ES'] });
  });
  await second.goto(page.url());
  await second.waitForFunction(() => !document.getElementById('notice').hidden, { timeout: 30000 });
  assert.match(await second.$eval('#notice', (el) => el.textContent),
    /^Unknot ya está abierto en otra pestaña o ventana\./);
  assert.equal(await second.$eval('#loading p', (el) => el.textContent), 'Abriendo Unknot\u2026');
  assert.equal(await second.evaluate(() => document.documentElement.lang), 'es');
  await second.evaluate(() => localStorage.setItem('unknot-language', 'en'));
  await second.close();

  stepIs('offline: the service worker serves the app with the server stopped');
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg && reg.active);
  }, { timeout: 30000 });
  await server.close();
  await page.reload();
  await waitForApp(page);
  await find(page, 'Where does it hurt?');
  await tap(page, 'History');
  await find(page, /Short test routine/);

  stepIs('a new version is picked up on the next launch, and the record is kept');
  const next = path.join(work, 'site-next');
  fs.cpSync(site, next, { recursive: true });
  const index = path.join(next, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>Unknot</title>',
    '<title>Unknot</title><meta name="unknot-test-version" content="next">'));
  const worker = path.join(next, 'sw.js');
  fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = '[^']*'/,
    "const VERSION = 'next-test'"));
  const server2 = await startServer(next, server.port);  // the same origin: the same record
  try {
    await page.reload();  // this launch: the old version, while the new one installs beside it
    await waitForApp(page);
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return Boolean(reg && reg.active && !reg.installing && !reg.waiting &&
        (await caches.keys()).includes('unknot-next-test'));
    }, { timeout: 30000 });
    await page.reload();  // the next launch: the new version
    await waitForApp(page);
    assert.ok(await page.$('meta[name="unknot-test-version"]'), 'the new version is the one running');
    await tap(page, 'History');
    await find(page, /Short test routine/);
  } finally {
    await server2.close();
  }

  console.log('web e2e: passed');
} catch (e) {
  console.error(`web e2e: FAILED at "${step}": ${e.stack || e}`);
  if (page && shotDir) await shot(page, 'failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close().catch(() => {});
}
