import type { Db } from '../db/client.js';
import { projects, regions } from '../db/schema/index.js';

export type ProjectRow = typeof projects.$inferSelect;
type RegionRow = typeof regions.$inferSelect;

/** A project as every endpoint returns it (the shape is in /work/notes/projects-api.md). */
export interface ProjectView {
  id: string;
  filingNumber: string;
  name: string;
  address: string | null;
  region: { code: string; name: string; city: { code: string; name: string } | null } | null;
  constructor: { creditCode: string; name: string };
  builderName: string | null;
  supervisionFirmName: string | null;
  projectManager: string | null;
  area: number | null;
  contractAmount: number | null;
  structure: string | null;
  status: ProjectRow['status'];
  startDate: string | null;
  expectedCompletionDate: string | null;
  completionFilingDate: string | null;
  special: boolean;
  requiredInspectionsPerYear: number;
  /** An enterprise with the constructor's credit code has registered (the project is linked to it). */
  linked: boolean;
}

/** Region names by code; the table holds a province's few hundred codes, so one read per request is cheap. */
export type RegionIndex = ReadonlyMap<string, RegionRow>;

export async function loadRegionIndex(db: Db): Promise<RegionIndex> {
  const rows = await db.select().from(regions);
  return new Map(rows.map((r) => [r.code, r]));
}

export function regionView(index: RegionIndex, code: string | null): ProjectView['region'] {
  if (!code) return null;
  const region = index.get(code);
  const parent = region?.parentCode ? index.get(region.parentCode) : undefined;
  // A project registered directly at city level is its own city.
  const city = parent && parent.code.endsWith('00') && !parent.code.endsWith('0000') ? parent : region;
  return {
    code,
    name: region?.name ?? code,
    city:
      city && city.code.endsWith('00') && !city.code.endsWith('0000')
        ? { code: city.code, name: city.name }
        : null,
  };
}

export function toProjectView(project: ProjectRow, index: RegionIndex): ProjectView {
  return {
    id: project.id,
    filingNumber: project.filingNumber,
    name: project.name,
    address: project.address,
    region: regionView(index, project.regionCode),
    constructor: { creditCode: project.constructorCreditCode, name: project.constructorName },
    builderName: project.builderName,
    supervisionFirmName: project.supervisionFirmName,
    projectManager: project.projectManager,
    area: project.area,
    contractAmount: project.contractAmount,
    structure: project.structure,
    status: project.status,
    startDate: project.startDate,
    expectedCompletionDate: project.expectedCompletionDate,
    completionFilingDate: project.completionFilingDate,
    special: project.special,
    requiredInspectionsPerYear: project.requiredInspectionsPerYear,
    linked: project.enterpriseId !== null,
  };
}
