/**
 * `GET /api/inspections/<uuid>/summary` as the print view reads it (server/src/inspections, see the sheets API
 * notes). Hand-written: `web` never depends on `server`.
 *
 * @module
 */

export interface SummaryDeduction {
  ruleId: string;
  raw: string;
  per: string | null;
  occurrences: number;
  pointsEach: number;
  deducted: number;
  uncertain: boolean;
}

export interface SummaryItem {
  itemId: string;
  no: number;
  name: string;
  group: '保证项目' | '一般项目' | null;
  points: number;
  status: string;
  deducted: number;
  score: number | null;
  uncertain: boolean;
  deductions: SummaryDeduction[];
}

export interface SummarySheet {
  sheetId: string;
  tableNo: string | null;
  tableName: string;
  label: string;
  notApplicable: boolean;
  score: string | null;
  verification: { status: string; uncertain: boolean; note: string | null };
  notes: string[];
  items: SummaryItem[];
}

export interface InspectionSummary {
  inspection: { id: string; status: string; sealedAt: string | null };
  project: { name: string; filingNumber: string; constructorName: string | null };
  originLabel: string;
  methodLabel: string;
  date: string;
  inspectors: { userId: string | null; name: string }[];
  comment: string;
  policyNote: string;
  catalog: { kind: 'jgj59' | 'dust'; version: string; standardName: string; notFromStandard: boolean; certaintyNotes: string[] };
  categories: { categoryId: string; name: string; weight: number; score: string | null; weighted: string | null }[];
  sheets: SummarySheet[];
  total: string | null;
  converted: boolean;
  grade: string | null;
  gradeMessage: string | null;
}
