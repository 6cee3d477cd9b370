import { describe, expect, it } from 'vitest';
import { CatalogInvalidError } from '../errors.js';
import { getDustCatalog } from '../dust/catalog.js';
import { getJgj59Catalog } from '../jgj59/catalog.js';
import { loadScoringCatalog } from './validate-scoring.js';

/** A mutable deep copy of the bundled JGJ 59 catalog as plain JSON. */
type Json = Record<string, unknown>;
type Path = readonly (string | number)[];
const fresh = (): Json => JSON.parse(JSON.stringify(getJgj59Catalog())) as Json;

/** Reads the value at `path`. */
function get(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], data);
}

/** Writes `value` at `path`. */
function set(data: unknown, path: Path, value: unknown): void {
  const parent = get(data, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] ?? ''] = value;
}

const rule = (table: number, item: number, row: number): Path => [
  'tables',
  table,
  'items',
  item,
  'deductions',
  row,
];

function rejection(mutate: (data: Json) => void): CatalogInvalidError {
  const data = fresh();
  mutate(data);
  try {
    loadScoringCatalog(data, 'jgj59');
  } catch (error) {
    if (error instanceof CatalogInvalidError) return error;
    throw error;
  }
  throw new Error('Expected the catalog to be rejected');
}

describe('loadScoringCatalog', () => {
  it('accepts the bundled catalogs and drops unknown fields', () => {
    const data = fresh();
    data['extra'] = 'ignored';
    const loaded = loadScoringCatalog(data, 'jgj59');
    expect(loaded).toEqual(getJgj59Catalog());
    expect(loadScoringCatalog(JSON.parse(JSON.stringify(getDustCatalog())), 'dust')).toEqual(
      getDustCatalog(),
    );
  });

  it('rejects a catalog of another kind', () => {
    expect(() => loadScoringCatalog(fresh(), 'dust')).toThrow(CatalogInvalidError);
  });

  it('rejects a table whose items do not sum to 100, naming the table', () => {
    const error = rejection((d) => {
      set(d, ['tables', 0, 'items', 0, 'points'], 11);
    });
    expect(error.field).toBe('$.tables[0]');
    expect(error.message).toMatch(/do not sum to 100/);
  });

  it('rejects a split table whose 保证项目 do not sum to 60', () => {
    const error = rejection((d) => {
      set(d, ['tables', 0, 'items', 0, 'group'], '一般项目');
    });
    expect(error.message).toMatch(/保证项目/);
  });

  it('rejects a duplicate rule id', () => {
    const error = rejection((d) => {
      set(d, [...rule(0, 0, 1), 'id'], get(d, [...rule(0, 0, 0), 'id']));
    });
    expect(error.message).toMatch(/duplicate id "safety_management.01.01"/);
  });

  it('rejects a range whose maximum differs from the row points', () => {
    const error = rejection((d) => {
      set(d, [...rule(0, 0, 2), 'pointsRange'], [2, 8]);
    });
    expect(error.field).toBe('$.tables[0].items[0].deductions[2].pointsRange');
  });

  it('rejects a wrongly typed field with its path', () => {
    const error = rejection((d) => {
      set(d, [...rule(3, 2, 0), 'points'], '5');
    });
    expect(error.field).toBe('$.tables[3].items[2].deductions[0].points');
  });

  it('rejects an unknown occurrence unit and verification status', () => {
    expect(
      rejection((d) => {
        set(d, [...rule(0, 0, 0), 'per'], '每米');
      }).field,
    ).toBe('$.tables[0].items[0].deductions[0].per');
    expect(
      rejection((d) => {
        set(d, ['tables', 0, 'verification', 'status'], 'verified');
      }).field,
    ).toBe('$.tables[0].verification.status');
  });

  it('rejects summary weights that do not sum to 100 and a table outside every category', () => {
    expect(
      rejection((d) => {
        set(d, ['summary', 'categories', 9, 'points'], 10);
      }).message,
    ).toMatch(/weights/);
    expect(
      rejection((d) => {
        (get(d, ['summary', 'categories', 2, 'tableIds']) as unknown[]).pop();
      }).message,
    ).toMatch(/not in category/);
  });

  it('rejects grade bands that do not descend to 0', () => {
    expect(
      rejection((d) => {
        set(
          d,
          ['rules', 'gradeBands'],
          [
            { grade: '合格', min: 70 },
            { grade: '优良', min: 80 },
          ],
        );
      }).field,
    ).toBe('$.rules.gradeBands[1]');
  });

  it('rejects an item id that is not under its table id', () => {
    expect(
      rejection((d) => {
        set(d, ['tables', 0, 'items', 0, 'id'], 'other.01');
      }).message,
    ).toMatch(/not under safety_management/);
  });
});
