import type * as Y from 'yjs';
import { readRoot } from '../text.js';
import type { IssueSink } from '../issues.js';
import { check, transact, type WriteOptions } from '../write-options.js';
import { META_KEYS, ROOTS } from './schema.js';

/**
 * 标准化月评's self-score (meta `selfScore`): the score the project department gave itself on the scanned
 * evaluation form. A number from 0 to 100 with at most one decimal, or null when the form carries none.
 */
export function isSelfScore(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= 100 &&
    // One decimal: tenths are whole numbers (rounding absorbs binary noise such as 0.1 * 3).
    Math.abs(value * 10 - Math.round(value * 10)) < 1e-9
  );
}

/** The self-score, or null when unset; an invalid value is reported to `issues` and read as null. */
export function readSelfScore(doc: Y.Doc, issues?: IssueSink): number | null {
  const value = readRoot(doc, ROOTS.meta).get(META_KEYS.selfScore);
  if (value === undefined || value === null) return null;
  if (isSelfScore(value)) return Math.round(value * 10) / 10;
  issues?.add(`meta.${META_KEYS.selfScore}`, 'invalid', '自评分必须是 0～100 之间、最多一位小数的数字');
  return null;
}

/** Sets (or clears with null) the self-score. */
export function setSelfScore(doc: Y.Doc, score: number | null, options: WriteOptions = {}): void {
  check(score === null || isSelfScore(score), 'selfScore', 'must be 0–100 with at most one decimal, or null');
  const value = score === null ? null : Math.round(score * 10) / 10;
  transact(doc, options, () => doc.getMap(ROOTS.meta).set(META_KEYS.selfScore, value));
}
