import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { inspections, projects, statsProjectYears, statsRollupState, users } from '../src/db/schema/index.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { documentsNeedingMaterialization } from '../src/materializer/catch-up.js';
import { statsSection } from '../src/stats/service.js';
import { ROLLUP_FORMAT, upgradeStatsRollups } from '../src/stats/rollups.js';
import { statsFilterParams } from '../src/stats/periods.js';
import { statsScope } from '../src/stats/scope.js';
import { listDangerousWorks } from '../src/projects/dangerous-works.js';
import { superDangerousCategoryName } from '@anguan/standards';
import { bruteForce } from './stats-brute-force.js';
import { startTestServer, type TestServer } from './test-server.js';

const DIRECTOR = '91320100MA1MXX0A01';
const OTHER_DIRECTOR = '92320583L9UQ0T1R04';
const CUSTOM = 'period=custom&from=2025-04&to=2026-03';
const SECTIONS = {
  enterprise: ['inspections', 'findings'],
  supervisor: ['inspections', 'findings', 'ranking'],
};
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await loadDemo(server.deps);
  for (const docName of await documentsNeedingMaterialization(server.deps.database.db)) {
    server.deps.materializeScheduler.schedule(docName);
  }
  await server.deps.materializeScheduler.flush();
}, 120_000);
afterAll(() => server.dispose());

const userOf = (login: string) =>
  server.deps.database.db.select().from(users).where(eq(users.login, login)).get()!;

/** Every rollup-backed section of `login`, from the pre-aggregation, after checking it equals the base rows. */
async function figures(login: string, query = CUSTOM) {
  const { db } = server.deps.database;
  const user = userOf(login);
  const c = { req: { query: (k: string) => new URLSearchParams(query).get(k) ?? undefined } };
  const filter = statsFilterParams(c as never, server.clock.now);
  const out: Record<string, { id: string; rows: Record<string, unknown>[] }[]> = {};
  for (const section of SECTIONS[user.role as 'enterprise' | 'supervisor']) {
    const rollup = await statsSection(db, user as never, section, filter, server.clock.now);
    const base = await statsSection(db, user as never, section, filter, server.clock.now, { source: 'base' });
    expect(rollup.tables, `${login} ${section}`).toEqual(base.tables);
    out[section] = rollup.tables;
  }
  return out;
}

const trendTotal = (tables: { id: string; rows: Record<string, unknown>[] }[]) =>
  tables
    .find((t) => t.id === 'trend')!
    .rows.reduce(
      (s, r) =>
        s + (r.enterprise as number) + (r.self as number) + (r.monthly as number) + (r.spot as number),
      0,
    );

describe('statistics pre-aggregation after changes', () => {
  it('follows a project that moves to another enterprise and region, whoever reads first', async () => {
    const { db } = server.deps.database;
    const from = userOf(DIRECTOR).enterpriseId!;
    const to = userOf(OTHER_DIRECTOR).enterpriseId!;
    const victim = bruteForce(server, { enterpriseId: from }, '2025-04', '2026-03').inPeriod[0]!;
    const project = db.select().from(projects).where(eq(projects.id, victim.projectId)).get()!;
    const moved = bruteForce(server, { enterpriseId: from }, '2025-04', '2026-03').inPeriod.filter(
      (i) => i.projectId === project.id,
    ).length;
    const before = { mine: await figures(DIRECTOR), theirs: await figures(OTHER_DIRECTOR) };
    await figures('nanjing');
    await figures('jiangsu');
    // Moved out of 南京 (3201…) to 苏州 (3205…), from one enterprise to the other.
    db.update(projects)
      .set({ enterpriseId: to, regionCode: '320583' })
      .where(eq(projects.id, project.id))
      .run();
    // The old enterprise reads first: its project left (found through the snapshot, not the registry).
    const mine = await figures(DIRECTOR);
    expect(trendTotal(mine.inspections!)).toBe(trendTotal(before.mine.inspections!) - moved);
    const theirs = await figures(OTHER_DIRECTOR);
    expect(trendTotal(theirs.inspections!)).toBe(trendTotal(before.theirs.inspections!) + moved);
    await figures('nanjing');
    await figures('jiangsu');
    db.update(projects)
      .set({ enterpriseId: project.enterpriseId, regionCode: project.regionCode })
      .where(eq(projects.id, project.id))
      .run();
    // This time the new owner reads first: the project joined it (found through the registry).
    expect(await figures(DIRECTOR)).toEqual(before.mine);
    expect(await figures(OTHER_DIRECTOR)).toEqual(before.theirs);
    await figures('nanjing');
  });

  it('counts a completed project out of the in-construction figures', async () => {
    const { db } = server.deps.database;
    const enterpriseId = userOf(DIRECTOR).enterpriseId!;
    const brute = bruteForce(server, { enterpriseId }, '2025-04', '2026-03');
    const evaluated = brute.inConstruction.find((p) =>
      brute.inPeriod.some((i) => i.projectId === p.id && i.origin === 'monthly'),
    )!;
    const done = (f: Awaited<ReturnType<typeof figures>>) =>
      f.inspections!.find((t) => t.id === 'monthly')!.rows.reduce((s, r) => s + (r.done as number), 0);
    const before = await figures(DIRECTOR);
    db.update(projects).set({ status: 'completed' }).where(eq(projects.id, evaluated.id)).run();
    const after = await figures(DIRECTOR);
    expect(done(after)).toBeLessThan(done(before));
    await figures('jiangsu');
    db.update(projects).set({ status: 'in_construction' }).where(eq(projects.id, evaluated.id)).run();
    expect(await figures(DIRECTOR)).toEqual(before);
  });

  it('counts an inspection once it is sealed, and no longer once it is reopened', async () => {
    const { db } = server.deps.database;
    const enterpriseId = userOf(DIRECTOR).enterpriseId!;
    const victim = bruteForce(server, { enterpriseId }, '2025-04', '2026-03').inPeriod[0]!;
    const before = await figures(DIRECTOR);
    server.clock.advance(1000);
    db.update(inspections)
      .set({ status: 'draft', materializedAt: server.clock.now })
      .where(eq(inspections.id, victim.id))
      .run();
    expect(trendTotal((await figures(DIRECTOR)).inspections!)).toBe(trendTotal(before.inspections!) - 1);
    await figures('nanjing');
    server.clock.advance(1000);
    db.update(inspections)
      .set({ status: 'completed', materializedAt: server.clock.now })
      .where(eq(inspections.id, victim.id))
      .run();
    expect(await figures(DIRECTOR)).toEqual(before);
    await figures('jiangsu');
  });

  it('counts 超危大 works with and without gaps as the 清单 does', async () => {
    const { db } = server.deps.database;
    let seen = 0;
    for (const login of [DIRECTOR, 'jiangsu']) {
      const user = userOf(login);
      const c = { req: { query: (k: string) => new URLSearchParams(CUSTOM).get(k) ?? undefined } };
      const filter = statsFilterParams(c as never, server.clock.now);
      const answer = await statsSection(db, user as never, 'dangerous-works', filter, server.clock.now);
      const works = await listDangerousWorks(
        db,
        statsScope(user as never, filter).projects,
        {},
        filter.today,
      );
      seen += works.length;
      const want = new Map<string, [number, number]>();
      for (const w of works) {
        const entry = want.get(superDangerousCategoryName(w.category) ?? w.category) ?? [0, 0];
        entry[w.gaps.length === 0 ? 0 : 1]++;
        want.set(superDangerousCategoryName(w.category) ?? w.category, entry);
      }
      const got = new Map(answer.tables[0]!.rows.map((r) => [r.category, [r.complete, r.gaps]]));
      expect(got, login).toEqual(want);
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('statistics rollups after an upgrade', () => {
  it('are rebuilt at start-up when written in an older layout, and left alone when current', async () => {
    const { db } = server.deps.database;
    await figures('jiangsu');
    const before = await db.select().from(statsProjectYears);
    expect(before.some((r) => r.jgj59Count > 0)).toBe(true);
    expect(await upgradeStatsRollups(db)).toBeNull();
    // As a database from before the year rows had JGJ59 figures: the columns at their defaults, an older format.
    await db.update(statsProjectYears).set({ jgj59Count: 0, jgj59ScoreCenti: 0 });
    await db
      .update(statsRollupState)
      .set({ watermark: ROLLUP_FORMAT - 1 })
      .where(eq(statsRollupState.name, 'format'));
    expect((await upgradeStatsRollups(db))?.full).toBe(true);
    const after = await db.select().from(statsProjectYears);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length);
    await figures('jiangsu');
  });
});
