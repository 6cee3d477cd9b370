import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { queueRemoteStores } from './remote-store-queue';

const REMOTE = Symbol('provider');

function setup() {
  const doc = new Y.Doc();
  // Which write made each update (this listener runs before the queue's).
  const madeBy = new Map<Uint8Array, string>();
  let writing = '';
  doc.on('update', (update: Uint8Array) => madeBy.set(update, writing));
  const stored: string[] = [];
  const store = vi.fn((update: Uint8Array, origin: unknown) => {
    stored.push(`${origin === REMOTE ? 'remote' : 'local'}:${madeBy.get(update) ?? '?'}`);
  });
  const queue = queueRemoteStores(doc, store, (origin) => origin === REMOTE);
  const write = (value: string, origin: unknown) => {
    writing = value;
    doc.transact(() => doc.getMap('m').set(value, true), origin);
  };
  return { doc, stored, queue, write };
}

describe('queueRemoteStores', () => {
  it('stores a local edit inside its update event', () => {
    const { stored, write } = setup();
    write('a', null);
    expect(stored).toEqual(['local:a']);
  });

  it('stores a received update only later, and then without being asked again', async () => {
    vi.useFakeTimers();
    try {
      const { stored, write } = setup();
      write('r', REMOTE);
      expect(stored).toEqual([]);
      await vi.runAllTimersAsync();
      expect(stored).toEqual(['remote:r']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes waiting received updates before a local edit that follows them', () => {
    const { stored, write } = setup();
    write('r1', REMOTE);
    write('r2', REMOTE);
    write('l', null);
    expect(stored).toEqual(['remote:r1', 'remote:r2', 'local:l']);
  });

  it('writes what waits when stopped, and nothing after', () => {
    const { stored, queue, write } = setup();
    write('r', REMOTE);
    queue.stop();
    write('l', null);
    expect(stored).toEqual(['remote:r']);
  });
});
