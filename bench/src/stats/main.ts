/**
 * `pnpm bench:stats`: every 统计分析 endpoint for a director (the 2,000-project enterprise and a typical one) and for
 * supervisors (南京 and province-wide), on the pre-aggregated path and beside the same request computed from the
 * materialized rows naively (no pre-aggregation, and the supporting indexes dropped), in the same run. Server time
 * is measured in process (`app.request`). Targets (issue 11): director p95 ≤ 50 ms, supervisor province-wide p95
 * ≤ 300 ms, baseline ÷ pre-aggregated ≥ 20×.
 *
 * `BENCH_STATS_SCALE` (default 1) scales the inspections and findings per project down, e.g. 0.2 for a fifth.
 * The full alert pass has its own script (`pnpm bench:alerts`); `BENCH_STATS_SKIP_ALERTS=0` times one here too.
 * `BENCH_STATS_DATA=<dir>` keeps the generated dataset in that folder and reuses it on the next run (generation takes
 * a quarter of an hour at full scale); the pre-aggregation is rebuilt every run unless `BENCH_STATS_REUSE_ROLLUPS=1`.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { AppDeps } from '../../../server/src/deps.js';
import { createSession } from '../../../server/src/auth/sessions.js';
import { users } from '../../../server/src/db/schema/index.js';
import { evaluateAllAlerts } from '../../../server/src/alerts/index.js';
import { standaloneStatsApp } from '../../../server/src/stats/routes.js';
import { rebuildStatsRollups } from '../../../server/src/stats/rollups.js';
import { PROJECTS, ENTERPRISES } from './generate.js';
import { benchScale, generateProvince, NOW, provinceDeps } from './province.js';
import { report, type Measurement } from './report.js';

const ORIGIN = 'http://bench.local';
const SECTIONS = ['projects', 'inspections', 'findings', 'rectifications', 'dangerous-works', 'alerts'];

function signIn(
  deps: AppDeps,
  id: string,
  fields: { role: 'enterprise' | 'supervisor'; regionCode?: string; enterpriseId?: string },
) {
  const { db } = deps.database;
  db.insert(users)
    .values({
      id,
      role: fields.role,
      login: id,
      passwordHash: 'unused',
      displayName: id,
      regionCode: fields.regionCode ?? null,
      enterpriseId: fields.enterpriseId ?? null,
      createdAt: NOW,
      passwordChangedAt: NOW,
    })
    .onConflictDoNothing()
    .run();
  return `anguan_session=${createSession(db, id, NOW).token}`;
}

const statsApp = (deps: AppDeps, source: 'rollup' | 'base') => standaloneStatsApp(deps, { source });
type StatsApp = ReturnType<typeof statsApp>;

async function time(app: StatsApp, cookie: string, url: string, rounds: number, warm: boolean) {
  const samples: number[] = [];
  for (let r = warm ? -1 : 0; r < rounds; r++) {
    const t0 = performance.now();
    const res = await app.request(ORIGIN + url, { headers: { cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    if (r >= 0) samples.push(ms);
  }
  return samples;
}

const VIEWERS = [
  {
    key: 'director (2,000 projects)',
    login: 'bench-director-big',
    role: 'enterprise',
    enterpriseId: 'e0',
    target: 50,
  },
  {
    key: 'director (typical, ~9 projects)',
    login: 'bench-director',
    role: 'enterprise',
    enterpriseId: 'e5',
    target: 50,
  },
  { key: 'supervisor 南京', login: 'bench-nanjing', role: 'supervisor', regionCode: '320100', target: 300 },
  {
    key: 'supervisor province-wide',
    login: 'bench-province',
    role: 'supervisor',
    regionCode: '320000',
    target: 300,
  },
] as const;

async function measure(
  deps: AppDeps,
  cookies: Map<string, string>,
  variant: 'rollup' | 'base',
  rounds: number,
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const app = statsApp(deps, variant);
  for (const viewer of VIEWERS) {
    const sections = viewer.role === 'supervisor' ? [...SECTIONS, 'ranking'] : SECTIONS;
    for (const section of sections) {
      const url = `/api/stats/${section}?period=year`;
      const samples = await time(app, cookies.get(viewer.login)!, url, rounds, variant === 'rollup');
      out.push({
        scenario: `${viewer.key}: ${section}`,
        variant,
        unit: 'ms',
        samples,
        target: viewer.target,
      });
      console.log(`${viewer.key} ${section} ${variant}: ${samples.map((s) => s.toFixed(1)).join(' ')}`);
    }
  }
  return out;
}

/**
 * The naive baseline's database: every secondary index the statistics could lean on is dropped (unique ones stay:
 * they are constraints, not tuning), so the same queries run as they would on the bare materialized rows. The drop
 * happens inside a transaction that is rolled back afterwards, so a kept dataset (`BENCH_STATS_DATA`) keeps its
 * indexes for the next run.
 */
function dropSupportingIndexes(sqlite: AppDeps['database']['sqlite']): string[] {
  const rows = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all() as { name: string }[];
  for (const { name } of rows) sqlite.exec(`DROP INDEX "${name}"`);
  sqlite.exec('ANALYZE');
  return rows.map((r) => r.name);
}

/** Pre-aggregated first (all indexes), then the naive baseline on the same data without its supporting indexes. */
async function measureStats(deps: AppDeps, rounds: { rollup: number; base: number }) {
  const cookies = new Map(VIEWERS.map((v) => [v.login, signIn(deps, v.login, v)]));
  const rollup = await measure(deps, cookies, 'rollup', rounds.rollup);
  const { sqlite } = deps.database;
  sqlite.exec('BEGIN');
  try {
    const dropped = dropSupportingIndexes(sqlite);
    console.log(`naive baseline: dropped ${dropped.length} indexes (${dropped.join(', ')})`);
    const base = await measure(deps, cookies, 'base', rounds.base);
    return { results: [...rollup, ...base], dropped };
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

interface KeptDataset {
  counts: { inspections: number; findings: number };
  generateMs: number;
  scale: number;
  rollupBuildMs?: number;
}

async function main() {
  const scale = benchScale();
  const keep = process.env.BENCH_STATS_DATA;
  const root = keep ?? mkdtempSync(path.join(tmpdir(), 'anguan-bench-stats-'));
  if (keep) mkdirSync(keep, { recursive: true });
  const statePath = path.join(root, 'bench-stats.json');
  const kept: KeptDataset | null =
    keep && existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as KeptDataset) : null;
  if (keep && !kept && readdirSync(keep).length > 0) {
    throw new Error(`${keep} holds no finished dataset (an interrupted run?): empty it first`);
  }
  if (kept && kept.scale !== scale) {
    throw new Error(`${root} holds a dataset of scale ${kept.scale}, not ${scale}`);
  }
  try {
    const deps = provinceDeps(root);
    const { database } = deps;
    let t0 = performance.now();
    const counts = kept?.counts ?? generateProvince(database.sqlite, scale);
    const generateMs = kept?.generateMs ?? performance.now() - t0;
    if (!kept) database.sqlite.exec('ANALYZE');
    console.log(
      `${kept ? 'reused' : 'generated'} ${PROJECTS} projects, ${counts.inspections} inspections, ${counts.findings} findings (${Math.round(generateMs)} ms to generate)`,
    );
    const state: KeptDataset = { counts, generateMs, scale };
    if (keep) writeFileSync(statePath, JSON.stringify(state));
    t0 = performance.now();
    // The alert pass has its own benchmark (`pnpm bench:alerts`); BENCH_STATS_SKIP_ALERTS=0 runs one here too.
    const skipAlerts = process.env.BENCH_STATS_SKIP_ALERTS !== '0';
    const alertPass = skipAlerts
      ? { created: 0, updated: 0, resolved: 0, failures: 0 }
      : await evaluateAllAlerts(deps);
    const alertMs = skipAlerts ? Number.NaN : performance.now() - t0;
    console.log(`alert pass: ${Math.round(alertMs)} ms`, alertPass);
    t0 = performance.now();
    const reuseRollups = process.env.BENCH_STATS_REUSE_ROLLUPS === '1' && kept?.rollupBuildMs !== undefined;
    const rebuilt = reuseRollups ? 'reused' : await rebuildStatsRollups(deps.database.db);
    const rollupMs = reuseRollups ? kept!.rollupBuildMs! : performance.now() - t0;
    if (!reuseRollups) database.sqlite.exec('ANALYZE');
    console.log(`pre-aggregation built in ${Math.round(rollupMs)} ms`, rebuilt);
    if (keep) writeFileSync(statePath, JSON.stringify({ ...state, rollupBuildMs: rollupMs }));
    const { results, dropped } = await measureStats(deps, { rollup: 20, base: 2 });
    const { json, markdown } = report(results, {
      droppedIndexes: dropped.length,
      scale,
      projects: PROJECTS,
      enterprises: ENTERPRISES,
      inspections: counts.inspections,
      findings: counts.findings,
      generateMs: Math.round(generateMs),
      rollupBuildMs: Math.round(rollupMs),
      rollupsReused: reuseRollups ? 1 : 0,
      alertPassMs: Number.isNaN(alertMs) ? Number.NaN : Math.round(alertMs),
      alertsCreated: alertPass.created,
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    });
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '');
    const out = path.join(import.meta.dirname, '../../results');
    writeFileSync(path.join(out, `${stamp}-stats.json`), JSON.stringify(json, null, 2));
    writeFileSync(path.join(out, `${stamp}-stats.md`), markdown);
    writeFileSync(path.join(out, 'latest-stats.md'), markdown);
    console.log(markdown);
    database.close();
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

await main();
