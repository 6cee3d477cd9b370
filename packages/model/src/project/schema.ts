/**
 * The project document (`project:<project id>`): the project's 超危大工程 (works beyond a certain scale, each with
 * its documents) and its 机械设备 (tower cranes, hoists…). Basic for now; the project screens extend it through
 * migrations.
 *
 * | root | type | key | value |
 * |---|---|---|---|
 * | `meta` | Y.Map | `schemaVersion`, `projectId` | |
 * | `works` | Y.Map | work id (UUID) | {@link DangerousWork} |
 * | `workRecords` | Y.Map | `workId|recordType` | {@link WorkRecord} |
 * | `equipment` | Y.Map | equipment id (UUID) | {@link Equipment} |
 * | `removedWorks` | Y.Map | work id | {@link WorkTombstone} (schema 2) |
 *
 * Removal is a tombstone that wins. A work's value is last-writer-wins per key, so a rename made offline while
 * another device removed the work would write the value back and resurrect the work with its records gone. The
 * tombstone lives in its own root, which renames never touch and no writer ever deletes from: once any device
 * removed a work, every merged state hides it (and its records), whatever was written concurrently.
 */

export const PROJECT_ROOTS = Object.freeze({
  meta: 'meta',
  works: 'works',
  workRecords: 'workRecords',
  equipment: 'equipment',
  removedWorks: 'removedWorks',
} as const);

/** The mark a removed 超危大 work leaves; see the layout note above. */
export interface WorkTombstone {
  /** ISO 8601 instant. */
  readonly removedAt: string;
}

export const PROJECT_META_KEYS = Object.freeze({
  schemaVersion: 'schemaVersion',
  projectId: 'projectId',
} as const);

export interface DangerousWork {
  readonly name: string;
  /** Category id from the standards' dangerous-works list (e.g. `deep_excavation`), free text if none fits. */
  readonly category: string;
  readonly createdAt: string;
  /**
   * The 建办质〔2018〕31号 附件2 item (`@anguan/standards` `SUPER_DANGEROUS_ITEMS` id, e.g. `sdw.pit.depth5`) within
   * the category, or null when not chosen yet. Absent in documents written before it existed.
   */
  readonly itemId?: string | null;
  /** The item's threshold parameters as entered, by parameter key (e.g. `excavationDepthM`); absent in old documents. */
  readonly parameters?: Readonly<Record<string, WorkParameter>>;
}

/** One threshold parameter: a number in the unit the item's threshold uses (e.g. 5.5 `m`). */
export interface WorkParameter {
  readonly value: number;
  readonly unit: string;
}

/** The documents every 超危大 work needs; a missing one is a gap the overview flags. */
export const WORK_RECORD_TYPES = [
  'plan',
  'expertReview',
  'briefing',
  'acceptance',
  'implementation',
] as const;
export type WorkRecordType = (typeof WORK_RECORD_TYPES)[number];
export const WORK_RECORD_LABELS: Readonly<Record<WorkRecordType, string>> = {
  plan: '专项施工方案',
  expertReview: '专家论证',
  briefing: '交底记录',
  acceptance: '验收记录',
  implementation: '实施情况',
};

export interface WorkRecord {
  /** YYYY-MM-DD or null. */
  readonly date: string | null;
  readonly note: string;
  /** 验收结论 for acceptance, else null. */
  readonly conclusion: string | null;
  /** Blob hashes of the scanned documents. */
  readonly files: readonly string[];
  /** 参加人员 / 交底人员 / 验收人员 etc. as written; '' when none (and in documents older than the field). */
  readonly people: string;
}

export const EQUIPMENT_TYPES = ['tower_crane', 'hoist', 'other'] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];

export interface Equipment {
  readonly type: EquipmentType;
  readonly name: string;
  /** 使用登记编号. */
  readonly registrationNumber: string;
  /** YYYY-MM-DD of the last inspection (检验), or null. */
  readonly lastInspectionDate: string | null;
  /** YYYY-MM-DD the next inspection is due, or null. */
  readonly nextInspectionDate: string | null;
  readonly createdAt: string;
  /** YYYY-MM-DD of the installation (安装), or null; absent in old documents. */
  readonly installationDate?: string | null;
  /** 特种作业人员 operating it with their certificates; absent in old documents. */
  readonly operators?: readonly EquipmentOperator[];
}

/** An operator and his or her 特种作业操作证. */
export interface EquipmentOperator {
  readonly name: string;
  readonly certificateNumber: string;
  /** YYYY-MM-DD the certificate is valid until (有效期至), or null when unknown. */
  readonly validUntil: string | null;
}
