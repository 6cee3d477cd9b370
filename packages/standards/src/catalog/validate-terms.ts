/**
 * Schema and integrity validation of the inspection-term tree.
 *
 * @module
 */
import type { HazardLevel, InspectionTermTree, TermBranch, TermNode, TermRelation } from './types.js';
import {
  arrayAt,
  asObject,
  booleanAt,
  deepFreeze,
  enumAt,
  objectAt,
  ensure,
  stringAt,
  stringOrNullAt,
  type Obj,
} from './schema.js';

const HAZARD_LEVELS = ['general', 'major'] as const;
const BRANCH_KINDS = ['category', 'table', 'topic', 'item'] as const;

function readRelation(value: unknown, path: string): TermRelation | null {
  if (value === null || value === undefined) return null;
  const o = asObject(value, path);
  const relation: Record<string, string> = {};
  for (const key of ['tableId', 'itemId', 'deductionId', 'dustRuleId'] as const) {
    const id = stringOrNullAt(o, key);
    if (id !== null) relation[key] = id;
  }
  ensure(Object.keys(relation).length > 0, path, 'a relation needs at least one id');
  return relation;
}

function readNode(value: unknown, path: string): TermNode {
  const o = asObject(value, path);
  if (o.value['kind'] === 'phrase') {
    return {
      id: stringAt(o, 'id'),
      kind: 'phrase',
      code: stringAt(o, 'code'),
      name: stringAt(o, 'name'),
      hazardLevel: enumAt(o, 'hazardLevel', HAZARD_LEVELS),
      source: enumAt(o, 'source', ['jgj59', 'dust', 'anguan'] as const),
      relatesTo: readRelation(o.value['relatesTo'], `${path}.relatesTo`),
    };
  }
  return readBranch(o);
}

function readBranch(o: Obj): TermBranch {
  const relatesTo = readRelation(o.value['relatesTo'], `${o.path}.relatesTo`);
  const branch = {
    id: stringAt(o, 'id'),
    name: stringAt(o, 'name'),
    kind: enumAt(o, 'kind', BRANCH_KINDS),
    children: arrayAt(o, 'children', readNode),
  };
  return relatesTo === null ? branch : { ...branch, relatesTo };
}

/** Every node of the tree, depth first. */
export function* walkTerms(nodes: readonly TermNode[]): Generator<TermNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind !== 'phrase') yield* walkTerms(node.children);
  }
}

/**
 * Validates term-tree JSON and returns a typed, deeply frozen copy. Integrity: node ids and phrase codes are
 * unique; every phrase's hazard level is declared in `hazardLevels`.
 *
 * @param data - Parsed JSON.
 * @returns The validated tree.
 * @throws {@link CatalogInvalidError} naming the first offending path.
 */
export function loadInspectionTermTree(data: unknown): InspectionTermTree {
  const o = asObject(data, '$');
  enumAt(o, 'kind', ['terms'] as const);
  const standard = objectAt(o, 'standard');
  const provenance = objectAt(o, 'provenance');
  const tree: InspectionTermTree = {
    kind: 'terms',
    catalogVersion: stringAt(o, 'catalogVersion'),
    standard: {
      code: stringAt(standard, 'code'),
      name: stringAt(standard, 'name'),
      note: stringAt(standard, 'note'),
    },
    provenance: {
      notFromStandard: booleanAt(provenance, 'notFromStandard'),
      uncertain: booleanAt(provenance, 'uncertain'),
      source: stringAt(provenance, 'source'),
      note: stringOrNullAt(provenance, 'note'),
    },
    hazardLevels: arrayAt(o, 'hazardLevels', (v, p) => {
      const level = asObject(v, p);
      return {
        id: enumAt(level, 'id', HAZARD_LEVELS),
        name: stringAt(level, 'name'),
        basis: stringOrNullAt(level, 'basis'),
      };
    }),
    jgj59CatalogVersion: stringAt(o, 'jgj59CatalogVersion'),
    dustCatalogVersion: stringAt(o, 'dustCatalogVersion'),
    categories: arrayAt(o, 'categories', (v, p) => readBranch(asObject(v, p))),
  };
  checkTermIntegrity(tree);
  return deepFreeze(tree);
}

function checkTermIntegrity(tree: InspectionTermTree): void {
  const levels = new Set<HazardLevel>(tree.hazardLevels.map((l) => l.id));
  const ids = new Set<string>();
  const codes = new Set<string>();
  for (const node of walkTerms(tree.categories)) {
    ensure(!ids.has(node.id), '$.categories', `duplicate term id "${node.id}"`);
    ids.add(node.id);
    if (node.kind === 'phrase') {
      ensure(!codes.has(node.code), '$.categories', `duplicate term code "${node.code}"`);
      codes.add(node.code);
      ensure(levels.has(node.hazardLevel), '$.categories', `undeclared hazard level on ${node.id}`);
    }
  }
}
