import type { RegionOption } from '$lib/api';

/** The regions a project is registered in (those with no sub-region), each named with its parent. */
export function leafRegions(regions: readonly RegionOption[]): Array<{ code: string; label: string }> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const parents = new Set(regions.map((r) => r.parentCode));
  return regions
    .filter((r) => !parents.has(r.code))
    .map((r) => ({ code: r.code, label: `${byCode.get(r.parentCode ?? '')?.name ?? ''}${r.name}` }));
}
