import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hashSecret } from '../src/auth/passwords.js';
import { enterprises, projects, regions, users, webhookDeliveries } from '../src/db/schema/index.js';
import { deliverDueWebhooks, evaluateAllAlerts } from '../src/alerts/index.js';
import { PASSWORD, signIn } from './registry-fixtures.js';
import { startTestServer, type TestServer } from './test-server.js';
import { startReceiver } from './webhook-receiver.js';

async function waitFor<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let server: TestServer;
let enterpriseId: string;

beforeEach(async () => {
  server = await startTestServer({ allowLoopbackWebhooks: true });
  server.clock.now = new Date('2026-04-10T02:00:00Z');
  const { db } = server.deps.database;
  const now = server.clock.now;
  const passwordHash = await hashSecret(PASSWORD);
  await db.insert(regions).values([{ code: '320100', name: '南京市', parentCode: null }]);
  enterpriseId = crypto.randomUUID();
  await db.insert(enterprises).values({
    id: enterpriseId,
    creditCode: '91320100MA1MXX0A01',
    name: '江苏安建',
    contactName: '王',
    contactIdHash: 'x',
    contactIdMasked: 'x',
    contactPhone: '13812345678',
    createdAt: now,
  });
  const user = (role: 'enterprise' | 'inspector' | 'project', login: string, extra = {}) =>
    db.insert(users).values({
      id: crypto.randomUUID(),
      role,
      login,
      passwordHash,
      displayName: login,
      enterpriseId,
      createdAt: now,
      passwordChangedAt: now,
      ...extra,
    });
  await user('enterprise', '91320100MA1MXX0A01');
  await user('inspector', '13800000001');
  await user('project', '3201002026001', { projectId: 'p-r1' });
  const project = {
    regionCode: '320100',
    constructorCreditCode: '91320100MA1MXX0A01',
    constructorName: '江苏安建',
    enterpriseId,
    registeredAt: now,
  };
  await db.insert(projects).values([
    {
      ...project,
      id: 'p-r1',
      filingNumber: '3201002026001',
      name: '鼓楼商业综合体',
      status: 'completed',
      startDate: '2024-01-01',
      expectedCompletionDate: '2026-03-01',
      completionFilingDate: '2026-04-01',
    },
    {
      ...project,
      id: 'p-r2',
      filingNumber: '3201002026002',
      name: '江北研创园',
      status: 'in_construction',
      startDate: '2026-04-01',
      expectedCompletionDate: '2025-12-01',
    },
  ]);
});
afterEach(async () => server?.dispose());

describe('GET /api/alerts and read state', () => {
  it('lists the signed-in user’s alerts in the stable shape, counts unread, and marks read one or all', async () => {
    await evaluateAllAlerts(server.deps);
    const director = await signIn(server.url, '91320100MA1MXX0A01');
    const list = await director.get('/api/alerts');
    expect(list.status).toBe(200);
    const r1 = list.json.alerts.find((a: any) => a.rule === 'R1');
    expect(r1).toMatchObject({
      projectId: 'p-r1',
      state: 'open',
      read: false,
      level: 'warning',
      daysLeft: 21,
      link: '/projects/3201002026001',
    });
    for (const key of ['id', 'rule', 'projectId', 'state', 'read', 'createdAt', 'title']) {
      expect(r1).toHaveProperty(key);
    }
    expect(list.json.alerts.map((a: any) => a.rule).sort()).toEqual(['R1', 'R2']);
    expect((await director.get('/api/alerts/unread-count')).json).toEqual({ unread: 2 });
    expect((await director.post(`/api/alerts/${r1.id}/read`)).status).toBe(200);
    expect((await director.get('/api/alerts/unread-count')).json).toEqual({ unread: 1 });
    await director.post('/api/alerts/read-all');
    expect((await director.get('/api/alerts/unread-count')).json).toEqual({ unread: 0 });

    const inspector = await signIn(server.url, '13800000001');
    expect((await inspector.get('/api/alerts')).json).toEqual({ alerts: [] });
    expect((await inspector.post(`/api/alerts/${r1.id}/read`)).status).toBe(404);
    const projectDept = await signIn(server.url, '3201002026001');
    expect((await projectDept.get('/api/alerts')).json.alerts.map((a: any) => a.rule)).toEqual(['R1']);
  });

  it('keeps the director’s R2 verification with the alert and refuses a finding that is not one of the list', async () => {
    await evaluateAllAlerts(server.deps);
    const director = await signIn(server.url, '91320100MA1MXX0A01');
    const r2 = (await director.get('/api/alerts')).json.alerts.find((a: any) => a.rule === 'R2');
    expect((await director.post(`/api/alerts/${r2.id}/verification`, { finding: 'sleeping' })).status).toBe(
      400,
    );
    const saved = await director.post(`/api/alerts/${r2.id}/verification`, {
      finding: 'suspended',
      note: '资金问题停工',
    });
    expect(saved.status).toBe(200);
    expect((await director.get(`/api/alerts/${r2.id}/verification`)).json.verifications).toEqual([
      expect.objectContaining({ finding: 'suspended', findingLabel: '停工', note: '资金问题停工' }),
    ]);
    const projectDept = await signIn(server.url, '3201002026001');
    expect(
      (await projectDept.post(`/api/alerts/${r2.id}/verification`, { finding: 'suspended' })).status,
    ).toBe(404);
  });
});

describe('企业微信 and 钉钉 webhooks', () => {
  it('posts a new alert to a signed 钉钉 robot in its markdown format and logs the delivery for the director', async () => {
    const receiver = await startReceiver();
    try {
      const director = await signIn(server.url, '91320100MA1MXX0A01');
      const saved = await director.request('PUT', '/api/alerts/webhook', {
        kind: 'dingtalk',
        url: `${receiver.url}/robot/send?access_token=t`,
        secret: 'SECtest',
      });
      expect(saved.json.webhook).toMatchObject({ kind: 'dingtalk', signed: true });
      await evaluateAllAlerts(server.deps);
      await waitFor(
        () => receiver.received,
        (r) => r.length === 2,
      );
      const message = receiver.received[0]!;
      expect(message.body).toEqual({
        msgtype: 'markdown',
        markdown: { title: expect.any(String), text: expect.stringContaining('### 【') },
      });
      const timestamp = message.query.get('timestamp')!;
      expect(timestamp).toBe(String(server.clock.now.getTime()));
      expect(message.query.get('access_token')).toBe('t');
      const expected = createHmac('sha256', 'SECtest').update(`${timestamp}\nSECtest`).digest('base64');
      expect(message.query.get('sign')).toBe(expected);
      const log = await waitFor(
        async () => (await director.get('/api/alerts/deliveries')).json.deliveries,
        (d: any[]) => d.every((x) => x.status === 'sent'),
      );
      expect(log).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it('sends 企业微信 markdown content and retries a failed delivery after its back-off', async () => {
    const receiver = await startReceiver([500]);
    try {
      const director = await signIn(server.url, '91320100MA1MXX0A01');
      await director.request('PUT', '/api/alerts/webhook', {
        kind: 'wecom',
        url: `${receiver.url}/cgi-bin/webhook/send?key=k`,
      });
      await server.deps.database.db
        .update(projects)
        .set({ status: 'terminated' })
        .where(eq(projects.id, 'p-r1'));
      await evaluateAllAlerts(server.deps);
      const pending = await waitFor(
        () => server.deps.database.db.select().from(webhookDeliveries),
        (rows) => rows.length === 1 && rows[0]!.attempts === 1,
      );
      expect(pending[0]).toMatchObject({ status: 'pending', lastStatusCode: 500 });
      expect(receiver.received[0]!.body).toEqual({
        msgtype: 'markdown',
        markdown: { content: expect.stringContaining('江北研创园') },
      });
      await deliverDueWebhooks(server.deps);
      expect(receiver.received).toHaveLength(1);
      server.clock.advance(61_000);
      await deliverDueWebhooks(server.deps);
      const [sent] = await server.deps.database.db.select().from(webhookDeliveries);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it('sends a test message at once and logs it, and asks for an address first when none is saved', async () => {
    const director = await signIn(server.url, '91320100MA1MXX0A01');
    const none = await director.post('/api/alerts/webhook/test');
    expect(none).toMatchObject({ status: 400, json: { error: { code: 'no_webhook' } } });
    const receiver = await startReceiver();
    try {
      await director.request('PUT', '/api/alerts/webhook', {
        kind: 'wecom',
        url: `${receiver.url}/send?key=k`,
      });
      const sent = await director.post('/api/alerts/webhook/test');
      expect(sent.json.delivery).toMatchObject({
        status: 'sent',
        title: '安管测试消息',
        alertId: null,
        attempts: 1,
      });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.body.markdown.content).toContain('群机器人已连通');
      const log = await director.get('/api/alerts/deliveries');
      expect(log.json.deliveries[0]).toMatchObject({ id: sent.json.delivery.id, status: 'sent' });
    } finally {
      await receiver.close();
    }
  });

  it('refuses robot addresses that are not https://, and the enterprise account alone manages them', async () => {
    const director = await signIn(server.url, '91320100MA1MXX0A01');
    expect(
      (
        await director.request('PUT', '/api/alerts/webhook', {
          kind: 'wecom',
          url: 'http://example.com/hook',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await director.request('PUT', '/api/alerts/webhook', {
          kind: 'wecom',
          url: 'http://127.0.0.2:9/hook',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await director.request('PUT', '/api/alerts/webhook', {
          kind: 'wecom',
          url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
        })
      ).status,
    ).toBe(200);
    const inspector = await signIn(server.url, '13800000001');
    expect((await inspector.get('/api/alerts/deliveries')).status).toBe(403);
    expect(
      (
        await inspector.request('PUT', '/api/alerts/webhook', {
          kind: 'wecom',
          url: 'https://x.example/hook',
        })
      ).status,
    ).toBe(403);
  });
});
