/**
 * Bundled JGJ 59-2011 catalog versions.
 *
 * @module
 */
import type { Jgj59Catalog } from '../catalog/types.js';
import { createCatalogRegistry } from '../catalog/registry.js';
import { loadScoringCatalog } from '../catalog/validate-scoring.js';
import jgj59V1 from './jgj59-2011.v1.json' with { type: 'json' };

// Pure: bundles that use only the identifier checks leave the catalogs out.
const registry = /* @__PURE__ */ createCatalogRegistry<Jgj59Catalog>({ 'jgj59-2011@1': jgj59V1 }, (data) =>
  loadScoringCatalog(data, 'jgj59'),
);

/** Bundled JGJ 59 catalog versions, oldest first (e.g. `['jgj59-2011@1']`). */
export const JGJ59_CATALOG_VERSIONS: readonly string[] = registry.versions;

/**
 * The JGJ 59-2011 catalog: 表A (10 categories with weights) and 表B.1–表B.19 with items, deduction rows and
 * certainty flags. Validated against the schema on first access, then cached and frozen.
 *
 * @param version - A bundled version; default the latest. Record `catalogVersion` on each inspection.
 * @throws {@link UnknownCatalogVersionError} for a version that is not bundled.
 * @example getJgj59Catalog().tables.find((t) => t.tableNo === '表B.1')?.name // '安全管理检查评分表'
 */
export function getJgj59Catalog(version?: string): Jgj59Catalog {
  return registry.get(version);
}
