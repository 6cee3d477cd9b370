import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECTIFICATION_ROOTS, setReply } from '@anguan/model';
import { api, eventually } from './sync-fixtures.js';
import { firstTermId, sealInspection } from './rectification-fixtures.js';
import { eachTestGetsAServer, peerOn, server, world } from './support/rectification-scene.js';

/** Per-finding 整改回复 (issue 9) as `GET /api/rectifications/<uuid>` returns them. */

eachTestGetsAServer();

const REQUEST = { requirement: '按检查单逐条整改', deadline: '2026-03-22', rectifier: '张项目' };
const PHOTO_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR 栏杆'),
]);
const PHOTO = createHash('sha256').update(PHOTO_BYTES).digest('hex');
const blobStatus = async (id: string, user = world.director) =>
  (
    await fetch(`${server.url}/api/blobs/${PHOTO}?doc=rectification:${id}`, {
      headers: { cookie: user.cookie },
    })
  ).status;
const detail = async (id: string) =>
  (await api(server.url, world.director, 'GET', `/api/rectifications/${id}`)).json.rectification;

describe('per-finding answers in GET /api/rectifications/<uuid>', () => {
  it('keys each finding and returns the answers the project department gave to single findings', async () => {
    const { id } = await sealInspection(server, world, { method: 'terms', rectification: REQUEST });
    const { findings } = await detail(id);
    expect(findings).toEqual([expect.objectContaining({ kind: 'term', key: `term:${firstTermId()}` })]);
    const key = findings[0].key as string;
    const upload = await fetch(`${server.url}/api/blobs/${PHOTO}`, {
      method: 'PUT',
      headers: {
        origin: server.url,
        cookie: world.department.cookie,
        'content-type': 'application/octet-stream',
      },
      body: PHOTO_BYTES,
    });
    expect(upload.status).toBe(201);
    expect(await blobStatus(id)).not.toBe(200); // not referenced by anything the director reads yet
    const peer = await peerOn(id, world.department);
    const author = { authorUserId: world.department.id, authorName: '项目部' };
    const findingReplies = { [key]: { text: '已加设防护栏杆', photos: [PHOTO] } };
    const replyId = setReply(peer.doc, { ...author, text: '其余已整改', findingReplies, findingKeys: [key] });
    await eventually(async () => {
      expect((await detail(id)).replies).toEqual([
        expect.objectContaining({
          replyId,
          text: '其余已整改',
          findingReplies: { [key]: findingReplies[key] },
        }),
      ]);
    });
    // The reviewer may fetch the per-finding photo: the rectification document now references it.
    await eventually(async () => expect(await blobStatus(id)).toBe(200));
  });

  it('leaves out an answer to a finding the sealed inspection does not have, written past the model’s writer', async () => {
    const { id } = await sealInspection(server, world, { method: 'terms', rectification: REQUEST });
    const key = `term:${firstTermId()}`;
    const peer = await peerOn(id, world.department);
    const parts = {
      [key]: { text: '已整改', photos: [] },
      'term:not.in.sheet': { text: '伪造', photos: [] },
    };
    const value = { authorUserId: world.department.id, authorName: '项目部', at: '2026-03-16T00:00:00.000Z' };
    peer.doc
      .getMap(RECTIFICATION_ROOTS.replies)
      .set('r1', { ...value, text: '', photos: [], findingReplies: parts });
    await eventually(async () => {
      const { replies, state } = await detail(id);
      expect(state).toBe('replied');
      expect(replies).toEqual([
        expect.objectContaining({ replyId: 'r1', findingReplies: { [key]: parts[key] } }),
      ]);
    });
  });
});
