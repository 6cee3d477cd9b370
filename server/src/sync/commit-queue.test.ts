import { describe, expect, it } from 'vitest';
import { CommitQueue } from './commit-queue.js';
import type { Connection } from './connection.js';
import type { Room } from './room.js';
import type { UpdateLog } from './update-log.js';

function fakeRoom(name: string) {
  const stored: Array<{ updates: readonly Uint8Array[]; lastSeq: number }> = [];
  return {
    room: {
      name,
      state: {
        markStored: (updates: readonly Uint8Array[], lastSeq: number) =>
          void stored.push({ updates, lastSeq }),
      },
    } as unknown as Room,
    stored,
  };
}

function fakeLog(fail = false) {
  const batches: Array<ReadonlyArray<{ docName: string; updates: readonly Uint8Array[] }>> = [];
  const log = {
    appendBatch: (batch) => {
      if (fail) throw new Error('disk full');
      batches.push(batch);
      return batch.map((_, i) => (i + 1) * 10);
    },
  } as UpdateLog;
  return { log, batches };
}

const sender = {} as Connection;
const u = (n: number) => new Uint8Array([n]);

describe('CommitQueue', () => {
  it('stores one turn of updates of several documents in one batch, then reports them for broadcast', async () => {
    const { log, batches } = fakeLog();
    const a = fakeRoom('inspection:a');
    const b = fakeRoom('inspection:b');
    const committed: string[] = [];
    const queue = new CommitQueue(log, {
      afterCommit: (room, updates) => committed.push(`${room.name}:${updates.length}`),
      afterFailure: () => {},
    });
    queue.add(a.room, [u(1)], sender);
    queue.add(b.room, [u(2)], sender);
    queue.add(a.room, [u(3)], sender);
    expect(committed).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((e) => [e.docName, e.updates.length])).toEqual([
      ['inspection:a', 2],
      ['inspection:b', 1],
    ]);
    expect(committed).toEqual(['inspection:a:2', 'inspection:b:1']);
    expect(a.stored[0]?.lastSeq).toBe(10);
  });

  it('stores at once on flush, and on failure reports the rooms without broadcasting anything', () => {
    const { log } = fakeLog(true);
    const a = fakeRoom('inspection:a');
    const failed: string[] = [];
    let committed = 0;
    const queue = new CommitQueue(log, {
      afterCommit: () => committed++,
      afterFailure: (rooms, error) => failed.push(...rooms.map((r) => `${r.name}: ${error.message}`)),
    });
    queue.add(a.room, [u(1)], sender);
    queue.flush();
    expect(committed).toBe(0);
    expect(failed).toEqual(['inspection:a: storing updates failed: disk full']);
    expect(queue.size).toBe(0);
  });
});
