import {
  INSPECTION_METHOD_LABELS,
  INSPECTION_ORIGIN_LABELS,
  RECTIFICATION_STATUS_LABELS,
  inspectionDocName,
  inspectionToJSON,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { conflict } from '../http/errors.js';
import { findRectification } from '../rectifications/queries.js';
import { readableInspection } from './access.js';
import { catalogNotes, findingsOf, type SheetFinding } from './findings.js';
import { deletedFileHashes } from './queries.js';

/** The 检查单 of a sealed inspection: what the print view and the .xlsx show (issue 9). */
export interface InspectionSheet {
  inspectionId: string;
  project: { id: string; name: string; filingNumber: string };
  origin: InspectionOrigin;
  originLabel: string;
  method: InspectionMethod;
  methodLabel: string;
  /** 检查日期, YYYY-MM-DD. */
  date: string | null;
  catalogVersion: string | null;
  inspectors: string[];
  remarks: string;
  comment: string;
  findings: SheetFinding[];
  /** Score and grade from the server's materialized row (null when unscored or not yet materialized). */
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
  /** Certainty notes the sheet must print (the provisional term tree, anguan's dust checklist). */
  notes: string[];
  sealedAt: string;
  /** Hex SHA-256 of the sealed state: printed on the sheet and checked by /verify/<hash>. */
  sealedHash: string;
  verifyPath: string;
}

/** The findings of an inspection as its sheet shows them: soft-deleted files left out. */
export async function visibleFindings(
  deps: Pick<ServerDeps, 'database' | 'sync'>,
  inspectionId: string,
  json = deps.sync.withDoc(inspectionDocName(inspectionId), (ydoc) => inspectionToJSON(ydoc)),
): Promise<SheetFinding[]> {
  const deletedFiles = await deletedFileHashes(deps.database.db, inspectionId);
  return findingsOf(json).filter((f) => f.kind !== 'file' || !deletedFiles.has(f.sha256));
}

/** The 检查单 of a sealed inspection the user may read; 404 when unknown/unreadable/deleted, 409 while a draft. */
export async function buildSheet(deps: ServerDeps, user: SessionUser, id: string): Promise<InspectionSheet> {
  const { doc, project, row } = await readableInspection(deps, user, id);
  if (!doc.sealedAt || !doc.sealedHash || !doc.method || !doc.origin) {
    throw conflict('not_sealed', '该检查尚未生成检查单');
  }
  const json = deps.sync.withDoc(doc.name, (ydoc) => inspectionToJSON(ydoc));
  const findings = await visibleFindings(deps, doc.id, json);
  const rectification = json.rectification.required
    ? await findRectification(deps.database.db, doc.id)
    : undefined;
  const state = rectification?.rectification.state ?? null;
  return {
    inspectionId: doc.id,
    project: { id: project.id, name: project.name, filingNumber: project.filingNumber },
    origin: doc.origin,
    originLabel: INSPECTION_ORIGIN_LABELS[doc.origin],
    method: doc.method,
    methodLabel: INSPECTION_METHOD_LABELS[doc.method],
    date: json.meta?.date ?? null,
    catalogVersion: json.meta?.catalogVersion ?? null,
    inspectors: json.inspectors.map((person) => person.name),
    remarks: json.remarks,
    comment: json.comment,
    findings,
    total: row?.total ?? null,
    grade: row?.grade ?? null,
    rectification: {
      required: json.rectification.required,
      requirement: json.rectification.requirement,
      deadline: json.rectification.deadline,
      rectifier: json.rectification.rectifier?.name ?? null,
      state,
      stateLabel: state ? RECTIFICATION_STATUS_LABELS[state] : null,
    },
    notes: catalogNotes(json),
    sealedAt: doc.sealedAt.toISOString(),
    sealedHash: doc.sealedHash,
    verifyPath: `/verify/${doc.sealedHash}`,
  };
}
