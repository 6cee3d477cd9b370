/**
 * The sheets benchmark's results: JSON for tools, Markdown for people, each figure with its floor and ratio and
 * the target.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MaterializeFigures } from './materialize';
import { ratio, type Summary } from './stats';

export interface SheetsReport {
  quick: boolean;
  cpuThrottlingRate: number;
  counts: Record<string, number>;
  tap: Summary;
  tapFloor: Summary;
  open: { full: Summary; empty: Summary; shell: Summary };
  remote: Summary;
  materialize: MaterializeFigures;
}

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../results');

export async function writeReport(report: SheetsReport): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace(/^(\d{8})T/, (_, d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T`);
  const name = `${stamp}-sheets${report.quick ? '-quick' : ''}`;
  const withContext = { ...report, at: new Date().toISOString(), loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(withContext, null, 2)}\n`);
  const markdown = toMarkdown(withContext);
  writeFileSync(path.join(resultsDir, `${name}.md`), markdown);
  if (!report.quick) writeFileSync(path.join(resultsDir, 'latest-sheets.md'), markdown);
  console.log(markdown);
}

function toMarkdown(r: SheetsReport & { at: string; loadAverage: number[] }): string {
  const m = r.materialize;
  const row = (what: string, value: string, floor: string, times: number | null, target: string, met: boolean | null) =>
    `| ${what} | ${value} | ${floor} | ${times ?? '—'}× | ${target} | ${met === null ? '' : met ? 'met' : 'missed'} |`;
  return [
    `# Sheets benchmark ${r.at}${r.quick ? ' (quick)' : ''}`,
    '',
    `CPU throttled ${r.cpuThrottlingRate}× (CDP), phone viewport 390×844, Debian Chromium; load average ${r.loadAverage.join(' / ')}.`,
    '',
    '| figure | ours | floor (same run) | ratio | target | |',
    '|---|---|---|---|---|---|',
    row(`tap → score on screen, p95 (n=${r.tap.n})`, `${r.tap.p95} ms (p50 ${r.tap.p50})`, `${r.tapFloor.p95} ms static page (p50 ${r.tapFloor.p50})`, ratio(r.tap.p95, r.tapFloor.p95), '≤ 50 ms', r.tap.p95 <= 50),
    row(`open 19-sheet inspection offline → interactive, p50 / max (n=${r.open.full.n})`, `${r.open.full.p50} / ${r.open.full.max} ms`, `${r.open.empty.p50} / ${r.open.empty.max} ms empty inspection`, ratio(r.open.full.p50, r.open.empty.p50), '≤ 1000 ms', r.open.full.p50 <= 1000),
    row('… the empty inspection, p50 / max', `${r.open.empty.p50} / ${r.open.empty.max} ms`, `${r.open.shell.p50} / ${r.open.shell.max} ms bare app shell`, ratio(r.open.empty.p50, r.open.shell.p50), '—', null),
    row(`deduction → other phone's screen, p95 (n=${r.remote.n})`, `${r.remote.p95} ms (p50 ${r.remote.p50})`, `${r.tap.p95} ms local tap p95`, ratio(r.remote.p95, r.tap.p95), '≤ 250 ms', r.remote.p95 <= 250),
    row(`materialize 19 sheets, CPU per run (n=${m.materialize.n})`, `${m.cpuPerMaterializeMs} ms (wall p95 ${m.materialize.p95})`, `${m.engineOnly.p50} ms engine alone (p50)`, ratio(m.materialize.p50, m.engineOnly.p50), '≤ 20 ms', m.cpuPerMaterializeMs <= 20),
    '',
    'Floors: the same tap on a static page that only changes a number; the same offline open of an empty',
    'inspection, and below it the bare app shell (the same service worker and SvelteKit start, opening a path with',
    'no route: the app\'s 页面不存在 page, no sign-in check, IndexedDB or catalog); for the remote figure, the local',
    'tap on the sending phone; for the materializer, the standards engine scoring the same input without building',
    'rows. "On screen" is the first animation frame after the DOM changed. Not timed assertions: nothing fails on a',
    'miss.',
    '',
  ].join('\n');
}
