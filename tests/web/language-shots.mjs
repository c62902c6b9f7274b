// Screenshots of the web app's main journey in another language, for the README: a phone
// (390x844 at x3) whose browser asks for that language, through the welcome, the pressing-safely
// page, Home, a breathing pattern, a session, Progress and Settings.
//   node tests/web/language-shots.mjs build/web docs/screenshots/es es
// The controls are found by their labels in that language (po/<code>.po, read here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './serve.mjs';
import { launch, phonePage, waitForApp, tap } from './support.mjs';

const [site = 'build/web', out = 'docs/screenshots/es', code = 'es'] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// English text -> the catalog's translation (no context, first one found).
function catalog(file) {
  const text = fs.readFileSync(file, 'utf8');
  const map = new Map();
  const entry = /(?:msgctxt "(?:[^"\\]|\\.)*"\n)?msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"/g;
  for (const m of text.matchAll(entry)) {
    if (!m[0].startsWith('msgctxt') && !map.has(m[1])) map.set(m[1], m[2]);
  }
  return map;
}
const words = catalog(path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'po',
  `${code}.po`));
const t = (english) => words.get(english) || english;

fs.mkdirSync(out, { recursive: true });
const server = await startServer(site);
const { browser } = await launch(fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-shots-')));
try {
  const page = await phonePage(browser);
  await page.evaluateOnNewDocument((language) => {
    Object.defineProperty(navigator, 'language', { get: () => language });
    Object.defineProperty(navigator, 'languages', { get: () => [language] });
  }, code);
  await page.goto(`http://localhost:${server.port}/`);
  await waitForApp(page);
  const shot = async (name) => {
    await sleep(700);  // eased motion settles
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`${out}/${name}.png`);
  };
  await shot('1-welcome');
  await tap(page, t('Get started'));
  await shot('2-pressing-safely');
  await tap(page, t('Next'));
  await shot('3-health-profile');
  await tap(page, new RegExp(`^(${t('None of these')}|${t('Save')})$`));
  await shot('4-pain-before');
  await tap(page, /3$/);
  await tap(page, t('Save'));
  await shot('5-home');
  await tap(page, t('Just breathe'));
  await shot('6-breathing-list');
  const list = await page.$$eval('#a11y button', (els) => els.map((e) => e.getAttribute('aria-label')));
  await tap(page, list.find((l) => l && !/^(Atrás|Back|Sonido|Sound|Nuevo|New)/.test(l)));
  await shot('7-pattern');
  await tap(page, new RegExp(`^(${t('Start')}|${t('Begin')})`));
  await sleep(4000);
  await shot('8-session');
} finally {
  await browser.close();
  await server.close();
}
