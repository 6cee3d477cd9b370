/**
 * 建办质〔2018〕31号 附件2 (超过一定规模的危险性较大的分部分项工程范围): its items with their threshold parameters,
 * and whether given parameters reach an item's threshold. Data generated from `shared/standards/dangerous-works.json`
 * by `scripts/build-catalogs.mjs` (item texts verbatim; parameter names and units are anguan's labels).
 *
 * @module
 */
import annex2Data from './annex2-2018.v1.json' with { type: 'json' };

/** One numeric condition: `gte` reaches at `value` or more (及以上 / 含, inclusive), `lt` below `value`. */
export interface Annex2Condition {
  /** Parameter key stored with the work, e.g. `excavationDepthM`. */
  readonly parameter: string;
  /** zh-CN name, e.g. 开挖深度. */
  readonly name: string;
  /** Unit of the value, e.g. `m`, `kN`, `kN/m²`. */
  readonly unit: string;
  readonly op: 'gte' | 'lt';
  readonly value: number;
}

export interface Annex2Threshold {
  /** `any`: one condition suffices (或); `all`: every condition must hold. */
  readonly match: 'any' | 'all';
  readonly conditions: readonly Annex2Condition[];
  /** A qualitative condition the item's text adds (e.g. 采用非常规起重设备、方法), or null. */
  readonly condition: string | null;
}

export interface Annex2Item {
  /** Stable id, e.g. `sdw.pit.depth5`. */
  readonly id: string;
  readonly categoryId: string;
  readonly text: string;
  /** Null when the item is 超规模 by its kind alone (e.g. 暗挖工程), with no numeric threshold. */
  readonly threshold: Annex2Threshold | null;
}

interface Annex2Catalog {
  readonly catalogVersion: string;
  readonly annex: string;
  readonly provenance: {
    readonly notFromStandard: boolean;
    readonly uncertain: boolean;
    readonly source: string;
    readonly note: string;
  };
  readonly thresholdNotes: readonly string[];
  readonly categories: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly items: ReadonlyArray<Omit<Annex2Item, 'categoryId'>>;
  }>;
}

const catalog = annex2Data as Annex2Catalog;

/** Where the items come from; show it beside them (certainty travels with the data). */
export const SUPER_DANGEROUS_ITEMS_SOURCE = Object.freeze({
  catalogVersion: catalog.catalogVersion,
  annex: catalog.annex,
  provenance: catalog.provenance,
  thresholdNotes: catalog.thresholdNotes,
});

/** Every 附件2 item in the annex's order, with its category id. */
export const SUPER_DANGEROUS_ITEMS: readonly Annex2Item[] = Object.freeze(
  catalog.categories.flatMap((c) => c.items.map((item) => Object.freeze({ ...item, categoryId: c.id }))),
);

/** The items of one category (empty for an unknown id). */
export function superDangerousItemsOf(categoryId: string): Annex2Item[] {
  return SUPER_DANGEROUS_ITEMS.filter((item) => item.categoryId === categoryId);
}

export function superDangerousItem(itemId: string): Annex2Item | null {
  return SUPER_DANGEROUS_ITEMS.find((item) => item.id === itemId) ?? null;
}

/**
 * - `reaches`: the parameters reach the threshold (超过一定规模);
 * - `below`: every needed parameter is given and the threshold is not reached (属一般危大工程);
 * - `incomplete`: not reached with the parameters given, some still missing;
 * - `by_kind`: the item has no numeric threshold: its kind alone puts it in 附件2.
 */
export type ThresholdStatus = 'reaches' | 'below' | 'incomplete' | 'by_kind';

export interface ThresholdCheck {
  readonly status: ThresholdStatus;
  /** Parameters whose conditions hold. */
  readonly met: readonly string[];
  /** Parameters not given (or not finite). */
  readonly missing: readonly string[];
}

/** Parameter values by key; missing, null or non-finite values count as not given. */
export type ThresholdParameters = Readonly<Record<string, number | null | undefined>>;

/**
 * Whether `parameters` reach `item`'s threshold. Inclusive as the annex says (及以上 / 含): 5 m reaches `gte 5`.
 *
 * @example reachesThreshold(superDangerousItem('sdw.pit.depth5')!, { excavationDepthM: 5 }).status // 'reaches'
 */
export function reachesThreshold(item: Annex2Item, parameters: ThresholdParameters): ThresholdCheck {
  const threshold = item.threshold;
  if (threshold === null) return { status: 'by_kind', met: [], missing: [] };
  const met: string[] = [];
  const missing: string[] = [];
  for (const c of threshold.conditions) {
    const value = parameters[c.parameter];
    if (typeof value !== 'number' || !Number.isFinite(value)) missing.push(c.parameter);
    else if (c.op === 'gte' ? value >= c.value : value < c.value) met.push(c.parameter);
  }
  const total = threshold.conditions.length;
  const reached = threshold.match === 'any' ? met.length > 0 : met.length === total;
  const failed = threshold.match === 'any' ? missing.length === 0 : met.length + missing.length < total;
  const status: ThresholdStatus = reached ? 'reaches' : failed ? 'below' : 'incomplete';
  return { status, met, missing };
}
