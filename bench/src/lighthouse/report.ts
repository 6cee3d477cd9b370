/**
 * The Lighthouse benchmark's results: medians per page with the floors of the same run, JSON and Markdown.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageResult {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  bytes: number;
  /** Lighthouse's measure of this machine's speed at that moment (a quiet desktop is ~1,500–2,500). */
  benchmarkIndex: number;
}

export interface LighthouseReport {
  samples: Map<string, PageResult[]>;
  runs: number;
  loadBefore: number[];
  loadAfter: number[];
  lighthouse: string;
}

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../results');
const TARGET = 95;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function writeLighthouseReport(report: LighthouseReport): Promise<void> {
  const at = new Date().toISOString();
  const pages = [...report.samples].map(([label, results]) => ({
    label,
    scores: results.map((r) => r.score),
    median: Object.fromEntries(
      (Object.keys(results[0]!) as (keyof PageResult)[]).map((key) => [key, median(results.map((r) => r[key]))]),
    ) as unknown as PageResult,
  }));
  const stamp = at.slice(0, 16).replace(/:/g, '');
  const json = { at, ...report, samples: undefined, pages };
  writeFileSync(path.join(resultsDir, `${stamp}-lighthouse.json`), `${JSON.stringify(json, null, 2)}\n`);
  const markdown = toMarkdown(at, report, pages);
  writeFileSync(path.join(resultsDir, `${stamp}-lighthouse.md`), markdown);
  writeFileSync(path.join(resultsDir, 'latest-lighthouse.md'), markdown);
  console.log(markdown);
}

function toMarkdown(
  at: string,
  report: LighthouseReport,
  pages: { label: string; scores: number[]; median: PageResult }[],
): string {
  const [ours, shell, machine] = pages;
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  return [
    `# Lighthouse (mobile, simulated throttling) ${at}`,
    '',
    `${report.lighthouse}, Debian Chromium, ${report.runs} runs per page alternating; load average before ` +
      `${load(report.loadBefore)}, after ${load(report.loadAfter)}.`,
    '',
    '| page | median score | runs | FCP ms | LCP ms | TBT ms | CLS | bytes | benchmarkIndex |',
    '|---|---|---|---|---|---|---|---|---|',
    ...pages.map(
      ({ label, scores, median: m }) =>
        `| ${label} | ${m.score} | ${scores.join(', ')} | ${Math.round(m.fcpMs)} | ${Math.round(m.lcpMs)} | ` +
        `${Math.round(m.tbtMs)} | ${m.cls.toFixed(3)} | ${Math.round(m.bytes)} | ${Math.round(m.benchmarkIndex)} |`,
    ),
    '',
    `Target: 项目信息 ≥ ${TARGET} — ${ours && ours.median.score >= TARGET ? 'met' : 'missed'}` +
      (ours && shell && machine
        ? `; 项目信息 reaches ${((ours.median.score / machine.median.score) * 100).toFixed(0)} % of the machine ` +
          `floor's score and ${((ours.median.score / shell.median.score) * 100).toFixed(0)} % of the shell's.`
        : '.'),
    'Lighthouse simulates a slow phone from the tasks it observes, so a loaded machine (low benchmarkIndex) lowers',
    'every row: compare 项目信息 with the floors of the same run, not with another machine.',
    '',
  ].join('\n');
}
