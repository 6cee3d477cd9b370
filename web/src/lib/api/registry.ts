/** `/api/registry`: the supervisor's 项目登记, 批量导入 and 竣工备案 (/work/notes/projects-api.md "Registry"). */
import { postFile, request } from './client';
import type { ProjectDetail } from './types';

/** What the 项目登记 form sends. */
export interface ProjectInput {
  filingNumber: string;
  name: string;
  address?: string;
  regionCode: string;
  constructorName: string;
  constructorCreditCode: string;
  builderName?: string;
  supervisionFirmName?: string;
  projectManager?: string;
  area?: number;
  contractAmount?: number;
  structure?: string;
  startDate?: string;
  expectedCompletionDate?: string;
  special?: boolean;
  requiredInspectionsPerYear?: number;
}

/** One bad cell of an import file. */
export interface ImportRowError {
  /** 1-based sheet row. */
  row: number;
  /** Header text of the column. */
  column: string;
  message: string;
}

export interface RegionOption {
  code: string;
  name: string;
  parentCode: string | null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const listRegions = () => request<{ regions: RegionOption[] }>('GET', '/registry/regions');

export const registerProject = (input: ProjectInput) =>
  request<{ project: ProjectDetail }>('POST', '/registry/projects', input);

/** The content type the server expects for an uploaded .xlsx or .csv. */
export function importContentType(file: File): string {
  return file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE;
}

export const importProjects = (file: File) =>
  postFile<{ imported: number; dryRun: boolean }>('/registry/projects/import', file, importContentType(file));

export const recordCompletion = (filingNumber: string, date: string) =>
  request<{ project: ProjectDetail }>('POST', `/registry/projects/${encodeURIComponent(filingNumber)}/completion`, {
    date,
  });

export const importCompletions = (file: File) =>
  postFile<{ imported: number; dryRun: boolean }>('/registry/completions/import', file, importContentType(file));

export const PROJECT_TEMPLATE_URL = '/api/registry/projects/template.xlsx';
export const COMPLETION_TEMPLATE_URL = '/api/registry/completions/template.xlsx';
