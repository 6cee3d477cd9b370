import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../test/reference.js';
import { UnknownCatalogVersionError } from '../errors.js';
import { getJgj59Catalog, JGJ59_CATALOG_VERSIONS } from './catalog.js';

type ReferenceRow = {
  id: string;
  points: number;
  pointsRange: [number, number] | null;
  per: string | null;
  uncertain?: boolean;
};
type ReferenceItem = {
  id: string;
  points: number;
  group: string | null;
  rowsMatched: string;
  deductions: ReferenceRow[];
};
type Reference = {
  counts: {
    tables: number;
    items: number;
    deductions: number;
    uncertainRows: number;
    itemsMatched_all: number;
  };
  subTables: { id: string; verification: { status: string }; items: ReferenceItem[] }[];
  summaryTable: { categories: { id: string; points: number }[] };
};

const catalog = getJgj59Catalog();
const reference = readReferenceJson('jgj59-2011.json') as Reference;
const items = catalog.tables.flatMap((t) => t.items);
const rules = items.flatMap((i) => i.deductions);
const allIds = [...catalog.tables.map((t) => t.id), ...items.map((i) => i.id), ...rules.map((r) => r.id)];

describe('JGJ 59-2011 catalog integrity', () => {
  it('has the reference counts: 19 tables, 189 items, 768 deduction rows, 20 uncertain rows', () => {
    expect(catalog.tables).toHaveLength(reference.counts.tables);
    expect(items).toHaveLength(reference.counts.items);
    expect(rules).toHaveLength(reference.counts.deductions);
    expect(rules.filter((r) => r.uncertain)).toHaveLength(reference.counts.uncertainRows);
    expect(items.filter((i) => i.rowsMatched === 'all')).toHaveLength(reference.counts.itemsMatched_all);
  });

  it('sums every table to 100', () => {
    for (const table of catalog.tables) {
      expect(
        table.items.reduce((sum, i) => sum + i.points, 0),
        table.id,
      ).toBe(100);
    }
  });

  it('gives every split table 60 points of 保证项目, and only 表B.13 and 表B.19 no split', () => {
    for (const table of catalog.tables.filter((t) => t.hasGuaranteedSplit)) {
      const guaranteed = table.items
        .filter((i) => i.group === '保证项目')
        .reduce((sum, i) => sum + i.points, 0);
      expect(guaranteed, table.id).toBe(60);
    }
    expect(catalog.tables.filter((t) => !t.hasGuaranteedSplit).map((t) => t.tableNo)).toEqual([
      '表B.13',
      '表B.19',
    ]);
  });

  it('weights the ten summary categories 10, 15, 10, 10, 10, 10, 10, 10, 10, 5', () => {
    expect(catalog.summary.categories.map((c) => c.points)).toEqual([10, 15, 10, 10, 10, 10, 10, 10, 10, 5]);
    expect(catalog.summary.categories.filter((c) => c.aggregation === 'average').map((c) => c.id)).toEqual([
      'scaffolding',
      'hoists',
      'cranes',
    ]);
  });

  it('uses unique ids', () => {
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('keeps the ids, points, ranges and units of the reference data in order', () => {
    const referenceRows = reference.subTables.flatMap((t) => t.items.flatMap((i) => i.deductions));
    expect(rules.map((r) => [r.id, r.points, r.pointsRange, r.per])).toEqual(
      referenceRows.map((r) => [r.id, r.points, r.pointsRange, r.per]),
    );
    expect(items.map((i) => [i.id, i.points, i.group, i.rowsMatched])).toEqual(
      reference.subTables.flatMap((t) => t.items.map((i) => [i.id, i.points, i.group, i.rowsMatched])),
    );
  });

  it('keeps every table verification status of the reference', () => {
    expect(catalog.tables.map((t) => [t.id, t.verification.status])).toEqual(
      reference.subTables.map((t) => [t.id, t.verification.status]),
    );
  });

  it('keeps the id list of version jgj59-2011@1 stable (a renumbered id changes this fingerprint)', () => {
    // Ids are recorded in stored inspections; never renumber them — add a catalog version instead.
    const fingerprint = createHash('sha256').update(allIds.join('\n')).digest('hex').slice(0, 16);
    expect(fingerprint).toBe(JGJ59_ID_FINGERPRINT);
  });

  it('records its version and provenance so inspections can store them', () => {
    expect(JGJ59_CATALOG_VERSIONS).toEqual(['jgj59-2011@1']);
    expect(catalog).toMatchObject({
      catalogVersion: 'jgj59-2011@1',
      standard: { code: 'JGJ 59-2011', effective: '2012-07-01' },
      provenance: { notFromStandard: false, uncertain: true },
    });
  });

  it('returns the same frozen object on every call and refuses unknown versions', () => {
    expect(getJgj59Catalog('jgj59-2011@1')).toBe(catalog);
    expect(Object.isFrozen(catalog.tables[0]?.items[0]?.deductions[0])).toBe(true);
    expect(() => getJgj59Catalog('jgj59-2019@1')).toThrow(UnknownCatalogVersionError);
  });
});

const JGJ59_ID_FINGERPRINT = '7c4a5eae46b3a9c7';
