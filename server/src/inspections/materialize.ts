import {
  inspectionScoreInput,
  inspectionScoringCatalog,
  sheetDisplayName,
  type InspectionJSON,
} from '@anguan/model';
import {
  StandardsError,
  formatScore,
  getInspectionTermTree,
  scoreInspection,
  walkTerms,
  type ScoreResult,
  type ScoringCatalog,
  type TermPhrase,
} from '@anguan/standards';
import type { inspectionFindings, inspectionSheets, inspections } from '../db/schema/index.js';

/**
 * Pure: an inspection document's JSON (plus the registry's facts about it) → the rows the writer stores. No I/O,
 * so the benchmark times exactly the server's CPU per materialization and tests compare it with the engine.
 */

/** Bump when the rows computed from the same document change: older rows are re-materialized at start. */
export const MATERIALIZER_VERSION = 3; // 2: a term finding carries the inspector's hazard level; 3: its location

export type InspectionRow = Omit<typeof inspections.$inferInsert, 'deletedAt' | 'deletedByUserId'>;
export type SheetRow = typeof inspectionSheets.$inferInsert;
export type FindingRow = Omit<typeof inspectionFindings.$inferInsert, 'id'>;

export interface InspectionRows {
  readonly inspection: InspectionRow;
  readonly sheets: readonly SheetRow[];
  readonly findings: readonly FindingRow[];
  /** The engine's result for scored methods (the summary and seal read it), else null. */
  readonly result: ScoreResult | null;
}

/** What the server's registry (not the document) says about the inspection. */
export interface RegistryFacts {
  readonly docName: string;
  readonly id: string;
  readonly projectId: string;
  readonly origin: InspectionRow['origin'];
  readonly method: InspectionRow['method'];
  readonly creatorUserId: string;
  readonly createdAt: Date;
  readonly sealedAt: Date | null;
  readonly sealedHash: string | null;
}

export interface MaterializeIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** Thrown when the document cannot be materialized; recorded as its `materialization_errors` row. */
export class InvalidInspectionError extends Error {
  override readonly name = 'InvalidInspectionError';
  constructor(
    message: string,
    readonly issues: readonly MaterializeIssue[],
  ) {
    super(message);
  }
}

/**
 * The rows of one inspection. Scores come from `@anguan/standards` over {@link inspectionScoreInput} (never from
 * the client); status is `completed` exactly when the registry says the document is sealed.
 *
 * @throws {@link InvalidInspectionError} with zh-CN message and issues when the document is not materializable.
 */
export function materializeInspectionRows(
  json: InspectionJSON,
  registry: RegistryFacts,
  now: Date,
): InspectionRows {
  const meta = checkedMeta(json, registry);
  const scored = scoreSheets(json, meta);
  const terms = meta.method === 'terms' ? termFindings(json, registry.id, meta.catalogVersion) : null;
  const findings = scored ? sheetFindings(json, scored.result, registry.id) : (terms?.findings ?? []);
  const result = scored?.result ?? null;
  const inspection: InspectionRow = {
    id: registry.id,
    docName: registry.docName,
    projectId: registry.projectId,
    origin: registry.origin,
    method: registry.method,
    date: meta.date,
    status: registry.sealedAt ? 'completed' : 'draft',
    catalogVersion: result?.catalogVersion ?? terms?.catalogVersion ?? meta.catalogVersion,
    policy: result ? result.policy : null,
    total: result?.total ? formatScore(result.total, 2) : null,
    totalExact: result?.total?.exact ?? null,
    grade: result?.grade?.grade ?? null,
    comment: json.comment,
    selfScore: json.selfScore === null ? null : json.selfScore.toFixed(2),
    inspectors: JSON.stringify(json.inspectors.map(({ userId, name }) => ({ userId, name }))),
    rectificationRequired: json.rectification.required,
    rectificationDeadline: json.rectification.deadline,
    findingCount: findings.filter((f) => f.kind === 'deduction' || f.kind === 'term').length,
    createdByUserId: registry.creatorUserId,
    createdAt: registry.createdAt,
    sealedAt: registry.sealedAt,
    sealedHash: registry.sealedHash,
    materializedAt: now,
    materializerVersion: MATERIALIZER_VERSION,
  };
  const sheets: SheetRow[] = json.sheets.map((sheet, position) => {
    const score = result?.sheets[position]?.score ?? null;
    return {
      inspectionId: registry.id,
      sheetId: sheet.sheetId,
      position,
      tableId: sheet.tableId,
      label: sheet.label,
      score: score ? formatScore(score, 2) : null,
      notApplicable: sheet.notApplicable,
      saved: sheet.done,
    };
  });
  return { inspection, sheets: scored ? sheets : [], findings, result };
}

type Meta = NonNullable<InspectionJSON['meta']>;

function checkedMeta(json: InspectionJSON, registry: RegistryFacts): Meta {
  const meta = json.meta;
  if (!meta) {
    throw new InvalidInspectionError('检查信息不完整，无法生成记录', [
      issue('meta', 'missing', '检查信息缺失或无效'),
    ]);
  }
  // The registry decided who may write this document; content claiming another project or method is refused.
  const mismatched = (['projectId', 'origin', 'method'] as const).filter((k) => meta[k] !== registry[k]);
  if (mismatched.length > 0) {
    const issues = mismatched.map((k) => issue(`meta.${k}`, 'registry_mismatch', `检查信息“${k}”与登记不符`));
    throw new InvalidInspectionError('检查信息与登记记录不符', issues);
  }
  return meta;
}

function scoreSheets(
  json: InspectionJSON,
  meta: Meta,
): { result: ScoreResult; catalog: ScoringCatalog } | null {
  let catalog: ScoringCatalog | null = null;
  try {
    catalog = inspectionScoringCatalog(meta);
    if (!catalog) return null;
    return { result: scoreInspection(catalog, inspectionScoreInput(json, catalog)), catalog };
  } catch (error) {
    if (!(error instanceof StandardsError)) throw error;
    throw new InvalidInspectionError(describeScoringError(error, json, catalog), [
      issue(error.field ?? 'sheets', error.code, error.message),
    ]);
  }
}

/** zh-CN for editors: which sheet holds the invalid entry (engine errors name `sheets[i]…`). */
function describeScoringError(error: StandardsError, json: InspectionJSON, catalog: ScoringCatalog | null) {
  if (error.code === 'unknown_catalog_version') {
    return `检查表版本“${json.meta?.catalogVersion ?? ''}”不受支持`;
  }
  const index = /^sheets\[(\d+)\]/.exec(error.field ?? '')?.[1];
  const sheet = index === undefined ? undefined : json.sheets[Number(index)];
  const where = sheet ? `“${sheetDisplayName(sheet, catalog)}”` : '评分表';
  return `${where}中有无效的扣分或缺项记录，无法计分，请检查后重新保存`;
}

function sheetFindings(json: InspectionJSON, result: ScoreResult, inspectionId: string): FindingRow[] {
  const findings: FindingRow[] = [];
  const base = { inspectionId, termId: null, hazardLevel: null, location: null };
  result.sheets.forEach((sheet, position) => {
    const sheetId = json.sheets[position]!.sheetId;
    const at = { ...base, sheetId, tableId: sheet.tableId };
    if (sheet.status === 'not_applicable') {
      findings.push({ ...at, kind: 'na_sheet', itemId: null, ruleId: null, points: null, occurrences: null });
      return;
    }
    for (const item of sheet.items) {
      if (item.status === 'not_applicable') {
        findings.push({
          ...at,
          kind: 'na_item',
          itemId: item.itemId,
          ruleId: null,
          points: null,
          occurrences: null,
        });
      }
      for (const d of item.deductions) {
        findings.push({
          ...at,
          kind: 'deduction',
          itemId: item.itemId,
          ruleId: d.ruleId,
          points: d.deducted.toFixed(2),
          occurrences: d.occurrences,
        });
      }
    }
  });
  return findings;
}

function termFindings(json: InspectionJSON, inspectionId: string, version: string | null) {
  let tree;
  try {
    tree = getInspectionTermTree(version ?? undefined);
  } catch {
    throw new InvalidInspectionError(`检查用语版本“${version}”不受支持`, [
      issue('meta.catalogVersion', 'unknown_catalog_version', '检查用语版本不受支持'),
    ]);
  }
  const phrases = new Map<string, TermPhrase>();
  for (const node of walkTerms(tree.categories)) {
    if (node.kind === 'phrase') phrases.set(node.id, node).set(node.code, node);
  }
  const unknown = json.terms.filter((t) => !phrases.has(t.termId));
  if (unknown.length > 0) {
    const issues = unknown.map((t) => issue(`terms.${t.termId}`, 'unknown_id', '检查用语不在用语库中'));
    throw new InvalidInspectionError(`有${unknown.length}条检查用语不在用语库中`, issues);
  }
  const findings: FindingRow[] = json.terms.map((t) => ({
    inspectionId,
    kind: 'term',
    sheetId: null,
    tableId: phrases.get(t.termId)!.relatesTo?.tableId ?? null,
    itemId: phrases.get(t.termId)!.relatesTo?.itemId ?? null,
    ruleId: null,
    termId: t.termId,
    points: null,
    occurrences: null,
    // The inspector's level wins over the phrase's default (statistics count what was found, as recorded).
    hazardLevel: t.hazardLevel ?? phrases.get(t.termId)!.hazardLevel,
    location: t.location.trim() || null,
  }));
  return { findings, catalogVersion: tree.catalogVersion };
}

const issue = (path: string, code: string, message: string): MaterializeIssue => ({ path, code, message });
