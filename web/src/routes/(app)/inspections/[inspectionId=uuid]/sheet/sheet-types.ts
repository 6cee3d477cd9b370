/** `GET /api/inspections/<uuid>/sheet` (server/src/inspection-sheets/sheet.ts): the 检查单 of a sealed inspection. */
export type SheetFinding =
  | {
      kind: 'term';
      termId: string;
      code: string | null;
      phrase: string;
      path: string[];
      hazardLevel: 'general' | 'major' | null;
      hazardLabel: string | null;
      hazardChanged?: boolean;
      location: string | null;
      note: string;
      photos: string[];
    }
  | {
      kind: 'deduction';
      table: string;
      sheetLabel: string;
      item: string;
      rule: string;
      count: number;
      points: number;
      uncertain: boolean;
    }
  | { kind: 'not_applicable'; table: string; sheetLabel: string; item: string | null }
  | { kind: 'file'; sha256: string; name: string; mediaType: string; size: number };

export interface InspectionSheet {
  inspectionId: string;
  project: { id: string; name: string; filingNumber: string };
  originLabel: string;
  method: 'terms' | 'internal' | 'jgj59' | 'dust';
  methodLabel: string;
  date: string | null;
  catalogVersion: string | null;
  inspectors: string[];
  remarks: string;
  comment: string;
  findings: SheetFinding[];
  total: string | null;
  grade: string | null;
  rectification: {
    required: boolean;
    requirement: string;
    deadline: string | null;
    rectifier: string | null;
    state: string | null;
    stateLabel: string | null;
  };
  notes: string[];
  sealedAt: string;
  sealedHash: string;
  verifyPath: string;
}

/** What a finding reads as in the 检查内容 column. */
export function findingText(finding: SheetFinding): string {
  switch (finding.kind) {
    case 'term':
      return finding.phrase;
    case 'deduction':
      return `${finding.table}${finding.sheetLabel ? `（${finding.sheetLabel}）` : ''} ${finding.item}：${finding.rule}`;
    case 'not_applicable':
      return `${finding.table}${finding.sheetLabel ? `（${finding.sheetLabel}）` : ''} ${finding.item ?? '整表'}`;
    case 'file':
      return `检查表扫描件：${finding.name}`;
  }
}

/** The 隐患级别/扣分 column. */
export function findingGrade(finding: SheetFinding): string {
  switch (finding.kind) {
    case 'term':
      return finding.hazardLabel ?? '';
    case 'deduction':
      return `扣 ${finding.points} 分${finding.count > 1 ? `（${finding.count} 处）` : ''}${finding.uncertain ? '（条文待核对）' : ''}`;
    case 'not_applicable':
      return '缺项';
    case 'file':
      return '';
  }
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, whatever the device's zone. */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
