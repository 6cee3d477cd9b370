/**
 * Integrity rules of scoring catalogs, checked at load after the schema (see `validate-scoring.ts`).
 *
 * @internal
 * @module
 */
import type { ScoreTable, ScoringCatalog } from './types.js';
import { ensure, toTenths } from './schema.js';

const tenthsSum = (values: readonly number[]): number => values.reduce((sum, v) => sum + toTenths(v), 0);

function checkUnique(ids: readonly string[], path: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    ensure(!seen.has(id), path, `duplicate id "${id}"`);
    seen.add(id);
  }
}

function checkTable(table: ScoreTable, path: string, rules: ScoringCatalog['rules']): void {
  ensure(table.fullScore === rules.fullScore, `${path}.fullScore`, 'must equal rules.fullScore');
  // JGJ 59-2011 4.0.3-1: every sub-table is scored out of 100.
  ensure(
    tenthsSum(table.items.map((i) => i.points)) === toTenths(table.fullScore),
    path,
    `items of ${table.id} do not sum to ${table.fullScore}`,
  );
  table.items.forEach((item, i) => {
    const itemPath = `${path}.items[${i}]`;
    ensure(item.id.startsWith(`${table.id}.`), itemPath, `item id ${item.id} not under ${table.id}`);
    ensure(
      (item.group !== null) === table.hasGuaranteedSplit,
      itemPath,
      'group must be set exactly on split tables',
    );
    ensure(item.deductions.length > 0, itemPath, 'an item needs at least one deduction rule');
    item.deductions.forEach((rule, j) => {
      ensure(
        rule.id.startsWith(`${item.id}.`),
        `${itemPath}.deductions[${j}]`,
        `rule ${rule.id} not under ${item.id}`,
      );
    });
  });
  if (table.hasGuaranteedSplit) {
    const guaranteed = table.items.filter((i) => i.group === '保证项目').map((i) => i.points);
    ensure(
      tenthsSum(guaranteed) === toTenths(table.guaranteedSubtotal ?? -1),
      path,
      `保证项目 of ${table.id} do not sum to guaranteedSubtotal`,
    );
    ensure(
      (table.guaranteedSubtotal ?? 0) >= rules.guaranteedMinimum,
      path,
      'guaranteedSubtotal below the minimum',
    );
  }
}

function checkSummary(catalog: ScoringCatalog): void {
  const { categories } = catalog.summary;
  checkUnique(
    categories.map((c) => c.id),
    '$.summary.categories',
  );
  ensure(
    tenthsSum(categories.map((c) => c.points)) === toTenths(catalog.rules.fullScore),
    '$.summary.categories',
    'category weights do not sum to the full score',
  );
  const owner = new Map<string, string>();
  categories.forEach((c, i) => {
    ensure(c.tableIds.length > 0, `$.summary.categories[${i}]`, 'a category needs a table');
    for (const id of c.tableIds) {
      ensure(!owner.has(id), `$.summary.categories[${i}]`, `table ${id} is in two categories`);
      owner.set(id, c.id);
    }
  });
  catalog.tables.forEach((t, i) => {
    ensure(
      owner.get(t.id) === t.category,
      `$.tables[${i}].category`,
      `table ${t.id} not in category ${t.category}`,
    );
  });
  ensure(owner.size === catalog.tables.length, '$.summary.categories', 'a category lists an unknown table');
}

function checkGradeBands(catalog: ScoringCatalog): void {
  const bands = catalog.rules.gradeBands;
  ensure(bands.length > 0, '$.rules.gradeBands', 'expected at least one band');
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    ensure(
      previous === undefined || band.min < previous.min,
      `$.rules.gradeBands[${i}]`,
      'bands must descend',
    );
  });
  ensure(bands[bands.length - 1]?.min === 0, '$.rules.gradeBands', 'the last band must start at 0');
}

/**
 * Throws {@link CatalogInvalidError} when a schema-valid catalog breaks an integrity rule.
 *
 * @param catalog - A catalog that passed the schema readers.
 */
export function checkScoringIntegrity(catalog: ScoringCatalog): void {
  const tables = catalog.tables;
  checkUnique(
    [
      ...tables.map((t) => t.id),
      ...tables.flatMap((t) => t.items.flatMap((i) => [i.id, ...i.deductions.map((d) => d.id)])),
    ],
    '$.tables',
  );
  ensure(catalog.rules.fullScore === 100, '$.rules.fullScore', 'the engine assumes tables scored out of 100');
  tables.forEach((t, i) => checkTable(t, `$.tables[${i}]`, catalog.rules));
  checkSummary(catalog);
  checkGradeBands(catalog);
}
