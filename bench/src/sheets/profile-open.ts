/**
 * `node --import tsx src/sheets/profile-open.ts [--port n] [--opens n]`: where the offline open of an inspection
 * goes, for whoever tunes it. Not a benchmark (nothing saved under results/). Opens an empty JGJ59 inspection with no
 * network on a 4× throttled phone, prints the page's resource and paint timeline, then records one open with
 * Chrome tracing and prints script evaluation/compile time per file and the biggest main-thread tasks.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { READY_PROBE, timedOpen } from './browser-scenarios';
import { startBenchServer } from './server';
import { newJgj59Inspection, signedInPhone, throttle } from './ui';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const port = arg('--port', 4276);
const opens = arg('--opens', 3);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; functionName?: string }; fileName?: string };
}

/** The page's own view of one open: resources (from the service worker) and when it became usable. */
async function pageTimeline(page: Page): Promise<void> {
  const entries = await page.evaluate(() => ({
    ready: (window as unknown as { __benchReady: number }).__benchReady,
    resources: performance
      .getEntriesByType('resource')
      .map((e) => [
        e.name.replace(location.origin, ''),
        Math.round(e.startTime),
        Math.round((e as PerformanceResourceTiming).responseEnd),
      ]),
    paints: performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)]),
    nav: performance.getEntriesByType('navigation').map((e) => {
      const n = e as PerformanceNavigationTiming;
      return {
        responseEnd: Math.round(n.responseEnd),
        domInteractive: Math.round(n.domInteractive),
        dcl: Math.round(n.domContentLoadedEventEnd),
      };
    }),
  }));
  console.log(
    JSON.stringify(entries.nav),
    'paints',
    JSON.stringify(entries.paints),
    'ready',
    Math.round(entries.ready),
  );
  for (const [name, start, end] of entries.resources) {
    console.log(`  ${String(start).padStart(6)} → ${String(end).padStart(6)}  ${name}`);
  }
}

function summarizeTrace(events: TraceEvent[]): void {
  const byUrl = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    const url = e.args?.data?.url ?? e.args?.fileName;
    if (
      url &&
      /EvaluateScript|v8\.compile|FunctionCall|v8\.run|v8\.evaluateModule|CompileScript|CompileCode/.test(
        e.name,
      )
    ) {
      const key = `${e.name} ${url.split('/').pop()}`;
      byUrl.set(key, (byUrl.get(key) ?? 0) + e.dur / 1000);
    }
  }
  console.log('\ntrace: total ms by event name (top 25)');
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${ms.toFixed(1).padStart(9)}  ${name}`);
  }
  console.log('\ntrace: script work by file (top 25)');
  for (const [name, ms] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${ms.toFixed(1).padStart(9)}  ${name}`);
  }
  const tasks = events
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 30_000)
    .sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0]?.ts ?? 0;
  console.log('\ntrace: main-thread tasks over 30 ms (start, ms)');
  for (const t of tasks) {
    const start = ((t.ts - t0) / 1000).toFixed(0).padStart(6);
    console.log(`  +${start}  ${((t.dur ?? 0) / 1000).toFixed(1)} ms  tid ${t.tid}`);
  }
}

/** One open under the DevTools CPU profiler: self time by file and by function. */
async function cpuProfiledOpen(page: Page, url: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const ms = await timedOpen(page, url, 0);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  writeFileSync('/tmp/sheets-open.cpuprofile', JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = frame.url.split('/').pop() || frame.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  console.log(`\nprofiled open: ${ms.toFixed(0)} ms; self time by file`);
  for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${v.toFixed(1).padStart(9)}  ${k}`);
  }
  console.log('self time by function');
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${v.toFixed(1).padStart(9)}  ${k}`);
  }
}

async function main(): Promise<void> {
  const server = await startBenchServer(port);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await signedInPhone(browser, server.baseUrl, '13800000001');
    await page.context().addInitScript({ content: READY_PROBE });
    const id = await newJgj59Inspection(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const url = process.argv.includes('--url')
      ? process.argv[process.argv.indexOf('--url') + 1]!
      : `/inspections/${id}`;
    await page.context().setOffline(true);
    await throttle(page, 4);
    for (let i = 0; i < opens; i++) {
      const ms = await timedOpen(page, url, 0);
      console.log(`\nopen ${i + 1}: ${ms.toFixed(0)} ms`);
      await pageTimeline(page);
    }
    await cpuProfiledOpen(page, url);
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'v8.execute',
        'disabled-by-default-devtools.timeline',
        'v8',
        'blink',
        'loading',
      ],
    });
    const ms = await timedOpen(page, url, 0);
    const buffer = await browser.stopTracing();
    writeFileSync('/tmp/sheets-open.trace.json', buffer);
    console.log(`\ntraced open: ${ms.toFixed(0)} ms (trace in /tmp/sheets-open.trace.json)`);
    const parsed = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
    summarizeTrace(parsed.traceEvents);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
