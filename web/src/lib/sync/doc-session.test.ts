import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '@anguan/model';
import { DocSession } from './doc-session';
import type { AccessAnswer } from './document-access';

/**
 * A socket that records that it was opened and never connects (no server here): what these tests check is
 * whether the session dares to open one at all.
 */
function recordingSocket() {
  const opened: string[] = [];
  class RecordingSocket {
    binaryType = 'arraybuffer';
    readyState = 0;
    bufferedAmount = 0;
    onopen: (() => void) | null = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror: (() => void) | null = null;
    onmessage: (() => void) | null = null;
    constructor(url: string) {
      opened.push(url);
    }
    send(): void {}
    close(): void {}
  }
  return { opened, WebSocketPolyfill: RecordingSocket as unknown as typeof WebSocket };
}

const sessions: DocSession[] = [];
function openSession(answer: () => Promise<AccessAnswer>) {
  const socket = recordingSocket();
  const session = new DocSession({
    docName: 'inspection:00000000-0000-4000-8000-000000000001',
    serverUrl: 'ws://127.0.0.1:9/sync',
    persist: false,
    WebSocketPolyfill: socket.WebSocketPolyfill,
    checkAccess: answer,
  });
  sessions.push(session);
  return { session, opened: socket.opened };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
});

describe('a document session asks the server for access before syncing', () => {
  it('opens no socket for a document the server forbids, and says 无权查看', async () => {
    const { session, opened } = openSession(() => Promise.resolve('forbidden'));
    await until(() => session.status.access === 'forbidden');
    expect(session.status.lastError).toContain('无权查看');
    // A later connect (the network returning, the outbox) is refused on the spot: nothing to wait for.
    session.connect();
    expect(opened).toEqual([]);
    expect(session.canWrite).toBe(false);
  });

  it('opens no socket for a document the server does not know, and says 不存在', async () => {
    const { session, opened } = openSession(() => Promise.resolve('missing'));
    await until(() => session.status.access === 'missing');
    expect(session.status.lastError).toContain('不存在');
    expect(opened).toEqual([]);
  });

  it('connects read-only when the server grants reading only', async () => {
    const { session, opened } = openSession(() => Promise.resolve('read'));
    await until(() => opened.length === 1);
    expect(session.status).toMatchObject({ access: 'read', readOnly: true });
    expect(session.canWrite).toBe(false);
  });

  it('connects writable when the server grants writing', async () => {
    const { session, opened } = openSession(() => Promise.resolve('write'));
    await until(() => opened.length === 1);
    expect(session.canWrite).toBe(true);
  });

  it('asks again later when the server cannot be reached, and connects once it answers', async () => {
    const answers: AccessAnswer[] = ['unreachable', 'write'];
    const { session, opened } = openSession(() => Promise.resolve(answers.shift() ?? 'write'));
    expect(session.status.access).toBe('unknown');
    await until(() => opened.length === 1);
    expect(session.canWrite).toBe(true);
  });

  it('keeps a presumed write access only until the server answers', async () => {
    let answer: (value: AccessAnswer) => void = () => undefined;
    const { session } = openSession(() => new Promise((resolve) => (answer = resolve)));
    session.presumeAccess('write');
    expect(session.canWrite).toBe(true);
    answer('read');
    await until(() => session.status.access === 'read');
    expect(session.canWrite).toBe(false);
  });

  it('treats a socket closed as forbidden like a refused document', async () => {
    const { session, opened } = openSession(() => Promise.resolve('write'));
    await until(() => opened.length === 1);
    session.provider.emit('closed', [{ code: CLOSE_CODES.forbidden, reason: '' }, session.provider]);
    expect(session.status.access).toBe('forbidden');
    expect(session.provider.shouldConnect).toBe(false);
  });
});
