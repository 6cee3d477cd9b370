import { describe, expect, it } from 'vitest';
import { CatalogInvalidError } from '../errors.js';
import { loadInspectionTermTree, walkTerms } from '../catalog/validate-terms.js';
import type { TermPhrase } from '../catalog/types.js';
import { getDustCatalog } from '../dust/catalog.js';
import { getJgj59Catalog } from '../jgj59/catalog.js';
import { getInspectionTermTree, INSPECTION_TERM_TREE_VERSIONS } from './catalog.js';

const tree = getInspectionTermTree();
const nodes = [...walkTerms(tree.categories)];
const phrases = nodes.filter((n): n is TermPhrase => n.kind === 'phrase');

describe('inspection-term tree', () => {
  it('is labelled as anguan provisional content, not the standard', () => {
    expect(INSPECTION_TERM_TREE_VERSIONS).toEqual(['anguan-terms@1']);
    expect(tree.provenance).toMatchObject({ notFromStandard: true, uncertain: true });
    expect(tree.standard.note).toMatch(/NOT the term list/);
  });

  it('has the ten JGJ 59 categories plus 其他, in summary order', () => {
    const jgj = getJgj59Catalog();
    expect(tree.categories.map((c) => c.id)).toEqual([
      ...jgj.summary.categories.map((c) => `term.cat.${c.id}`),
      'term.cat.other',
    ]);
  });

  it('has one phrase per JGJ 59 deduction row, each pointing at an existing row of the recorded version', () => {
    const jgj = getJgj59Catalog(tree.jgj59CatalogVersion);
    const rows = new Map(
      jgj.tables.flatMap((t) => t.items.flatMap((i) => i.deductions)).map((r) => [r.id, r]),
    );
    const linked = phrases.filter((p) => p.source === 'jgj59');
    expect(linked.map((p) => p.relatesTo?.deductionId).sort()).toEqual([...rows.keys()].sort());
    for (const phrase of linked) {
      expect(rows.get(phrase.relatesTo?.deductionId ?? '')?.text).toBe(phrase.name);
      // The item and table are named too, so a finding can be placed on a JGJ 59 sheet without parsing ids.
      expect(phrase.relatesTo?.deductionId?.startsWith(`${phrase.relatesTo.itemId ?? '?'}.`)).toBe(true);
      expect(phrase.relatesTo?.itemId?.startsWith(`${phrase.relatesTo.tableId ?? '?'}.`)).toBe(true);
    }
  });

  it('relates every dust phrase to a rule of the recorded dust checklist version', () => {
    const dust = getDustCatalog(tree.dustCatalogVersion);
    const ids = new Set(dust.tables.flatMap((t) => t.items.flatMap((i) => i.deductions.map((r) => r.id))));
    const linked = phrases.filter((p) => p.source === 'dust');
    expect(linked).toHaveLength(ids.size);
    expect(linked.every((p) => ids.has(p.relatesTo?.dustRuleId ?? ''))).toBe(true);
  });

  it('uses unique ids and codes and only declared hazard levels, with some 重大隐患', () => {
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(new Set(phrases.map((p) => p.code)).size).toBe(phrases.length);
    expect(tree.hazardLevels.map((l) => l.name)).toEqual(['一般隐患', '重大隐患']);
    const major = phrases.filter((p) => p.hazardLevel === 'major');
    expect(major.length).toBeGreaterThan(0);
    expect(major.map((p) => p.code)).toContain('tower_crane.01.02');
    expect(phrases.find((p) => p.code === 'safety_management.01.02')?.hazardLevel).toBe('general');
  });

  it('rejects a tree with a duplicate node id', () => {
    const data = JSON.parse(JSON.stringify(tree)) as { categories: { id: string }[] };
    const second = data.categories[1];
    if (second) second.id = data.categories[0]?.id ?? '';
    expect(() => loadInspectionTermTree(data)).toThrow(CatalogInvalidError);
  });

  it('rejects a phrase with an undeclared hazard level', () => {
    const data = JSON.parse(JSON.stringify(tree)) as { hazardLevels: unknown[] };
    data.hazardLevels = data.hazardLevels.slice(0, 1);
    expect(() => loadInspectionTermTree(data)).toThrow(/undeclared hazard level/);
  });
});
