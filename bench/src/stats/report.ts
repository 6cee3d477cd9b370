/** One scenario's samples for one variant (rollup: pre-aggregated; base: computed from the rows). */
export interface Measurement {
  scenario: string;
  variant: 'rollup' | 'base';
  unit: 'ms';
  samples: number[];
  /** p95 target of the pre-aggregated variant, ms. */
  target: number;
}

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: quantile(sorted, 50),
    p95: quantile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** JSON and Markdown of a run: each endpoint pre-aggregated vs from the rows, the ratio, the target. */
export function report(results: Measurement[], context: Record<string, number> & { alertPassMs: number }) {
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  const rows = scenarios.map((scenario) => {
    const of = (variant: string) => results.find((r) => r.scenario === scenario && r.variant === variant)!;
    const rollup = summarize(of('rollup').samples);
    const base = summarize(of('base').samples);
    const target = of('rollup').target;
    return { scenario, rollup, base, target, met: rollup.p95 <= target, ratio: base.p50 / rollup.p50 };
  });
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const scaled = context.scale !== 1 ? ` **Scaled down by ${context.scale}** (BENCH_STATS_SCALE).` : '';
  const markdown = [
    `# bench:stats — ${new Date().toISOString()}`,
    '',
    `${context.projects} projects, ${context.enterprises} enterprises, ${context.inspections} sealed inspections, ${context.findings} findings.${scaled}`,
    `Generated in ${context.generateMs} ms (not timed). Pre-aggregation built from scratch in ${context.rollupBuildMs} ms (once; afterwards refreshed per changed project${context.rollupsReused ? '; kept from the run that built it, BENCH_STATS_REUSE_ROLLUPS' : ''}).`,
    `Load average (1 min) at the end of the run: ${context.loadAverage} on this shared 2-core machine.`,
    Number.isNaN(context.alertPassMs)
      ? 'Full alert pass: not timed here (its own benchmark: `pnpm bench:alerts`; `BENCH_STATS_SKIP_ALERTS=0` times one here).'
      : `Full alert pass (evaluateAllAlerts, first pass: ${context.alertsCreated} alerts created): ${context.alertPassMs} ms (target ≤ 10,000 ms: ${context.alertPassMs <= 10_000 ? 'met' : 'not met'}).`,
    `Server time in process (app.request). "pre-agg": the shipped path, measured first (20 samples after a warm-up). "rows": the same endpoint computed naively from the materialized rows, without the pre-aggregation and with the ${context.droppedIndexes} secondary indexes dropped (unique constraints kept), measured afterwards on the same data (2 samples, no warm-up).`,
    '',
    '| endpoint | n | pre-agg p50 | pre-agg p95 | pre-agg max | rows p50 | rows max | target p95 | met | rows ÷ pre-agg (p50) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.rollup.n} | ${f(r.rollup.p50)} | ${f(r.rollup.p95)} | ${f(r.rollup.max)} | ${f(r.base.p50)} | ${f(r.base.max)} | ≤ ${r.target} ms | ${r.met ? 'yes' : 'no'} | ${r.ratio.toFixed(1)} |`,
    ),
    '',
    'Sections that read the pre-aggregation: inspections, findings, ranking. The others (projects, rectifications,',
    'dangerous-works, alerts) read registry-sized tables (projects, rectifications, 超危大 works, alerts) by the same query on',
    'both paths, so their "rows" column differs only by the dropped indexes and by the load when it ran: a ratio near',
    '1 there is not a regression, and the ≥ 20× goal is about the sections that scan inspections and findings.',
    '',
  ].join('\n');
  return { json: { at: new Date().toISOString(), context, rows, raw: results }, markdown };
}
