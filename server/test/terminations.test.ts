import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evaluateProjectAlerts } from '../src/alerts/index.js';
import {
  auditLog,
  projectEvaluations,
  projects,
  projectTerminations,
  rectifications,
} from '../src/db/schema/index.js';
import { pngBytes, terminationWorld, upload, type TerminationWorld } from './termination-fixtures.js';

let world: TerminationWorld;
beforeEach(async () => {
  world = await terminationWorld();
});
afterEach(async () => world?.server.dispose());

/** Two enterprise inspections in 2025, so R3 has nothing to fail for the year before. */
async function meetLastYearsInspections() {
  await world.addInspection('p-done', 'enterprise', '2025-07-01');
  await world.addInspection('p-done', 'enterprise', '2025-10-01');
}

async function r1Alert() {
  const alerts = (await (await world.login('director')).get('/api/alerts')).json.alerts as Array<{
    rule: string;
  }>;
  return alerts.find((a) => a.rule === 'R1');
}

async function submitAsDepartment(seed = 'a') {
  const department = await world.login('department');
  const hash = await upload(world.server, department, pngBytes(seed));
  const res = await department.post('/api/terminations/3201052026001/submission', {
    applicationDate: '2026-03-19',
    note: '安标考评资料齐全',
    files: [{ sha256: hash, name: '安标考评自评表.png' }],
  });
  return { department, hash, res };
}

describe('终止监督 submission', () => {
  it('lets the project department submit with uploaded materials, and the supervisor read them', async () => {
    const before = await (await world.login('nanjing')).get('/api/terminations?status=none');
    expect(before.json.items).toMatchObject([
      { filingNumber: '3201052026001', status: 'none', statusLabel: '未申请' },
    ]);
    expect(
      (await (await world.login('department')).get('/api/terminations/3201052026001')).json.termination,
    ).toMatchObject({
      status: 'none',
      maySubmit: true,
    });
    const { res, hash } = await submitAsDepartment();
    expect(res.status).toBe(200);
    expect(res.json.termination).toMatchObject({
      status: 'submitted',
      statusLabel: '已提交',
      applicationDate: '2026-03-19',
      note: '安标考评资料齐全',
      round: 1,
      files: [{ sha256: hash, name: '安标考评自评表.png', mediaType: 'image/png' }],
      maySubmit: false,
    });
    const supervisor = await world.login('nanjing');
    const list = await supervisor.get('/api/terminations?status=submitted');
    expect(list.json.items.map((i: { filingNumber: string }) => i.filingNumber)).toEqual(['3201052026001']);
    expect(list.json.items[0].mayReview).toBe(true);
    const file = await fetch(`${world.server.url}/api/terminations/3201052026001/files/${hash}`, {
      headers: { cookie: supervisor.cookieHeader },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pngBytes('a'));
    const kunshan = await world.login('kunshan');
    expect((await kunshan.get('/api/terminations/3201052026001')).status).toBe(404);
    expect((await kunshan.get('/api/terminations?status=submitted')).json.items).toEqual([]);
  });

  it('refuses materials the submitter did not upload, other roles, a second submission and an unfinished project', async () => {
    const director = await world.login('director');
    const foreign = await upload(world.server, director, pngBytes('director'));
    const department = await world.login('department');
    const body = { applicationDate: '2026-03-19', note: '', files: [{ sha256: foreign, name: 'x.png' }] };
    const refused = await department.post('/api/terminations/3201052026001/submission', body);
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('files_not_uploaded');
    for (const who of ['director', 'inspector', 'nanjing'] as const) {
      const client = await world.login(who);
      expect((await client.post('/api/terminations/3201052026001/submission', body)).status).toBe(403);
    }
    expect((await submitAsDepartment()).res.status).toBe(200);
    expect((await submitAsDepartment('b')).res.status).toBe(409);
    await world.server.deps.database.db
      .update(projects)
      .set({ status: 'in_construction', completionFilingDate: null });
    await world.server.deps.database.db.delete(projectTerminations);
    const early = await submitAsDepartment('c');
    expect(early.res.status).toBe(409);
    expect(early.res.json.error.code).toBe('not_completed');
  });

  it('goes back to the department with the reason on 退回, and a resubmission starts round 2', async () => {
    await submitAsDepartment();
    const supervisor = await world.login('nanjing');
    expect((await supervisor.post('/api/terminations/3201052026001/return', {})).status).toBe(400);
    const returned = await supervisor.post('/api/terminations/3201052026001/return', {
      reason: '缺少安全资料目录',
    });
    expect(returned.json.termination).toMatchObject({ status: 'returned', returnReason: '缺少安全资料目录' });
    const department = await world.login('department');
    expect((await department.get('/api/terminations/3201052026001')).json.termination).toMatchObject({
      status: 'returned',
      maySubmit: true,
    });
    const again = await submitAsDepartment('second');
    expect(again.res.json.termination).toMatchObject({ status: 'submitted', round: 2 });
  });
});

describe('安标考评 grading', () => {
  it('is the region supervisor’s alone; grading terminates supervision, records the grade and audits it', async () => {
    await meetLastYearsInspections();
    await submitAsDepartment();
    const grade = { grade: '合格', reason: '资料齐全，检查次数达标' };
    for (const who of ['director', 'inspector', 'department'] as const) {
      const client = await world.login(who);
      expect((await client.post('/api/terminations/3201052026001/grade', grade)).status).toBe(403);
    }
    expect(
      (await (await world.login('kunshan')).post('/api/terminations/3201052026001/grade', grade)).status,
    ).toBe(404);
    const supervisor = await world.login('nanjing');
    expect(
      (await supervisor.post('/api/terminations/3201052026001/grade', { grade: '良好', reason: 'x' })).status,
    ).toBe(400);
    const graded = await supervisor.post('/api/terminations/3201052026001/grade', grade);
    expect(graded.status).toBe(200);
    expect(graded.json.termination).toMatchObject({
      status: 'graded',
      grade: '合格',
      gradeReason: grade.reason,
      projectStatus: 'terminated',
    });
    const { db } = world.server.deps.database;
    expect((await db.select().from(projects).where(eq(projects.id, 'p-done')))[0]!.status).toBe('terminated');
    expect(await db.select().from(projectEvaluations)).toMatchObject([
      { projectId: 'p-done', grade: '合格', automatic: false, source: 'termination|1' },
    ]);
    const events = (await db.select().from(auditLog)).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['termination.submitted', 'termination.graded']));
    expect((await supervisor.post('/api/terminations/3201052026001/grade', grade)).status).toBe(409);
    const overview = await (await world.login('director')).get('/api/projects/3201052026001/overview');
    expect(overview.json.termination.status).toBe('terminated');
  });

  it('shows the supervisor what feeds the grade: inspections against the requirement, 月评, 抽查, overdue rectifications', async () => {
    await world.addInspection('p-done', 'enterprise', '2025-08-01');
    await world.addInspection('p-done', 'enterprise', '2026-02-01');
    await world.addInspection('p-done', 'monthly', '2026-01-20');
    const spot = await world.addInspection('p-done', 'spot', '2026-02-15', { total: '82.50', grade: '合格' });
    await world.server.deps.database.db.insert(rectifications).values({
      inspectionId: spot,
      docName: `rectification:${spot}`,
      projectId: 'p-done',
      origin: 'spot',
      state: 'pending',
      requirement: '临边防护',
      deadline: '2026-03-01',
      rectifierName: '张三',
      openedAt: new Date('2026-02-15T02:00:00Z'),
      rounds: 0,
      materializedAt: new Date('2026-02-15T02:00:00Z'),
    } as never);
    await submitAsDepartment();
    const review = await (await world.login('nanjing')).get('/api/terminations/3201052026001/review');
    expect(review.status).toBe(200);
    const { figures } = review.json;
    // 2025: June–December under construction → ceil(3 × 214 / 365) = 2; 2026: to 03-10 → ceil(3 × 69 / 365) = 1.
    expect(figures.enterpriseInspections).toEqual([
      { year: 2025, done: 1, required: 2 },
      { year: 2026, done: 1, required: 1 },
    ]);
    expect(figures.monthlyEvaluations).toMatchObject({ expected: 10, done: 1 });
    expect(figures.monthlyEvaluations.missing).toContain('2026-03');
    expect(figures.spotChecks).toEqual([
      { inspectionId: spot, date: '2026-02-15', method: 'jgj59', total: '82.50', grade: '合格' },
    ]);
    expect(figures.rectifications).toMatchObject({
      total: 1,
      open: 1,
      overdue: [{ inspectionId: spot, deadline: '2026-03-01' }],
    });
    expect(figures.automaticFailures).toEqual([]);
  });
});

describe('R1 and the automatic 不合格 at grading', () => {
  it('caps the grade at 不合格 until the supervisor revokes the automatic failure with a reason, then clears R1', async () => {
    // 竣工备案 2026-03-10 is day 0; 2026-04-10 (Shanghai) is day 31: automatic 不合格 and a critical R1.
    await meetLastYearsInspections();
    world.server.clock.now = new Date('2026-04-09T16:00:00Z');
    await evaluateProjectAlerts(world.server.deps, 'p-done');
    const { db } = world.server.deps.database;
    const [failure] = await db.select().from(projectEvaluations);
    expect(failure).toMatchObject({ automatic: true, source: 'R1|2026-03-10', revokedAt: null });
    expect(await r1Alert()).toMatchObject({ state: 'open', level: 'critical' });

    await submitAsDepartment();
    const supervisor = await world.login('nanjing');
    const review = await supervisor.get('/api/terminations/3201052026001/review');
    expect(review.json.figures.automaticFailures).toMatchObject([
      { id: failure!.id, source: 'R1|2026-03-10' },
    ]);
    const capped = await supervisor.post('/api/terminations/3201052026001/grade', {
      grade: '合格',
      reason: '资料齐全',
    });
    expect(capped.status).toBe(422);
    expect(capped.json.error).toMatchObject({
      code: 'automatic_failure_stands',
      failures: [{ id: failure!.id }],
    });

    const graded = await supervisor.post('/api/terminations/3201052026001/grade', {
      grade: '合格',
      reason: '资料齐全',
      revocations: [{ evaluationId: failure!.id, reason: '竣工备案日期录入错误，实际为2026-03-25' }],
    });
    expect(graded.status).toBe(200);
    expect(graded.json.termination.revocations).toEqual([
      {
        evaluationId: failure!.id,
        source: 'R1|2026-03-10',
        reason: '竣工备案日期录入错误，实际为2026-03-25',
      },
    ]);
    expect(
      (await db.select().from(projectEvaluations).where(eq(projectEvaluations.id, failure!.id)))[0]!
        .revokedAt,
    ).not.toBeNull();
    expect(await r1Alert()).toMatchObject({ state: 'resolved' });
    // A later pass neither reopens R1 nor records the failure again.
    await evaluateProjectAlerts(world.server.deps, 'p-done');
    expect(await r1Alert()).toMatchObject({ state: 'resolved' });
    expect(
      await db.select().from(projectEvaluations).where(eq(projectEvaluations.automatic, true)),
    ).toHaveLength(1);
  });

  it('accepts 不合格 over a standing automatic failure without revoking it, and still clears R1', async () => {
    await meetLastYearsInspections();
    world.server.clock.now = new Date('2026-04-20T02:00:00Z');
    await evaluateProjectAlerts(world.server.deps, 'p-done');
    await submitAsDepartment();
    const supervisor = await world.login('nanjing');
    const graded = await supervisor.post('/api/terminations/3201052026001/grade', {
      grade: '不合格',
      reason: '逾期办理终止监督',
    });
    expect(graded.json.termination).toMatchObject({ grade: '不合格', revocations: [] });
    const { db } = world.server.deps.database;
    const automatic = await db
      .select()
      .from(projectEvaluations)
      .where(eq(projectEvaluations.automatic, true));
    expect(automatic[0]!.revokedAt).toBeNull();
    expect(await r1Alert()).toMatchObject({ state: 'resolved' });
  });
});
