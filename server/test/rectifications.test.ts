import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, addReview, rectificationToJSON, setReply } from '@anguan/model';
import { api, eventually, type TestPeer, type TestUser } from './sync-fixtures.js';
import { sealInspection } from './rectification-fixtures.js';
import { eachTestGetsAServer, peerOn, server, world } from './support/rectification-scene.js';

eachTestGetsAServer();

const REQUEST = { requirement: '临边防护栏杆缺失，限期补齐', deadline: '2026-03-22', rectifier: '张项目' };
const getRectification = (user: TestUser, id: string) =>
  api(server.url, user, 'GET', `/api/rectifications/${id}`);

/** Waits until the materialized row shows `expected`. */
const rowShows = (id: string, expected: Record<string, unknown>, user = world.director) =>
  eventually(async () => {
    const res = await getRectification(user, id);
    expect(res.json.rectification).toMatchObject(expected);
    return res.json.rectification;
  });

/** The project department replies from its own device. */
async function reply(id: string, text: string): Promise<string> {
  const peer = await peerOn(id, world.department);
  return setReply(peer.doc, { authorUserId: world.department.id, authorName: '项目部', text });
}

/** A reviewer answers a reply from its own device, once the reply has reached it. */
async function review(id: string, replyId: string, verdict: 'accepted' | 'rejected', user = world.director) {
  const peer = await peerOn(id, user);
  await eventually(() => expect(rectificationToJSON(peer.doc).currentReplyId).toBe(replyId));
  addReview(peer.doc, { replyId, reviewerUserId: user.id, reviewerName: '李', verdict });
}

describe('opening a rectification on sealing', () => {
  it('opens 待整改 with the sealed request, writable by the project department, when rectification is required', async () => {
    const { id } = await sealInspection(server, world, { rectification: REQUEST });
    const res = await getRectification(world.department, id);
    expect(res.status).toBe(200);
    expect(res.json.rectification).toMatchObject({
      state: 'pending',
      overdue: false,
      deadline: '2026-03-22',
      rounds: 0,
      inspectionId: id,
      origin: 'enterprise',
      requirement: REQUEST.requirement,
      rectifier: { name: '张项目' },
      mayReply: true,
      mayReview: false,
    });
    expect(res.json.rectification.findings).toEqual([
      expect.objectContaining({ kind: 'deduction', item: expect.any(String), points: expect.any(Number) }),
    ]);
    const doc = await api(server.url, world.department, 'GET', `/api/documents/rectification:${id}`);
    expect(doc.json.document).toMatchObject({ kind: 'rectification', origin: 'enterprise', access: 'write' });
    const peer = await peerOn(id, world.department);
    expect(rectificationToJSON(peer.doc)).toMatchObject({
      inspectionId: id,
      projectId: world.projectId,
      status: 'pending',
    });
  });

  it('opens nothing when the sealed inspection requires no rectification', async () => {
    const { id } = await sealInspection(server, world);
    expect((await getRectification(world.director, id)).status).toBe(404);
    expect((await api(server.url, world.director, 'GET', `/api/documents/rectification:${id}`)).status).toBe(
      404,
    );
  });

  it('lets a client register the rectification of a sealed inspection, writable by both sides', async () => {
    const { id } = await sealInspection(server, world);
    const body = { name: `rectification:${id}`, kind: 'rectification', projectId: world.projectId };
    const res = await api(server.url, world.director, 'POST', '/api/documents', body);
    expect([res.status, res.json.document.origin]).toEqual([201, 'enterprise']);
    const asDepartment = await api(server.url, world.department, 'GET', `/api/documents/${body.name}`);
    expect(asDepartment.json.document.access).toBe('write');
  });
});

describe('the rectification loop', () => {
  it('follows 待整改 → 已回复 → 已退回 → 已回复 → 已通过 with rounds, activity and days to close', async () => {
    const { id } = await sealInspection(server, world, { rectification: REQUEST });
    const first = await reply(id, '已补齐');
    await rowShows(id, { state: 'replied', rounds: 1, mayReview: true });
    await review(id, first, 'rejected');
    await rowShows(id, { state: 'returned', rounds: 1 }, world.department);
    server.clock.set('2026-03-18T02:00:00Z');
    const second = await reply(id, '已补齐，补照片');
    await rowShows(id, { state: 'replied', rounds: 2 });
    await review(id, second, 'accepted', world.inspector);
    const passed = await rowShows(id, { state: 'passed', rounds: 2, mayReply: false });
    // Closed when the server saw it pass (its clock, not the reviewer's device): 3 days after sealing on 03-15.
    expect([passed.closedAt, passed.daysToClose]).toEqual(['2026-03-18T02:00:00.000Z', 3]);
    expect(passed.lastReplyAt).not.toBeNull();
    server.clock.set('2026-03-20T02:00:00Z');
    await review(id, second, 'accepted');
    await eventually(async () => {
      const again = (await getRectification(world.director, id)).json.rectification;
      expect(again.lastReviewAt).not.toBe(passed.lastReviewAt);
      expect([again.closedAt, again.daysToClose]).toEqual(['2026-03-18T02:00:00.000Z', 3]);
    });
  });

  it('turns 逾期 from the Asia/Shanghai day after the deadline, on the server clock, until passed', async () => {
    const { id } = await sealInspection(server, world, { rectification: REQUEST });
    server.clock.set('2026-03-22T15:59:59Z'); // 23:59:59 on the deadline in Shanghai
    expect((await getRectification(world.department, id)).json.rectification.overdue).toBe(false);
    server.clock.set('2026-03-22T16:00:00Z'); // 00:00 on 03-23
    expect((await getRectification(world.department, id)).json.rectification.overdue).toBe(true);
    const replyId = await reply(id, '已整改');
    await rowShows(id, { state: 'replied', overdue: true });
    await review(id, replyId, 'accepted');
    await rowShows(id, { state: 'passed', overdue: false });
  });
});

describe('who sees a rectification', () => {
  it('answers 404 to users without a stake, the same as for an unknown one', async () => {
    const { id } = await sealInspection(server, world, { rectification: REQUEST });
    for (const user of [world.otherDirector, world.otherSupervisor]) {
      expect((await getRectification(user, id)).status).toBe(404);
    }
    expect((await getRectification(world.director, crypto.randomUUID())).status).toBe(404);
    expect((await getRectification(world.director, 'not-a-uuid')).status).toBe(404);
    expect((await api(server.url, null, 'GET', `/api/rectifications/${id}`)).status).toBe(401);
    const supervisor = (await getRectification(world.supervisor, id)).json.rectification;
    expect([supervisor.mayReply, supervisor.mayReview]).toEqual([false, false]);
    const inspector = (await getRectification(world.inspector, id)).json.rectification;
    expect([inspector.mayReply, inspector.mayReview]).toEqual([false, true]);
  });
});

describe('who writes what in a rectification document', () => {
  /** Writes on a fresh connection and resolves with the close code the server answers. */
  async function closeCodeOfWrite(id: string, user: TestUser, write: (peer: TestPeer) => void) {
    const peer = await peerOn(id, user);
    const closed = new Promise<number>((resolve) =>
      peer.provider.once('connection-close', (event) => resolve(event!.code)),
    );
    write(peer);
    return closed;
  }

  it('closes (4409) a project department writing a review and an enterprise writing a reply, storing neither', async () => {
    const { id } = await sealInspection(server, world, { rectification: REQUEST });
    const replyId = await reply(id, '已整改');
    await rowShows(id, { state: 'replied' });
    const selfReview = (peer: TestPeer) =>
      addReview(peer.doc, {
        replyId,
        reviewerUserId: world.department.id,
        reviewerName: '项目部',
        verdict: 'accepted',
      });
    expect(await closeCodeOfWrite(id, world.department, selfReview)).toBe(CLOSE_CODES.readOnly);
    const forgedReply = (peer: TestPeer) =>
      setReply(peer.doc, { authorUserId: world.department.id, authorName: '项目部', text: '代为回复' });
    expect(await closeCodeOfWrite(id, world.director, forgedReply)).toBe(CLOSE_CODES.readOnly);
    const stored = server.deps.sync.withDoc(`rectification:${id}`, (doc) => rectificationToJSON(doc));
    expect([stored.replies.map((r) => r.text), stored.reviews]).toEqual([['已整改'], []]);
    expect((await getRectification(world.director, id)).json.rectification.state).toBe('replied');
  });

  it('lets the project department both reply and review the rectification of its own self-inspection', async () => {
    const { id } = await sealInspection(server, world, { origin: 'self', rectification: REQUEST });
    await review(id, await reply(id, '班组已整改'), 'accepted', world.department);
    await rowShows(id, { state: 'passed', origin: 'self' }, world.department);
  });
});

describe('GET /api/rectifications', () => {
  it('lists the caller’s rectifications, 逾期 / 已退回 / 待整改 first, with badge counts and filters', async () => {
    const early = await sealInspection(server, world, {
      rectification: { ...REQUEST, deadline: '2026-03-16' },
    });
    const late = await sealInspection(server, world, {
      rectification: { ...REQUEST, deadline: '2026-03-30' },
    });
    const spot = await sealInspection(server, world, { origin: 'spot', rectification: REQUEST });
    await reply(late.id, '已整改');
    await rowShows(late.id, { state: 'replied' });
    server.clock.set('2026-03-20T02:00:00Z');

    const mine = await api(server.url, world.department, 'GET', '/api/rectifications');
    const ids = mine.json.rectifications.map((r: { inspectionId: string }) => r.inspectionId);
    expect(ids).toEqual([early.id, spot.id, late.id]); // overdue, pending, replied
    expect(mine.json.counts).toEqual({
      pending: 2,
      replied: 1,
      passed: 0,
      returned: 0,
      overdue: 1,
      toReply: 2,
      toReview: 1,
    });

    const overdue = await api(server.url, world.department, 'GET', '/api/rectifications?overdue=true');
    expect(overdue.json.rectifications.map((r: { inspectionId: string }) => r.inspectionId)).toEqual([
      early.id,
    ]);
    const replied = await api(server.url, world.director, 'GET', '/api/rectifications?state=replied');
    expect(replied.json.rectifications.map((r: { inspectionId: string }) => r.inspectionId)).toEqual([
      late.id,
    ]);
    const supervisor = await api(server.url, world.supervisor, 'GET', '/api/rectifications');
    expect(supervisor.json.rectifications.map((r: { inspectionId: string }) => r.inspectionId)).toEqual([
      spot.id,
    ]);
    for (const user of [world.otherDirector, world.otherSupervisor]) {
      expect((await api(server.url, user, 'GET', '/api/rectifications')).json.rectifications).toEqual([]);
    }
    const otherProject = await api(
      server.url,
      world.department,
      'GET',
      `/api/rectifications?project=${world.otherProjectId}`,
    );
    expect(otherProject.json.rectifications).toEqual([]);
    expect((await api(server.url, world.director, 'GET', '/api/rectifications?state=closed')).status).toBe(
      400,
    );
  });
});

describe('督促 and notifications', () => {
  it('reminds the project department in-app; only the inspecting side may, and not once passed', async () => {
    const { id } = await sealInspection(server, world, { rectification: REQUEST });
    const remind = (user: TestUser) => api(server.url, user, 'POST', `/api/rectifications/${id}/remind`);
    expect((await remind(world.department)).status).toBe(403);
    expect((await remind(world.otherDirector)).status).toBe(404);
    expect((await remind(world.supervisor)).status).toBe(403);
    const sent = await remind(world.inspector);
    expect([sent.status, sent.json]).toEqual([201, { recipients: 1 }]);

    const inbox = await api(server.url, world.department, 'GET', '/api/notifications');
    expect(inbox.json.unread).toBe(1);
    expect(inbox.json.notifications[0]).toMatchObject({
      kind: 'rectification.reminder',
      subjectId: id,
      link: `/rectifications/${id}`,
      read: false,
    });
    expect(inbox.json.notifications[0].body).toContain(REQUEST.requirement);
    expect((await api(server.url, world.director, 'GET', '/api/notifications')).json.notifications).toEqual(
      [],
    );
    const notificationId = inbox.json.notifications[0].id;
    expect(
      (await api(server.url, world.director, 'POST', `/api/notifications/${notificationId}/read`)).status,
    ).toBe(404);
    expect(
      (await api(server.url, world.department, 'POST', `/api/notifications/${notificationId}/read`)).status,
    ).toBe(200);
    const after = await api(server.url, world.department, 'GET', '/api/notifications');
    expect([after.json.unread, after.json.notifications[0].read]).toEqual([0, true]);

    await review(id, await reply(id, '已整改'), 'accepted');
    await rowShows(id, { state: 'passed' });
    expect((await remind(world.director)).json.error.code).toBe('already_passed');
  });
});
