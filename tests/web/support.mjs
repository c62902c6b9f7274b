// Shared by the web end-to-end test and the budgets bench: Debian's Chromium started headless
// with a fresh profile, a phone viewport with touch, and helpers that find the app's controls
// through its accessible layer and press them with a finger on the canvas.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const phone = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export async function launch(profileDir) {
  const dir = profileDir || fs.mkdtempSync(path.join(os.tmpdir(), 'unknot-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.UNKNOT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: dir,
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--mute-audio',
    ],
  });
  return { browser, profile: dir };
}

export async function phonePage(browser) {
  const page = await browser.newPage();
  await page.setViewport(phone);
  page.on('pageerror', (e) => console.log('page error:', e.message));
  page.on('console', (m) => {
    if (process.env.UNKNOT_WEB_VERBOSE || m.type() === 'error') console.log('page:', m.text());
  });
  return page;
}

// Waits until the app has drawn and mirrored its first screen.
export async function waitForApp(page, timeout = 60000) {
  await page.waitForSelector('body.running', { timeout });
  await page.waitForFunction(() => document.querySelectorAll('#a11y button').length > 0, { timeout });
}

// The accessible layer as the test sees it: label, role, state, box (CSS px).
export async function targets(page) {
  return page.$$eval('#a11y button', (els) => els.map((el) => ({
    label: el.getAttribute('aria-label'),
    role: el.getAttribute('role') || 'button',
    checked: el.getAttribute('aria-checked'),
    disabled: el.getAttribute('aria-disabled') === 'true',
    x: parseFloat(el.style.left), y: parseFloat(el.style.top),
    w: parseFloat(el.style.width), h: parseFloat(el.style.height),
  })));
}

function matches(label, want) {
  return want instanceof RegExp ? want.test(label) : label === want;
}

// Waits for a control whose label matches, scrolled into the window if it is below it.
export async function find(page, want, timeout = 20000) {
  const until = Date.now() + timeout;
  for (;;) {
    const all = await targets(page);
    const hit = all.find((t) => matches(t.label, want) && !t.disabled);
    const viewH = phone.height;
    if (hit && hit.y >= 0 && hit.y + hit.h <= viewH && hit.h > 8) return hit;
    if (hit) {
      // Below (or above) the window: a finger drags the content towards it.
      const up = hit.y + hit.h > viewH;
      await drag(page, 195, up ? 600 : 300, 195, up ? 300 : 600);
    } else if (Date.now() > until) {
      throw new Error(`no control "${want}" on this screen; it has: ` +
        all.map((t) => JSON.stringify(t.label)).join(', '));
    } else {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (Date.now() > until) {
      throw new Error(`control "${want}" never came into view`);
    }
  }
}

// A finger taps the control's middle, on the canvas (the layer lets touches through).
export async function tap(page, want, timeout) {
  const t = await find(page, want, timeout);
  await page.touchscreen.tap(t.x + t.w / 2, t.y + Math.min(t.h / 2, 28));
  await new Promise((r) => setTimeout(r, 150));
  return t;
}

export async function drag(page, x0, y0, x1, y1) {
  await page.touchscreen.touchStart(x0, y0);
  const steps = 8;
  for (let i = 1; i <= steps; ++i) {
    await page.touchscreen.touchMove(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
    await new Promise((r) => setTimeout(r, 16));
  }
  await new Promise((r) => setTimeout(r, 120));  // held still: no fling
  await page.touchscreen.touchEnd();
  await new Promise((r) => setTimeout(r, 250));
}

export async function labels(page) {
  return (await targets(page)).map((t) => t.label);
}

// A homework file for today: the one-minute routine the native end-to-end test plays.
export function shortHomework(routineText) {
  const day = (offset) => {
    const d = new Date(Date.now() + offset * 86400000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  return JSON.stringify({
    format: 'unknot-homework',
    format_version: 1,
    id: 'hw-web-e2e',
    revision: 1,
    routine: JSON.parse(routineText),
    prescription: {
      times_per_day: 1, start: day(-1), end: day(27), therapist: 'Sam Lee',
      note: 'Slowly, and breathe out as you lean in.',
    },
  }, null, 2);
}
