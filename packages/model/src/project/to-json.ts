import { readRoot } from '../text.js';
import type * as Y from 'yjs';
import { isRecord, str, type IssueSink } from '../issues.js';
import { schemaVersionOf } from '../migrate.js';
import { isIsoDate, isSha256Hex } from '../values.js';
import {
  EQUIPMENT_TYPES,
  PROJECT_META_KEYS,
  PROJECT_ROOTS,
  WORK_RECORD_TYPES,
  type DangerousWork,
  type Equipment,
  type EquipmentOperator,
  type EquipmentType,
  type WorkParameter,
  type WorkRecord,
  type WorkRecordType,
} from './schema.js';

export interface DangerousWorkJSON extends DangerousWork {
  readonly workId: string;
  readonly itemId: string | null;
  readonly parameters: Readonly<Record<string, WorkParameter>>;
  readonly records: Readonly<Partial<Record<WorkRecordType, WorkRecord>>>;
  /** Record types still missing (flagged as gaps in the overview). */
  readonly gaps: readonly WorkRecordType[];
}

export interface ProjectDocJSON {
  readonly kind: 'project';
  readonly schemaVersion: number;
  readonly projectId: string | null;
  /** Oldest first. */
  readonly works: readonly DangerousWorkJSON[];
  /** Oldest first. */
  readonly equipment: readonly EquipmentJSON[];
}

export interface EquipmentJSON extends Equipment {
  readonly equipmentId: string;
  readonly installationDate: string | null;
  readonly operators: readonly EquipmentOperator[];
}

/** Converts a project document to JSON (malformed entries skipped, reported to `issues`). */
export function projectDocToJSON(doc: Y.Doc, issues?: IssueSink): ProjectDocJSON {
  const records = readRoot(doc, PROJECT_ROOTS.workRecords);
  const removed = readRoot(doc, PROJECT_ROOTS.removedWorks);
  const works: DangerousWorkJSON[] = [];
  readRoot(doc, PROJECT_ROOTS.works).forEach((value, workId) => {
    // A tombstone wins over whatever a concurrent rename or record wrote back (see schema.ts).
    if (removed.has(workId)) return;
    const name = isRecord(value) ? str(value, 'name') : null;
    if (!isRecord(value) || name === null) {
      issues?.add(`works.${workId}`, 'malformed_entry', '超危大工程记录无效');
      return;
    }
    const byType: Partial<Record<WorkRecordType, WorkRecord>> = {};
    for (const type of WORK_RECORD_TYPES) {
      const record = toWorkRecord(records.get(`${workId}|${type}`));
      if (record) byType[type] = record;
    }
    works.push({
      workId,
      name,
      category: str(value, 'category') ?? '',
      createdAt: str(value, 'createdAt') ?? '',
      itemId: str(value, 'itemId'),
      parameters: toParameters(value.parameters),
      records: byType,
      gaps: WORK_RECORD_TYPES.filter((t) => !byType[t]),
    });
  });
  const equipment: EquipmentJSON[] = [];
  readRoot(doc, PROJECT_ROOTS.equipment).forEach((value, equipmentId) => {
    const item = toEquipment(value);
    if (item) equipment.push({ equipmentId, ...item });
    else issues?.add(`equipment.${equipmentId}`, 'malformed_entry', '设备记录无效');
  });
  const projectId = readRoot(doc, PROJECT_ROOTS.meta).get(PROJECT_META_KEYS.projectId);
  return {
    kind: 'project',
    schemaVersion: schemaVersionOf(doc),
    projectId: typeof projectId === 'string' ? projectId : null,
    works: works.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.workId, b.workId)),
    equipment: equipment.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.equipmentId, b.equipmentId)),
  };
}

/** Blob hashes referenced by the work records. */
export function projectDocBlobRefs(json: ProjectDocJSON): string[] {
  const hashes = new Set<string>();
  for (const work of json.works) {
    for (const record of Object.values(work.records)) record.files.forEach((h) => hashes.add(h));
  }
  return [...hashes].sort();
}

function toWorkRecord(value: unknown): WorkRecord | null {
  if (!isRecord(value)) return null;
  const date = isIsoDate(value.date) ? value.date : null;
  const files = Array.isArray(value.files) ? value.files.filter(isSha256Hex) : [];
  return {
    date,
    note: str(value, 'note') ?? '',
    conclusion: str(value, 'conclusion'),
    files,
    people: str(value, 'people') ?? '',
  };
}

/** Old documents have no parameters; a malformed entry is left out rather than failing the whole work. */
function toParameters(value: unknown): Record<string, WorkParameter> {
  const parameters: Record<string, WorkParameter> = {};
  if (!isRecord(value)) return parameters;
  for (const [key, entry] of Object.entries(value)) {
    if (isRecord(entry) && typeof entry.value === 'number' && Number.isFinite(entry.value)) {
      parameters[key] = { value: entry.value, unit: str(entry, 'unit') ?? '' };
    }
  }
  return parameters;
}

function toOperators(value: unknown): EquipmentOperator[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((o) => ({
    name: str(o, 'name') ?? '',
    certificateNumber: str(o, 'certificateNumber') ?? '',
    validUntil: isIsoDate(o.validUntil) ? o.validUntil : null,
  }));
}

function toEquipment(value: unknown): Omit<EquipmentJSON, 'equipmentId'> | null {
  if (!isRecord(value) || !EQUIPMENT_TYPES.includes(value.type as never) || typeof value.name !== 'string') {
    return null;
  }
  const date = (v: unknown) => (isIsoDate(v) ? v : null);
  return {
    type: value.type as EquipmentType,
    name: value.name,
    registrationNumber: str(value, 'registrationNumber') ?? '',
    lastInspectionDate: date(value.lastInspectionDate),
    nextInspectionDate: date(value.nextInspectionDate),
    createdAt: str(value, 'createdAt') ?? '',
    installationDate: date(value.installationDate),
    operators: toOperators(value.operators),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
