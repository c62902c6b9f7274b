// The benches' way into a session: through a new person's welcome to Home, then a breathing
// session (the coach's first pattern), as bench/web/budgets.mjs measures it.
import { find, tap } from '../../tests/web/support.mjs';

export async function throughWelcome(page) {
  await tap(page, 'Get started');
  await tap(page, 'Next');
  await tap(page, /^(None of these|Save)$/);
  await tap(page, 'Pain 3');
  await tap(page, 'Save');
}

export async function startBreathing(page) {
  await tap(page, 'Just breathe');
  const list = await page.$$eval('#a11y button', (els) => els.map((e) => e.getAttribute('aria-label')));
  await tap(page, list.find((l) => l && l !== 'Back' && !/^(New pattern|Sound)/.test(l)));
  await tap(page, /^(Start|Begin)/);
  await find(page, /^(Pause|Stop|End)/);
}
