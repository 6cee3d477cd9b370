import type * as Y from 'yjs';
import { isIsoDate, isSha256Hex, newId } from '../values.js';
import { check, requireText, transact, type WriteOptions } from '../write-options.js';
import { PROJECT_MIGRATIONS } from './migrations.js';
import {
  EQUIPMENT_TYPES,
  PROJECT_META_KEYS,
  PROJECT_ROOTS,
  WORK_RECORD_TYPES,
  type DangerousWork,
  type Equipment,
  type EquipmentType,
  type WorkRecord,
  type WorkRecordType,
  type WorkTombstone,
} from './schema.js';

const isRemoved = (doc: Y.Doc, workId: string): boolean => doc.getMap(PROJECT_ROOTS.removedWorks).has(workId);

/** Sets the metadata of the project document (idempotent: every device writes the same values). */
export function initProjectDoc(doc: Y.Doc, projectId: string, options: WriteOptions = {}): void {
  const id = requireText(projectId, 'projectId', 100);
  transact(doc, options, () => {
    const meta = doc.getMap(PROJECT_ROOTS.meta);
    meta.set(PROJECT_META_KEYS.schemaVersion, PROJECT_MIGRATIONS.length);
    meta.set(PROJECT_META_KEYS.projectId, id);
  });
}

/** Adds or renames a 超危大 work; returns its id. */
export function setDangerousWork(
  doc: Y.Doc,
  work: { workId?: string; name: string; category: string },
  options: WriteOptions = {},
): string {
  const name = requireText(work.name, 'name', 200);
  const category = requireText(work.category, 'category', 100);
  const workId = work.workId ?? newId();
  transact(doc, options, (at) => {
    check(!isRemoved(doc, workId), 'workId', 'the work was removed');
    const works = doc.getMap<DangerousWork>(PROJECT_ROOTS.works);
    const createdAt = works.get(workId)?.createdAt ?? at;
    works.set(workId, { name, category, createdAt });
  });
  return workId;
}

/**
 * Removes a work for good: leaves a tombstone (never cleared, so it wins over concurrent renames and records)
 * and drops the work's value and records to keep the document small.
 */
export function removeDangerousWork(doc: Y.Doc, workId: string, options: WriteOptions = {}): void {
  transact(doc, options, (at) => {
    const tombstones = doc.getMap<WorkTombstone>(PROJECT_ROOTS.removedWorks);
    if (!tombstones.has(workId)) tombstones.set(workId, { removedAt: at });
    doc.getMap(PROJECT_ROOTS.works).delete(workId);
    const records = doc.getMap(PROJECT_ROOTS.workRecords);
    for (const type of WORK_RECORD_TYPES) records.delete(`${workId}|${type}`);
  });
}

/** Sets one document record of a work (方案, 论证, 交底, 验收, 实施情况). */
export function setWorkRecord(
  doc: Y.Doc,
  workId: string,
  type: WorkRecordType,
  record: { date?: string | null; note?: string; conclusion?: string | null; files?: readonly string[] },
  options: WriteOptions = {},
): void {
  check(WORK_RECORD_TYPES.includes(type), 'type', 'unknown record type');
  const date = record.date ?? null;
  check(date === null || isIsoDate(date), 'date', 'must be YYYY-MM-DD');
  const files = [...new Set(record.files ?? [])];
  check(files.every(isSha256Hex), 'files', 'invalid hashes');
  transact(doc, options, () => {
    check(doc.getMap(PROJECT_ROOTS.works).has(workId) && !isRemoved(doc, workId), 'workId', 'unknown work');
    const value: WorkRecord = { date, note: record.note ?? '', conclusion: record.conclusion ?? null, files };
    doc.getMap(PROJECT_ROOTS.workRecords).set(`${workId}|${type}`, value);
  });
}

/** Adds or replaces a piece of equipment; returns its id. */
export function setEquipment(
  doc: Y.Doc,
  equipment: {
    equipmentId?: string;
    type: EquipmentType;
    name: string;
    registrationNumber?: string;
    lastInspectionDate?: string | null;
    nextInspectionDate?: string | null;
  },
  options: WriteOptions = {},
): string {
  check(EQUIPMENT_TYPES.includes(equipment.type), 'type', 'unknown equipment type');
  const name = requireText(equipment.name, 'name', 200);
  const last = equipment.lastInspectionDate ?? null;
  const next = equipment.nextInspectionDate ?? null;
  check(last === null || isIsoDate(last), 'lastInspectionDate', 'must be YYYY-MM-DD');
  check(next === null || isIsoDate(next), 'nextInspectionDate', 'must be YYYY-MM-DD');
  const equipmentId = equipment.equipmentId ?? newId();
  transact(doc, options, (at) => {
    const map = doc.getMap<Equipment>(PROJECT_ROOTS.equipment);
    const createdAt = map.get(equipmentId)?.createdAt ?? at;
    const value: Equipment = {
      type: equipment.type,
      name,
      registrationNumber: equipment.registrationNumber ?? '',
      lastInspectionDate: last,
      nextInspectionDate: next,
      createdAt,
    };
    map.set(equipmentId, value);
  });
  return equipmentId;
}

export function removeEquipment(doc: Y.Doc, equipmentId: string, options: WriteOptions = {}): void {
  transact(doc, options, () => doc.getMap(PROJECT_ROOTS.equipment).delete(equipmentId));
}
