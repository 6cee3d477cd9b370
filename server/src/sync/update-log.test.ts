import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openDatabase, type Database_ } from '../db/client.js';
import { SqliteUpdateLog } from './update-log.js';

let dir: string;
let database: Database_;
let log: SqliteUpdateLog;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'anguan-log-'));
  database = openDatabase(dir);
  log = new SqliteUpdateLog(database.sqlite);
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stored blobs come back as Buffers; compare their bytes. */
const bytes = (b: Uint8Array) => new Uint8Array(b);

const update = (key: string) => {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, 1);
  return Y.encodeStateAsUpdate(doc);
};

describe('SqliteUpdateLog', () => {
  it('loads what it appended, per document, in order', () => {
    const [a, b, c] = [update('a'), update('b'), update('c')];
    log.append('inspection:x', 0, [a, b]);
    log.append('inspection:y', 0, [c]);
    const loaded = log.load('inspection:x');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates.map(bytes)).toEqual([a, b]);
    expect(log.load('inspection:y').updates.map(bytes)).toEqual([c]);
    expect(log.load('inspection:none')).toEqual({
      snapshot: null,
      stateVector: null,
      updates: [],
      lastSeq: 0,
    });
  });

  it('keeps updates appended after the compaction point', () => {
    const seq = log.append('d', 0, [update('a'), update('b')]);
    const later = update('c');
    log.append('d', seq, [later]);
    const state = Y.mergeUpdates([update('a'), update('b')]);
    log.compact(
      'd',
      { state, stateVector: Y.encodeStateVectorFromUpdate(state), throughSeq: seq },
      new Date(),
    );
    const loaded = log.load('d');
    expect(bytes(loaded.snapshot!)).toEqual(state);
    expect(loaded.updates.map(bytes)).toEqual([later]);
    expect(loaded.lastSeq).toBeGreaterThan(seq);
  });

  it('numbers each document on its own, and goes on after a compaction and a reload', () => {
    expect(log.append('d', 0, [update('a'), update('b')])).toBe(2);
    expect(log.append('e', 0, [update('x')])).toBe(1);
    const state = Y.mergeUpdates([update('a'), update('b')]);
    log.compact('d', { state, stateVector: Y.encodeStateVectorFromUpdate(state), throughSeq: 2 }, new Date());
    // Every row is folded into the snapshot: the snapshot keeps the number, so it never goes back.
    expect(log.load('d')).toMatchObject({ updates: [], lastSeq: 2 });
    expect(log.appendBatch([{ docName: 'd', afterSeq: 2, updates: [update('c')] }])).toEqual([3]);
    expect(log.load('d')).toMatchObject({ lastSeq: 3 });
  });

  it('refuses a seq already taken and stores nothing of that append', () => {
    const first = update('a');
    log.append('d', 0, [first]);
    expect(() => log.append('d', 0, [update('b'), update('c')])).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      log.appendBatch([
        { docName: 'e', afterSeq: 0, updates: [update('x')] },
        { docName: 'd', afterSeq: 0, updates: [update('y')] },
      ]),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(log.load('d').updates.map(bytes)).toEqual([first]);
    expect(log.load('e').updates).toEqual([]);
  });
});
