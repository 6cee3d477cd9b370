import { describe, expect, it } from 'vitest';
import { MemoryBlobStore, type StoredBlob } from '$lib/blobs/blob-store';
import { OutboxQueue, type SendOutcome } from './outbox-queue';

function blob(hash: string, createdAt: number): StoredBlob {
  return {
    hash,
    type: 'image/jpeg',
    size: 3,
    data: new Blob(['abc']),
    docName: 'inspection:00000000-0000-4000-8000-000000000001',
    createdAt,
    uploadedAt: null,
    rejected: null,
  };
}

/** A server that answers from a script, and records what it was sent. */
function scriptedServer(...answers: SendOutcome[]) {
  const sent: string[] = [];
  return {
    sent,
    upload: (b: StoredBlob) => {
      sent.push(b.hash);
      return Promise.resolve(answers.shift() ?? { kind: 'sent' as const });
    },
  };
}

/** Timers the test fires by hand. */
function manualTimers() {
  const timers: { run: () => void; delayMs: number }[] = [];
  return {
    timers,
    schedule: (run: () => void, delayMs: number) => {
      const timer = { run, delayMs };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  };
}

describe('OutboxQueue (with the blob store)', () => {
  it('uploads every pending blob oldest first and marks them uploaded', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('b', 2));
    await store.put(blob('a', 1));
    const server = scriptedServer();
    const queue = new OutboxQueue(store, server.upload, { retryDelaysMs: [1000] });
    await queue.flush();
    expect(server.sent).toEqual(['a', 'b']);
    expect(queue.current.pending).toBe(0);
    expect((await store.get('a'))?.uploadedAt).not.toBeNull();
  });

  it('stops at a network failure, keeps the blob, and retries after the backoff', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('a', 1));
    await store.put(blob('b', 2));
    const server = scriptedServer({ kind: 'retry', reason: '网络不可用' });
    const timers = manualTimers();
    const queue = new OutboxQueue(store, server.upload, { retryDelaysMs: [1000, 5000], schedule: timers.schedule });
    await queue.flush();
    expect(server.sent).toEqual(['a']);
    expect(queue.current).toMatchObject({ pending: 2, lastError: '网络不可用' });
    expect(timers.timers.map((t) => t.delayMs)).toEqual([1000]);

    timers.timers[0]?.run();
    await queue.flush();
    expect(server.sent).toEqual(['a', 'a', 'b']);
    expect(queue.current).toMatchObject({ pending: 0, lastError: null });
  });

  it('backs off further after each consecutive failure, up to the last delay', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('a', 1));
    const retry: SendOutcome = { kind: 'retry', reason: '服务器繁忙' };
    const server = scriptedServer(retry, retry, retry);
    const timers = manualTimers();
    const queue = new OutboxQueue(store, server.upload, { retryDelaysMs: [1000, 5000], schedule: timers.schedule });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await queue.flush();
      delays.push(timers.timers.at(-1)?.delayMs ?? -1);
    }
    expect(delays).toEqual([1000, 5000, 5000]);
  });

  it('gives up on a blob the server refuses for good, and goes on with the rest', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('bad', 1));
    await store.put(blob('good', 2));
    const server = scriptedServer({ kind: 'rejected', reason: '文件类型不支持' });
    const queue = new OutboxQueue(store, server.upload, { retryDelaysMs: [1000] });
    await queue.flush();
    expect(server.sent).toEqual(['bad', 'good']);
    expect(queue.current).toMatchObject({ pending: 0, rejected: 1, lastError: '文件类型不支持' });
    expect((await store.get('bad'))?.rejected).toBe('文件类型不支持');
  });

  it('treats a thrown upload as retryable rather than losing the blob', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('a', 1));
    const timers = manualTimers();
    const queue = new OutboxQueue(store, () => Promise.reject(new Error('boom')), {
      retryDelaysMs: [1000],
      schedule: timers.schedule,
    });
    await queue.flush();
    expect(queue.current.pending).toBe(1);
    expect((await store.get('a'))?.uploadedAt).toBeNull();
  });

  it('runs one round at a time when flushed repeatedly', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('a', 1));
    const server = scriptedServer();
    const queue = new OutboxQueue(store, server.upload, { retryDelaysMs: [1000] });
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(server.sent).toEqual(['a']);
  });

  it('tells subscribers the pending count', async () => {
    const store = new MemoryBlobStore();
    await store.put(blob('a', 1));
    const queue = new OutboxQueue(store, scriptedServer().upload, { retryDelaysMs: [1000] });
    const seen: number[] = [];
    queue.subscribe((s) => seen.push(s.pending));
    await queue.publish();
    await queue.flush();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(0);
  });
});
