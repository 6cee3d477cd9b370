import { describe, expect, it } from 'vitest';
import { parseSelfScore } from './self-score';

describe('parseSelfScore', () => {
  it('treats an empty field as no self-score', () => {
    expect(parseSelfScore('  ')).toEqual({ score: null });
  });

  it('accepts 0 to 100 with at most one decimal', () => {
    expect(parseSelfScore('86.5')).toEqual({ score: 86.5 });
    expect(parseSelfScore('100')).toEqual({ score: 100 });
    expect(parseSelfScore('0')).toEqual({ score: 0 });
  });

  it('refuses more than one decimal, more than 100 and text', () => {
    expect(parseSelfScore('86.55')).toHaveProperty('error');
    expect(parseSelfScore('100.1')).toHaveProperty('error');
    expect(parseSelfScore('八十')).toHaveProperty('error');
  });
});
