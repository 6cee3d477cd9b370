import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidValueError } from '../errors.js';
import { inspectionToJSON } from './to-json.js';
import { validateInspection } from './validate.js';
import { createInspection } from './write.js';
import { META_KEYS, ROOTS } from './schema.js';
import { isSelfScore, readSelfScore, setSelfScore } from './self-score.js';

function monthly(): Y.Doc {
  const doc = new Y.Doc();
  createInspection(doc, {
    projectId: 'p1',
    origin: 'monthly',
    method: 'internal',
    date: '2026-11-30',
    createdBy: 'u1',
  });
  return doc;
}

describe('the 标准化月评 self-score', () => {
  it('is null until set, then reads back and appears in the JSON', () => {
    const doc = monthly();
    expect(readSelfScore(doc)).toBeNull();
    setSelfScore(doc, 87.5);
    expect(readSelfScore(doc)).toBe(87.5);
    expect(inspectionToJSON(doc).selfScore).toBe(87.5);
    setSelfScore(doc, null);
    expect(inspectionToJSON(doc).selfScore).toBeNull();
  });

  it('accepts 0 to 100 with at most one decimal and refuses everything else', () => {
    for (const ok of [0, 100, 59.9, 0.3, 0.1 * 3]) expect(isSelfScore(ok)).toBe(true);
    for (const bad of [-0.1, 100.1, 88.25, Number.NaN, '90', null]) expect(isSelfScore(bad)).toBe(false);
    const doc = monthly();
    expect(() => setSelfScore(doc, 88.25)).toThrow(InvalidValueError);
    expect(() => setSelfScore(doc, 101)).toThrow(InvalidValueError);
    expect(readSelfScore(doc)).toBeNull();
  });

  it('reports a malformed value written by another client and reads it as null', () => {
    const doc = monthly();
    doc.getMap(ROOTS.meta).set(META_KEYS.selfScore, '95');
    expect(inspectionToJSON(doc).selfScore).toBeNull();
    expect(validateInspection(doc)).toEqual([
      expect.objectContaining({ path: 'meta.selfScore', code: 'invalid' }),
    ]);
  });
});
