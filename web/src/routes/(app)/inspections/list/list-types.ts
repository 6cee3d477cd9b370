import type { InspectionMethod, InspectionOrigin, RectificationStatus } from '@anguan/model';

/** A file of an internal-standard record (server/src/inspection-list/service.ts `ListedFile`). */
export interface ListedFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** One row of `GET /api/inspections` (server/src/inspection-list/service.ts `InspectionListItem`). */
export interface InspectionListItem {
  id: string;
  projectId: string;
  projectName: string;
  filingNumber: string;
  origin: InspectionOrigin;
  originLabel: string;
  method: InspectionMethod;
  methodLabel: string;
  date: string;
  status: 'draft' | 'completed';
  inspectors: Array<{ userId: string | null; name: string }>;
  total: string | null;
  grade: string | null;
  selfScore: string | null;
  findingCount: number;
  sealedAt: string | null;
  createdAt: string;
  rectification: {
    deadline: string | null;
    state: RectificationStatus | null;
    stateLabel: string | null;
    overdue: boolean;
  } | null;
  mayDelete: boolean;
  files?: ListedFile[];
}

export interface InspectionListAnswer {
  inspections: InspectionListItem[];
  total: number;
  limit: number;
}
