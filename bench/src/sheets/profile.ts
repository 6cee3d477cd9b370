/**
 * `node --import tsx src/sheets/profile.ts [--port n] [--taps n]`: where a tap's time goes on the sheet page, for
 * whoever tunes it. Not a benchmark (no floor, nothing saved under results/): it runs the same taps as
 * `bench:sheets` on a 4× throttled phone with the DevTools CPU profiler on, prints the functions with the most self
 * time, and splits the remote figure into sender (tap → socket send), server and network (send → receive) and
 * receiver (receive → screen) using the page's own clock. Build with `--minify false` for readable names.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { getJgj59Catalog } from '@anguan/standards';
import { remoteSample, tapSamples } from './browser-scenarios';
import { startBenchServer } from './server';
import { summarize } from './stats';
import { newJgj59Inspection, signedInPhone, throttle, waitSheet, waitSynced } from './ui';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const port = arg('--port', 4275);
const taps = arg('--taps', 40);
const catalog = getJgj59Catalog();
const RULE = catalog.tables[0]!.items.flatMap((i) => i.deductions).find((r) => !r.pointsRange && !r.per)!.id;

/** Logs, on the page's wall clock, every websocket message sent and received. */
const SOCKET_LOG = `(() => {
  const Native = window.WebSocket;
  const log = (window.__socketLog = []);
  const now = () => performance.timeOrigin + performance.now();
  addEventListener('click', () => (window.__clickedAt = now()), true);
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => log.push(['recv', now(), e.data.byteLength ?? e.data.length]));
    }
    send(data) {
      log.push(['send', now(), data.byteLength ?? data.length]);
      super.send(data);
    }
  };
})();`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

async function profiled<T>(page: Page, file: string, work: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  writeFileSync(file, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].filter(([w]) => !w.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`\n${file}: self time, ms`);
  for (const [where, ms] of top) console.log(`${ms.toFixed(1).padStart(8)}  ${where}`);
  return result;
}

async function main(): Promise<void> {
  const server = await startBenchServer(port);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const a = await signedInPhone(browser, server.baseUrl, '13800000001');
    await a.context().addInitScript({ content: SOCKET_LOG });
    const id = await newJgj59Inspection(a);
    await a.goto(`/inspections/${id}`);
    await waitSynced(a);
    await waitSheet(a);
    await throttle(a, 4);
    const tap = await profiled(a, '/tmp/sheets-tap.cpuprofile', () => tapSamples(a, RULE, taps));
    console.log('tap → score', summarize(tap));
    const phases = { handler: [] as number[], toDom: [] as number[], toFrame: [] as number[] };
    for (let i = 0; i < taps; i++) {
      const [handler, toDom, toFrame] = await tapPhases(a, RULE);
      phases.handler.push(handler!);
      phases.toDom.push(toDom!);
      phases.toFrame.push(toFrame!);
    }
    for (const [name, samples] of Object.entries(phases)) console.log(`tap phase ${name}`, summarize(samples));

    const b = await signedInPhone(browser, server.baseUrl, '13800000002');
    await b.context().addInitScript({ content: SOCKET_LOG });
    await b.goto(`/inspections/${id}`);
    await waitSynced(b);
    await waitSheet(b);
    await throttle(b, 4);
    const parts = { sender: [] as number[], transit: [] as number[], receiver: [] as number[], total: [] as number[] };
    await profiled(b, '/tmp/sheets-remote-receiver.cpuprofile', async () => {
      for (let i = 0; i < taps; i++) {
        const [sentFrom, receivedFrom] = await Promise.all([logLength(a), logLength(b)]);
        const total = await remoteSample(a, b, RULE);
        const sent = (await logSince(a, sentFrom)).find((e) => e[0] === 'send');
        const received = (await logSince(b, receivedFrom)).find((e) => e[0] === 'recv');
        parts.total.push(total);
        if (sent && received) {
          const clicked = await lastClick(a);
          parts.sender.push(sent[1] - clicked);
          parts.transit.push(received[1] - sent[1]);
          parts.receiver.push(clicked + total - received[1]);
        }
      }
    });
    for (const [name, samples] of Object.entries(parts)) console.log(name, summarize(samples));
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** ms of the click handler itself, then to the score's DOM change, then to the next frame (each from the click). */
function tapPhases(page: Page, ruleId: string): Promise<number[]> {
  return page.evaluate(
    (selector) =>
      new Promise<number[]>((resolve) => {
        const shown = document.querySelector('[data-testid="sheet-score"]')!;
        const before = shown.textContent;
        let handled = 0;
        const observer = new MutationObserver(() => {
          if (shown.textContent === before) return;
          observer.disconnect();
          const dom = performance.now() - start;
          requestAnimationFrame(() => resolve([handled, dom, performance.now() - start]));
        });
        observer.observe(shown, { childList: true, characterData: true, subtree: true });
        const start = performance.now();
        document.querySelector<HTMLElement>(selector)!.click();
        handled = performance.now() - start;
      }),
    `[data-rule-id="${ruleId}"] button[aria-pressed]`,
  );
}

const logLength = (page: Page) => page.evaluate(() => (window as unknown as { __socketLog: unknown[] }).__socketLog.length);
const logSince = (page: Page, from: number) =>
  page.evaluate(
    (start) => (window as unknown as { __socketLog: [string, number, number][] }).__socketLog.slice(start),
    from,
  );
const lastClick = (page: Page) => page.evaluate(() => (window as unknown as { __clickedAt: number }).__clickedAt);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
