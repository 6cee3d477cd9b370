/**
 * A supervisor's region and the projects under it. One rule for the projects API (SQL) and the document access
 * policy (in memory): a region covers a project when the project's 行政区划码 starts with the region's
 * significant digits — 320000 (province) covers every 32xxxx, 320100 (南京市) covers 3201xx, 320102 only itself.
 */

/** The significant digits of a 行政区划码 (trailing "00" pairs dropped), or null for none. */
export function regionPrefix(regionCode: string | null): string | null {
  if (!regionCode) return null;
  const significant = regionCode.replace(/(00)+$/, '');
  return significant === '' ? null : significant;
}

export function regionCovers(supervisorRegion: string | null, projectRegion: string | null): boolean {
  const prefix = regionPrefix(supervisorRegion);
  return prefix !== null && projectRegion !== null && projectRegion.startsWith(prefix);
}
