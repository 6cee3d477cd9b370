import { describe, expect, it } from 'vitest';
import { branchCounts, effectiveHazard, queryWords, searchPhrases, termIndex } from './term-tree';

const index = termIndex(null);

describe('the term picker index', () => {
  it('indexes every phrase of the provisional tree with its category, table and item path', () => {
    expect(index.phrases.size).toBeGreaterThan(100);
    const entry = index.phrases.get('term.safety_management.01.01');
    expect(entry?.phrase.name).toBe('未建立安全生产责任制');
    expect(entry?.path).toEqual(['安全管理', '安全管理', '安全生产责任制']);
  });

  it('falls back to the latest tree for a catalog version this build does not bundle', () => {
    expect(termIndex('terms@999').phrases.size).toBe(index.phrases.size);
  });

  it('splits a query on half- and full-width spaces and commas', () => {
    expect(queryWords(' 安全  责任制，签字　确认 ')).toEqual(['安全', '责任制', '签字', '确认']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('finds phrases holding every word, phrase matches before path-only matches', () => {
    const found = searchPhrases(index, '责任制 签字');
    expect(found.length).toBeGreaterThan(0);
    for (const entry of found) {
      const text = `${entry.phrase.name} ${entry.path.join(' ')}`;
      expect(text).toContain('责任制');
      expect(text).toContain('签字');
    }
    expect(found[0]?.phrase.name).toContain('签字');
    const pathOnly = searchPhrases(index, '安全管理');
    const firstPathOnly = pathOnly.findIndex((e) => !e.phrase.name.includes('安全管理'));
    const lastInName = pathOnly.findLastIndex((e) => e.phrase.name.includes('安全管理'));
    if (firstPathOnly >= 0 && lastInName >= 0) expect(lastInName).toBeLessThan(firstPathOnly);
    expect(searchPhrases(index, '')).toEqual([]);
    expect(searchPhrases(index, '不存在的用语词')).toEqual([]);
    expect(searchPhrases(index, '未', 5)).toHaveLength(5);
  });

  it("counts a branch's phrases and the chosen ones", () => {
    const category = index.tree.categories[0]!;
    const { total } = branchCounts(category, new Set());
    expect(total).toBeGreaterThan(1);
    expect(branchCounts(category, new Set(['term.safety_management.01.01', 'elsewhere']))).toEqual({
      total,
      chosen: 1,
    });
  });

  it("shows the inspector's hazard level over the phrase default", () => {
    const phrase = index.phrases.get('term.safety_management.01.01')!.phrase;
    expect(effectiveHazard(null, phrase)).toBe(phrase.hazardLevel);
    expect(effectiveHazard('major', phrase)).toBe('major');
    expect(effectiveHazard(null, undefined)).toBe('general');
  });
});
