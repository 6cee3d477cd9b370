import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MESSAGE_AUTH,
  MESSAGE_SYNC,
  SYNC_UPDATE,
  decodeFrame,
  encodeAuth,
  encodeSync,
  makeProbe,
  scanProbes,
} from './protocol.js';

function updateOf(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  let captured: Uint8Array | undefined;
  doc.on('update', (update: Uint8Array) => (captured = update));
  edit(doc);
  return captured as Uint8Array;
}

describe('latency probes', () => {
  it('are found in a Yjs update without applying it', () => {
    const update = updateOf((doc) =>
      doc.getMap('fields').set('w1-0', makeProbe(7, 42, 1_700_000_000_123.456)),
    );
    expect(scanProbes(update)).toEqual([{ writer: 7, seq: 42, sentMs: 1_700_000_000_123.456 }]);
  });

  it('are all found in a merged update', () => {
    const a = updateOf((doc) => doc.getMap('m').set('a', makeProbe(1, 1, 10)));
    const b = updateOf((doc) => doc.getMap('m').set('b', makeProbe(2, 5, 20)));
    const probes = scanProbes(Y.mergeUpdates([a, b]));
    expect(probes.map((p) => p.writer).sort()).toEqual([1, 2]);
  });

  it('are absent from updates that carry none', () => {
    expect(scanProbes(updateOf((doc) => doc.getText('t').insert(0, 'hello ~bt~ but no end')))).toEqual([]);
  });
});

describe('framing', () => {
  it('round-trips a plain y-websocket update message', () => {
    const frame = decodeFrame('plain', encodeSync('plain', 'doc', SYNC_UPDATE, new Uint8Array([1, 2, 3])));
    expect(frame).toEqual({ type: MESSAGE_SYNC, subType: SYNC_UPDATE, payload: new Uint8Array([1, 2, 3]) });
  });

  it('prefixes Hocuspocus messages with the document name', () => {
    const bytes = encodeSync('hocuspocus', 'inspection:1', SYNC_UPDATE, new Uint8Array([9]));
    expect(Buffer.from(bytes).includes(Buffer.from('inspection:1'))).toBe(true);
    expect(decodeFrame('hocuspocus', bytes).payload).toEqual(new Uint8Array([9]));
    expect(decodeFrame('hocuspocus', encodeAuth('d', 'token'))).toMatchObject({
      type: MESSAGE_AUTH,
      subType: 0,
    });
  });

  it('throws on a truncated frame', () => {
    expect(() => decodeFrame('plain', new Uint8Array([0, 2, 5, 1]))).toThrow();
  });
});
