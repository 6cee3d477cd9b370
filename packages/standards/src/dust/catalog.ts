/**
 * Bundled versions of anguan's dust checklist 参照 DGJ32/J 203-2016.
 *
 * @module
 */
import type { DustCatalog } from '../catalog/types.js';
import { createCatalogRegistry } from '../catalog/registry.js';
import { loadScoringCatalog } from '../catalog/validate-scoring.js';
import dustV1 from './dust-checklist.v1.json' with { type: 'json' };

// Pure: bundles that use only the identifier checks leave the catalogs out.
const registry = /* @__PURE__ */ createCatalogRegistry<DustCatalog>({ 'anguan-dust@1': dustV1 }, (data) =>
  loadScoringCatalog(data, 'dust'),
);

/** Bundled dust checklist versions, oldest first. */
export const DUST_CATALOG_VERSIONS: readonly string[] = registry.versions;

/**
 * anguan's dust checklist (扬尘防治检查表), 参照 DGJ32/J 203-2016 but NOT that standard's table, which was not
 * found: `provenance.notFromStandard` is true and the UI must label it so. Ten items of 10 points; the six
 * 六个百分百 measures are 保证项目 (60 points); pass rule 达标 ≥ 80 with no sheet at 0 (see `rules`).
 *
 * @param version - A bundled version; default the latest.
 * @throws {@link UnknownCatalogVersionError} for a version that is not bundled.
 */
export function getDustCatalog(version?: string): DustCatalog {
  return registry.get(version);
}
