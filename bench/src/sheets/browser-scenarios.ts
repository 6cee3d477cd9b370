/// <reference lib="dom" />
/**
 * The three on-device figures: a tap to the updated score on screen (beside the same tap on a static page that only
 * changes a number), opening an inspection with no network (19 sheets beside an empty one), and a deduction on one
 * phone to the change on the other's screen. "On screen" is the first animation frame after the DOM changed.
 *
 * @module
 */
import type { Page } from '@playwright/test';

/** Clicks `button` and resolves with ms until `watched`'s text changed and a frame was produced. */
async function timedTap(page: Page, button: string, watched: string): Promise<number> {
  return page.evaluate(
    ([buttonSelector, watchedSelector]) =>
      new Promise<number>((resolve, reject) => {
        const target = document.querySelector<HTMLElement>(buttonSelector!);
        const shown = document.querySelector(watchedSelector!);
        if (!target || !shown) return reject(new Error(`missing ${buttonSelector} or ${watchedSelector}`));
        const before = shown.textContent;
        const observer = new MutationObserver(() => {
          if (shown.textContent === before) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(shown, { childList: true, characterData: true, subtree: true });
        const start = performance.now();
        target.click();
      }),
    [button, watched],
  );
}

/** Tap latency on the sheet page: one rule toggled on and off `taps` times. */
export async function tapSamples(page: Page, ruleId: string, taps: number): Promise<number[]> {
  const button = `[data-rule-id="${ruleId}"] button[aria-pressed]`;
  await timedTap(page, button, '[data-testid="sheet-score"]'); // creates the sheet; not counted
  const samples: number[] = [];
  for (let i = 0; i < taps; i++) samples.push(await timedTap(page, button, '[data-testid="sheet-score"]'));
  return samples;
}

/** The floor: a static page whose button only changes a number. */
export async function floorTapSamples(page: Page, taps: number): Promise<number[]> {
  await page.setContent(
    `<main><button id="tap" type="button">扣分</button><strong id="score">100</strong></main>
     <script>let n = 100; document.getElementById('tap').onclick = () => {
       n = n === 100 ? 90 : 100; document.getElementById('score').textContent = String(n); };</script>`,
  );
  const samples: number[] = [];
  for (let i = 0; i < taps; i++) samples.push(await timedTap(page, '#tap', '#score'));
  return samples;
}

/**
 * Records, in every document of the page, when the sheet page is usable: rules tappable and `bench:saved` tables
 * listed as 已保存 (or, for the bare-shell floor, when `bench:selector` matches). A string, not a function: tsx's
 * name-keeping helpers do not exist in the page.
 */
export const READY_PROBE = `(() => {
  const check = () => {
    const selector = sessionStorage.getItem('bench:selector');
    if (selector) {
      if (!document.querySelector(selector)) return false;
      window.__benchReady = performance.now();
      return true;
    }
    const expected = Number(sessionStorage.getItem('bench:saved') ?? '0');
    const saved = document.querySelectorAll('.side [data-testid="table-state"][data-state="已保存"]').length;
    const tappable = document.querySelector('[data-rule-id] button[aria-pressed]');
    if (!tappable || saved < expected) return false;
    window.__benchReady = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  document.addEventListener('DOMContentLoaded', () => {
    if (!check()) observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
})();`;

/**
 * The bare-shell floor: the same offline open through the same service worker and SvelteKit start, of a path with
 * no route (the app's own 页面不存在 page: no sign-in check, no IndexedDB, no catalog), until its heading shows.
 */
export const BARE_SHELL = { url: '/bench-no-such-page', selector: 'main h1, main h2' };

/**
 * Reloads the (offline) page and returns ms from navigation start to usable: `savedTables` listed as 已保存 on the
 * sheet page, or `selector` present.
 */
export async function timedOpen(page: Page, url: string, savedTables: number, selector = ''): Promise<number> {
  await page.evaluate(
    ([n, css]) => {
      sessionStorage.setItem('bench:saved', String(n));
      sessionStorage.setItem('bench:selector', css!);
    },
    [String(savedTables), selector] as const,
  );
  await page.goto(url);
  try {
    await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady !== undefined, null, {
      timeout: 30_000,
    });
  } catch (error) {
    await page.screenshot({ path: '/tmp/bench-sheets-open-failure.png' });
    const seen = await page.evaluate(() => ({
      expected: sessionStorage.getItem('bench:saved'),
      saved: document.querySelectorAll('.side [data-testid="table-state"][data-state="已保存"]').length,
      states: [...document.querySelectorAll('.side [data-testid="table-state"]')].map((e) => e.textContent).join(','),
      tappable: document.querySelector('[data-rule-id] button[aria-pressed]') !== null,
    }));
    console.error('[bench:sheets] page never became usable:', seen);
    throw error;
  }
  return page.evaluate(() => (window as unknown as { __benchReady: number }).__benchReady);
}

/** ms from a tap on `from` to the changed total on `to`'s screen, on one machine's clock. */
export async function remoteSample(from: Page, to: Page, ruleId: string): Promise<number> {
  await to.evaluate(() => {
    const shown = document.querySelector('[data-testid="bar-total"]')!;
    const before = shown.textContent;
    (window as unknown as { __arrived?: Promise<number> }).__arrived = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (shown.textContent === before) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      });
      observer.observe(shown, { childList: true, characterData: true, subtree: true });
    });
  });
  const sent = await from.evaluate((selector) => {
    const at = performance.timeOrigin + performance.now();
    document.querySelector<HTMLElement>(selector)!.click();
    return at;
  }, `[data-rule-id="${ruleId}"] button[aria-pressed]`);
  const arrived = await to.evaluate(() => (window as unknown as { __arrived: Promise<number> }).__arrived);
  return arrived - sent;
}
