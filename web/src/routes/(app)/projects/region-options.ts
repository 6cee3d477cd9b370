import type { ProjectListItem, RegionRef } from '$lib/api';

/**
 * Adds the regions of `projects` (each city, and each district named with its city) to `known`, sorted by code;
 * the 项目信息 region filter offers what the answers so far contained.
 */
export function mergeRegions(
  known: readonly RegionRef[],
  projects: readonly Pick<ProjectListItem, 'region'>[],
): RegionRef[] {
  const byCode = new Map(known.map((r) => [r.code, r]));
  for (const { region } of projects) {
    if (!region) continue;
    if (region.city) byCode.set(region.city.code, region.city);
    const sameAsCity = region.city?.code === region.code;
    byCode.set(region.code, {
      code: region.code,
      name: region.city && !sameAsCity ? `${region.city.name}${region.name}` : region.name,
    });
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
