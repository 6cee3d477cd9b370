/**
 * `pnpm bench:projects`: the 项目信息 list pages (supervisor and enterprise) and a 5,000-row import, each measured
 * on the real database and beside the same work on a copy with the feature's indexes dropped, in the same run.
 * Targets (issue 10): list p95 ≤ 50 ms server time, import ≤ 10 s. Server time is measured in process
 * (`app.request`: routing, session, queries, JSON), so the loopback network is not counted.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../server/src/app.js';
import { createSession } from '../../../server/src/auth/sessions.js';
import { users } from '../../../server/src/db/schema/index.js';
import { projectsWorkbook } from '../../../server/src/registry/template.js';
import { appOver, type BenchServer } from './app-over.js';
import { generate, PROJECTS, ENTERPRISES } from './generate.js';
import { report, type Measurement } from './report.js';

/** The indexes the list and import queries rely on (dropped on the copy). */
const FEATURE_INDEXES = [
  'projects_region_idx',
  'projects_enterprise_idx',
  'projects_constructor_idx',
  'inspections_project_date_idx',
  'inspections_origin_date_idx',
  'dangerous_works_category_idx',
];
const ORIGIN = 'http://bench.local';
const NOW = new Date('2026-11-30T04:00:00Z');

const start = (dataDir: string): BenchServer => appOver(dataDir, NOW);

function signIn(
  server: BenchServer,
  role: 'supervisor' | 'enterprise',
  fields: { regionCode?: string; enterpriseId?: string },
) {
  const { db } = server.deps.database;
  const id = `bench-${role}`;
  db.insert(users)
    .values({
      id,
      role,
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

/** How one variant samples the list pages: rounds over every URL (after a warm-up round) or until a deadline. */
interface Sampling {
  /** Rounds over {@link LIST_URLS}; the no-index half does one. */
  rounds: number;
  /** Skip the warm-up round (the no-index half: each request already reads the whole table). */
  warmUp: boolean;
  /** Most requests per scenario, and the time they may take together (ms). */
  maxRequests: number;
  budgetMs: number;
}

async function timeRequests(
  app: ReturnType<typeof createApp>,
  cookie: string,
  urls: string[],
  sampling: Sampling,
): Promise<number[]> {
  const times: number[] = [];
  const deadline = performance.now() + sampling.budgetMs;
  for (let r = sampling.warmUp ? -1 : 0; r < sampling.rounds; r++) {
    for (const url of urls) {
      // Always at least one sample; then stop at the count or the deadline, whichever comes first.
      const enough = times.length >= sampling.maxRequests || performance.now() > deadline;
      if (times.length > 0 && enough) return times;
      const t0 = performance.now();
      const res = await app.request(ORIGIN + url, { headers: { cookie } });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      if (r >= 0) times.push(ms); // round -1 warms caches and JIT
    }
  }
  return times;
}

const LIST_URLS = [1, 2, 5, 10, 40]
  .map((page) => `/api/projects?page=${page}&pageSize=20`)
  .concat([
    '/api/projects?status=in_construction&pageSize=20',
    '/api/projects?status=completed&page=3&pageSize=20',
    '/api/projects?special=true&pageSize=20',
    '/api/projects?q=%E9%A1%B9%E7%9B%AE12&pageSize=20',
    '/api/projects?pageSize=100&page=2',
  ]);

async function importRows(
  app: ReturnType<typeof createApp>,
  cookie: string,
  prefix: string,
): Promise<number> {
  const rows = Array.from({ length: 5_000 }, (_, i) => ({
    filingNumber: `${prefix}${String(i).padStart(6, '0')}`,
    name: `导入项目${i}`,
    regionCode: `3201${String(1 + (i % 8)).padStart(2, '0')}`,
    constructorName: `企业${i % ENTERPRISES}`,
    constructorCreditCode: '91320100MA1MXX0A01',
    startDate: '2026-01-01',
    expectedCompletionDate: '2027-12-31',
  }));
  const bytes = await projectsWorkbook(rows);
  const t0 = performance.now();
  const res = await app.request(`${ORIGIN}/api/registry/projects/import`, {
    method: 'POST',
    headers: {
      cookie,
      origin: ORIGIN,
      host: 'bench.local',
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: new Uint8Array(bytes),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`import: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

/**
 * The indexed half: 20 rounds of the ten list URLs and three imports. The no-index half runs the same URLs in the
 * same order once each ({@link BARE_REQUESTS} per scenario) within {@link BARE_BUDGET_MS}, and one import: each of
 * its requests reads whole tables, and at full size the full sampling did not finish in 45 minutes.
 */
const INDEXED: Sampling = { rounds: 20, warmUp: true, maxRequests: Infinity, budgetMs: Infinity };
export const BARE_REQUESTS = 10; // each of the ten list URLs once
export const BARE_BUDGET_MS = 90_000;
const BARE: Sampling = { rounds: 1, warmUp: false, maxRequests: BARE_REQUESTS, budgetMs: BARE_BUDGET_MS };

async function measure(
  server: BenchServer,
  label: string,
  sampling: Sampling,
  imports: number,
): Promise<Measurement[]> {
  const app = createApp(server.deps);
  const supervisor = signIn(server, 'supervisor', { regionCode: '320100' });
  const enterprise = signIn(server, 'enterprise', { enterpriseId: 'e0' });
  const out: Measurement[] = [];
  for (const [scenario, cookie] of [
    ['list: supervisor (南京)', supervisor],
    ['list: enterprise (2,000 projects)', enterprise],
  ] as const) {
    const t0 = performance.now();
    const samples = await timeRequests(app, cookie, LIST_URLS, sampling);
    console.log(
      `${label} · ${scenario}: ${samples.length} requests in ${Math.round(performance.now() - t0)} ms`,
    );
    out.push({ scenario, variant: label, unit: 'ms', samples });
  }
  const importTimes: number[] = [];
  for (const prefix of ['IMPA', 'IMPB', 'IMPC'].slice(0, imports)) {
    importTimes.push(await importRows(app, supervisor, `${prefix}${label === 'indexed' ? 'X' : 'N'}`));
    console.log(`${label} · import ${prefix}: ${Math.round(importTimes.at(-1)!)} ms`);
  }
  out.push({ scenario: 'import: 5,000 rows (.xlsx)', variant: label, unit: 'ms', samples: importTimes });
  return out;
}

async function main() {
  const started = performance.now();
  const root = mkdtempSync(path.join(tmpdir(), 'anguan-bench-projects-'));
  try {
    const indexedDir = path.join(root, 'indexed');
    const bareDir = path.join(root, 'no-indexes');
    const setup = start(indexedDir);
    const t0 = performance.now();
    const generated = generate(setup.deps.database.sqlite, NOW.getTime());
    console.log(
      `generated ${PROJECTS} projects, ${ENTERPRISES} enterprises (南京: ${generated.nanjingProjects}) in ${Math.round(performance.now() - t0)} ms`,
    );
    setup.deps.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    setup.deps.database.sqlite.exec('ANALYZE');
    await setup.close();
    mkdirSync(bareDir, { recursive: true });
    copyFileSync(path.join(indexedDir, 'anguan.sqlite'), path.join(bareDir, 'anguan.sqlite'));
    const bare = start(bareDir);
    for (const index of FEATURE_INDEXES) bare.deps.database.sqlite.exec(`DROP INDEX IF EXISTS ${index}`);
    bare.deps.database.sqlite.exec('ANALYZE');
    console.log(`no-index copy ready at ${Math.round((performance.now() - started) / 1000)} s`);
    const indexed = start(indexedDir);
    const results = [
      ...(await measure(indexed, 'indexed', INDEXED, 3)),
      ...(await measure(bare, 'no indexes', BARE, 1)),
    ];
    await indexed.close();
    await bare.close();
    const { json, markdown } = report(
      results,
      {
        projects: PROJECTS,
        enterprises: ENTERPRISES,
        nanjingProjects: generated.nanjingProjects,
        bareRequests: BARE_REQUESTS,
        bareBudgetSeconds: BARE_BUDGET_MS / 1000,
        totalSeconds: Math.round((performance.now() - started) / 1000),
      },
      loadavg(),
    );
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', 'T');
    const out = path.join(import.meta.dirname, '../../results');
    writeFileSync(path.join(out, `${stamp}-projects.json`), JSON.stringify(json, null, 2));
    writeFileSync(path.join(out, `${stamp}-projects.md`), markdown);
    writeFileSync(path.join(out, 'latest-projects.md'), markdown);
    console.log(markdown);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
