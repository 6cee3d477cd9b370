/**
 * Bundled versions of the provisional inspection-term tree (检查用语).
 *
 * @module
 */
import type { InspectionTermTree } from '../catalog/types.js';
import { createCatalogRegistry } from '../catalog/registry.js';
import { loadInspectionTermTree } from '../catalog/validate-terms.js';
import termsV1 from './inspection-terms.v1.json' with { type: 'json' };

// Pure: bundles that use only the identifier checks leave the catalogs out.
const registry = /* @__PURE__ */ createCatalogRegistry<InspectionTermTree>(
  { 'anguan-terms@1': termsV1 },
  loadInspectionTermTree,
);

/** Bundled term-tree versions, oldest first. */
export const INSPECTION_TERM_TREE_VERSIONS: readonly string[] = registry.versions;

/**
 * The provisional inspection-term tree: category → table (or topic) → check item → defect phrase, each phrase
 * with a code, a default hazard level (一般隐患/重大隐患) and the JGJ 59 row it relates to. It is anguan's,
 * derived from the JGJ 59-2011 deduction rows, NOT the term list of DGJ32/TJ 218-2017 (not found):
 * `provenance.notFromStandard` is true.
 *
 * @param version - A bundled version; default the latest.
 * @throws {@link UnknownCatalogVersionError} for a version that is not bundled.
 */
export function getInspectionTermTree(version?: string): InspectionTermTree {
  return registry.get(version);
}
