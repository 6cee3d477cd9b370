/** One scenario's samples for one variant (indexed / no indexes). */
export interface Measurement {
  scenario: string;
  variant: string;
  unit: 'ms';
  samples: number[];
}

const TARGETS: Record<string, { stat: 'p95' | 'max'; limit: number }> = {
  'list: supervisor (南京)': { stat: 'p95', limit: 50 },
  'list: enterprise (2,000 projects)': { stat: 'p95', limit: 50 },
  'import: 5,000 rows (.xlsx)': { stat: 'max', limit: 10_000 },
};

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: quantile(sorted, 50),
    p95: quantile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** JSON and Markdown of a run: each scenario's figures indexed vs without indexes, the ratio and the target. */
export function report(results: Measurement[], context: Record<string, number>, load: number[]) {
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  const rows = scenarios.map((scenario) => {
    const of = (variant: string) =>
      summarize(results.find((r) => r.scenario === scenario && r.variant === variant)?.samples ?? []);
    const indexed = of('indexed');
    const bare = of('no indexes');
    const target = TARGETS[scenario]!;
    return {
      scenario,
      indexed,
      bare,
      target,
      met: indexed[target.stat] <= target.limit,
      ratio: bare[target.stat] / indexed[target.stat],
    };
  });
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const markdown = [
    `# bench:projects — ${new Date().toISOString()}`,
    '',
    `${context.projects} projects, ${context.enterprises} enterprises; 南京 holds ${context.nanjingProjects}; the big enterprise 2,000.`,
    'Server time in process (app.request). "no indexes": the same database file with the feature indexes dropped.',
    `Indexed: 20 rounds of the ten list URLs after a warm-up round, three imports. No indexes: the same ten URLs once each`,
    `(at most ${context.bareRequests} requests per scenario within ${context.bareBudgetSeconds} s, no warm-up) and one import;`,
    'its figures are a sample, the ratio is of the same statistic.',
    `Whole run ${context.totalSeconds} s; load average at the end ${load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min, 2 cores shared).`,
    '',
    '| scenario | n | indexed p50 | indexed p95 | indexed max | no-index n | no-index p50 | no-index p95 | no-index max | target | met | no-index ÷ indexed |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.indexed.n} | ${f(r.indexed.p50)} | ${f(r.indexed.p95)} | ${f(r.indexed.max)} | ${r.bare.n} | ${f(r.bare.p50)} | ${f(r.bare.p95)} | ${f(r.bare.max)} | ${r.target.stat} ≤ ${r.target.limit} ms | ${r.met ? 'yes' : 'no'} | ${r.ratio.toFixed(2)} |`,
    ),
    '',
  ].join('\n');
  return { json: { at: new Date().toISOString(), context, load, rows, raw: results }, markdown };
}
