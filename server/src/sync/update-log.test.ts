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
    log.append('inspection:x', [a, b]);
    log.append('inspection:y', [c]);
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
    const seq = log.append('d', [update('a'), update('b')]);
    const later = update('c');
    log.append('d', [later]);
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
});
