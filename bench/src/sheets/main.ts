/**
 * `pnpm bench:sheets`: the score-sheet page on a 4× throttled CPU in a phone viewport (Debian Chromium), and the
 * server's materializer. Each figure is reported beside a floor from the same run, as a ratio, so a noisy shared
 * machine still reads. Needs `pnpm build` first. Writes `bench/results/<stamp>-sheets.{json,md}` and
 * `latest-sheets.md`.
 *
 * Options: `--quick` (fewer samples, results get a `-quick` suffix), `--port <n>` (default 4274).
 *
 * @module
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { getJgj59Catalog } from '@anguan/standards';
import { BARE_SHELL, floorTapSamples, READY_PROBE, remoteSample, tapSamples, timedOpen } from './browser-scenarios';
import { measureMaterialize } from './materialize';
import { writeReport, type SheetsReport } from './report';
import { startBenchServer } from './server';
import { summarize } from './stats';
import { fillEveryTable, newJgj59Inspection, PHONE, signedInPhone, throttle, waitSheet, waitSynced } from './ui';

const quick = process.argv.includes('--quick');
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4274;
const counts = quick ? { taps: 15, opens: 3, remote: 10, iterations: 100 } : { taps: 60, opens: 9, remote: 40, iterations: 500 };
const CPU_RATE = 4;

const catalog = getJgj59Catalog();
/** A fixed one-off rule of the first table: each tap toggles it, so the score alternates. */
const TAP_RULE = catalog.tables[0]!.items.flatMap((i) => i.deductions).find((r) => !r.pointsRange && !r.per)!.id;
const TABLES = catalog.tables.map((t) => ({ id: t.id, firstRuleId: t.items[0]!.deductions[0]!.id }));

async function main(): Promise<void> {
  console.log(`[bench:sheets] materializer, ${counts.iterations} iterations`);
  const materialize = await measureMaterialize(counts.iterations);
  const server = await startBenchServer(port);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const report = await runBrowser(browser, server.baseUrl);
    await writeReport({ ...report, materialize, quick, cpuThrottlingRate: CPU_RATE, counts });
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function runBrowser(browser: Browser, baseUrl: string): Promise<Omit<SheetsReport, 'materialize' | 'quick' | 'cpuThrottlingRate' | 'counts'>> {
  const a = await signedInPhone(browser, baseUrl, '13800000001');
  await a.context().addInitScript({ content: READY_PROBE });
  console.log('[bench:sheets] filling a 19-sheet inspection through the UI');
  const full = await newJgj59Inspection(a);
  await fillEveryTable(a, TABLES);
  const empty = await newJgj59Inspection(a);
  await a.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  console.log('[bench:sheets] opening offline');
  const open = await measureOpen(a, full, empty);

  console.log('[bench:sheets] tap → score');
  await a.goto(`/inspections/${empty}`);
  await waitSynced(a);
  await waitSheet(a);
  await throttle(a, CPU_RATE);
  const tap = summarize(await tapSamples(a, TAP_RULE, counts.taps));
  const floorPage = await (await browser.newContext(PHONE)).newPage();
  await throttle(floorPage, CPU_RATE);
  const floor = summarize(await floorTapSamples(floorPage, counts.taps));

  console.log('[bench:sheets] one phone → the other');
  const b = await signedInPhone(browser, baseUrl, '13800000002');
  await b.goto(`/inspections/${empty}`);
  await waitSynced(b);
  await waitSheet(b);
  await throttle(b, CPU_RATE);
  const remoteSamples: number[] = [];
  for (let i = 0; i < counts.remote; i++) remoteSamples.push(await remoteSample(a, b, TAP_RULE));
  return { tap, tapFloor: floor, open, remote: summarize(remoteSamples) };
}

async function measureOpen(page: Page, full: string, empty: string) {
  await page.context().setOffline(true);
  await throttle(page, CPU_RATE);
  const fullSamples: number[] = [];
  const emptySamples: number[] = [];
  const shellSamples: number[] = [];
  for (let i = 0; i < counts.opens; i++) {
    fullSamples.push(await timedOpen(page, `/inspections/${full}`, TABLES.length));
    emptySamples.push(await timedOpen(page, `/inspections/${empty}`, 0));
    shellSamples.push(await timedOpen(page, BARE_SHELL.url, 0, BARE_SHELL.selector));
  }
  await page.evaluate(() => sessionStorage.removeItem('bench:selector'));
  await throttle(page, 1);
  await page.context().setOffline(false);
  return { full: summarize(fullSamples), empty: summarize(emptySamples), shell: summarize(shellSamples) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
