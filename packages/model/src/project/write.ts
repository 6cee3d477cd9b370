import type * as Y from 'yjs';
import { superDangerousItem } from '@anguan/standards';
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
  type EquipmentOperator,
  type EquipmentType,
  type WorkParameter,
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

/**
 * Adds or renames a 超危大 work; returns its id. `itemId` (a 附件2 item of the work's category, or null) and
 * `parameters` (numbers in the units of that item's threshold) are kept as stored when left out; a change of
 * category drops an item of the former category with its parameters.
 */
export function setDangerousWork(
  doc: Y.Doc,
  work: {
    workId?: string;
    name: string;
    category: string;
    itemId?: string | null;
    parameters?: Readonly<Record<string, WorkParameter>>;
  },
  options: WriteOptions = {},
): string {
  const name = requireText(work.name, 'name', 200);
  const category = requireText(work.category, 'category', 100);
  const workId = work.workId ?? newId();
  transact(doc, options, (at) => {
    check(!isRemoved(doc, workId), 'workId', 'the work was removed');
    const works = doc.getMap<DangerousWork>(PROJECT_ROOTS.works);
    const stored = works.get(workId);
    const sameCategory = stored?.category === category;
    const itemId = work.itemId !== undefined ? work.itemId : sameCategory ? (stored?.itemId ?? null) : null;
    const given =
      work.parameters ?? (sameCategory && itemId === stored?.itemId ? stored?.parameters : undefined);
    const parameters = checkParameters(category, itemId, given ?? {});
    works.set(workId, { name, category, createdAt: stored?.createdAt ?? at, itemId, parameters });
  });
  return workId;
}

/** The parameters of `itemId`'s threshold only, each a finite non-negative number in that threshold's unit. */
function checkParameters(
  category: string,
  itemId: string | null,
  parameters: Readonly<Record<string, WorkParameter>>,
): Record<string, WorkParameter> {
  const item = itemId === null ? null : superDangerousItem(itemId);
  check(itemId === null || item?.categoryId === category, 'itemId', 'not a 附件2 item of the category');
  const conditions = item?.threshold?.conditions ?? [];
  const checked: Record<string, WorkParameter> = {};
  for (const [key, parameter] of Object.entries(parameters)) {
    const condition = conditions.find((c) => c.parameter === key);
    check(condition !== undefined, `parameters.${key}`, 'not a parameter of the item');
    const { value, unit } = parameter;
    check(
      typeof value === 'number' && Number.isFinite(value) && value >= 0,
      `parameters.${key}`,
      'must be ≥ 0',
    );
    check(unit === condition.unit, `parameters.${key}`, `unit must be ${condition.unit}`);
    checked[key] = { value, unit };
  }
  return checked;
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
  record: {
    date?: string | null;
    note?: string;
    conclusion?: string | null;
    files?: readonly string[];
    people?: string;
  },
  options: WriteOptions = {},
): void {
  check(WORK_RECORD_TYPES.includes(type), 'type', 'unknown record type');
  const people = (record.people ?? '').trim();
  check(people.length <= 500, 'people', 'must be at most 500 characters');
  const date = record.date ?? null;
  check(date === null || isIsoDate(date), 'date', 'must be YYYY-MM-DD');
  const files = [...new Set(record.files ?? [])];
  check(files.every(isSha256Hex), 'files', 'invalid hashes');
  transact(doc, options, () => {
    check(doc.getMap(PROJECT_ROOTS.works).has(workId) && !isRemoved(doc, workId), 'workId', 'unknown work');
    const value: WorkRecord = {
      date,
      note: record.note ?? '',
      conclusion: record.conclusion ?? null,
      files,
      people,
    };
    doc.getMap(PROJECT_ROOTS.workRecords).set(`${workId}|${type}`, value);
  });
}

/**
 * Adds or replaces a piece of equipment; returns its id. `installationDate` and `operators` are kept as stored
 * when left out (so a caller unaware of them does not wipe them).
 */
export function setEquipment(
  doc: Y.Doc,
  equipment: {
    equipmentId?: string;
    type: EquipmentType;
    name: string;
    registrationNumber?: string;
    lastInspectionDate?: string | null;
    nextInspectionDate?: string | null;
    installationDate?: string | null;
    operators?: readonly EquipmentOperator[];
  },
  options: WriteOptions = {},
): string {
  check(EQUIPMENT_TYPES.includes(equipment.type), 'type', 'unknown equipment type');
  const name = requireText(equipment.name, 'name', 200);
  const last = optionalDate(equipment.lastInspectionDate, 'lastInspectionDate');
  const next = optionalDate(equipment.nextInspectionDate, 'nextInspectionDate');
  const installed = equipment.installationDate;
  if (installed !== undefined) optionalDate(installed, 'installationDate');
  const operators = equipment.operators?.map(checkOperator);
  const equipmentId = equipment.equipmentId ?? newId();
  transact(doc, options, (at) => {
    const map = doc.getMap<Equipment>(PROJECT_ROOTS.equipment);
    const stored = map.get(equipmentId);
    const value: Equipment = {
      type: equipment.type,
      name,
      registrationNumber: equipment.registrationNumber ?? '',
      lastInspectionDate: last,
      nextInspectionDate: next,
      createdAt: stored?.createdAt ?? at,
      installationDate: installed !== undefined ? installed : (stored?.installationDate ?? null),
      operators: operators ?? stored?.operators ?? [],
    };
    map.set(equipmentId, value);
  });
  return equipmentId;
}

function optionalDate(value: string | null | undefined, field: string): string | null {
  const date = value ?? null;
  check(date === null || isIsoDate(date), field, 'must be YYYY-MM-DD');
  return date;
}

function checkOperator(operator: EquipmentOperator, index: number): EquipmentOperator {
  return {
    name: requireText(operator.name, `operators.${index}.name`, 50),
    certificateNumber: requireText(operator.certificateNumber, `operators.${index}.certificateNumber`, 50),
    validUntil: optionalDate(operator.validUntil, `operators.${index}.validUntil`),
  };
}

export function removeEquipment(doc: Y.Doc, equipmentId: string, options: WriteOptions = {}): void {
  transact(doc, options, () => doc.getMap(PROJECT_ROOTS.equipment).delete(equipmentId));
}
