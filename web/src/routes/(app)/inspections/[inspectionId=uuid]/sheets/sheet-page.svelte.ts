/**
 * State of the score-sheet page (按JGJ59检查 / 按扬尘标准检查): the doc's sheets, the live score, which sub-table
 * and sheet is selected, who may edit, and every edit. Components read getters here and call its methods; they
 * never call Yjs or the model's writers themselves.
 *
 * @module
 */
import * as Y from 'yjs';
import {
  addSheet,
  clearSheet,
  observeInspectionParts,
  ORIGINS,
  readComment,
  readMeta,
  removeDeduction,
  setComment,
  setDeduction,
  setItemNotApplicable,
  setSheetFlag,
  type InspectionMeta,
  type SheetView,
} from '@anguan/model';
import type {
  CheckItem,
  DeductionRule,
  ItemResult,
  MissingItemPolicy,
  ScoreResult,
  ScoreTable,
  SheetResult,
} from '@anguan/standards';
import type { InspectionPage } from '../inspection-page.svelte';
import { cachedDocumentAccess, loadDocumentAccess, type DocumentAccess } from './document-access';
import { SealFlow } from './seal-flow.svelte';
import { catalogFor, firstSheetId, scoreSheets, type SheetKind, type TableState } from './sheet-model';
import { emptyMap, groupByTable, indexBy, shareResults, SheetStore, statesByTable, type ScoredSheet } from './sheet-store';

/** A sheet as the page shows it: from the doc, or the not-yet-started first sheet of a table (`virtual`). */
export type PageSheet = SheetView & {
  /** Not in the doc yet: the first write creates it with this id. */
  readonly virtual?: boolean;
};

type Deduction = SheetView['deductions'][number];

/**
 * Everything below is derived from the parts a change touched (STYLE: fine-grained state): a tap re-reads the one
 * sheet it changed (SheetStore), re-scores (the engine is well under a millisecond for 19 sheets; the 汇总 needs
 * every sheet's result anyway) and hands each component values whose identity changes only when what it shows
 * changed, so a tap re-renders the rule tapped, its item, the sheet's score and the 汇总 — not every row.
 */
export class SheetPage {
  readonly kind: SheetKind;
  readonly catalog;
  readonly seal: SealFlow;
  readonly #store: SheetStore;
  readonly #virtual: ReadonlyMap<string, readonly PageSheet[]>;
  #focus: { sheetId: string | null; itemId: string | null } | null = null;
  #stop: () => void;
  access = $state<'read' | 'write' | null>(null);
  accessError = $state<string | null>(null);
  selectedTableId = $state<string>('');
  selectedSheetId = $state<string | null>(null);
  view = $state<'sheet' | 'summary'>('sheet');
  meta = $state.raw<InspectionMeta | null>(null);
  sheets = $state.raw<readonly SheetView[]>([]);
  comment = $state('');

  readonly policy = $derived<MissingItemPolicy>(this.meta?.scoringPolicy ?? 'provincial');
  readonly status = $derived(this.meta?.status ?? 'draft');
  readonly #scored = $derived.by(() => scoreSheets(this.kind, this.catalog, this.meta, this.sheets));
  readonly #empty = $derived.by(() => scoreSheets(this.kind, this.catalog, this.meta, []).result);
  // What the deriveds below returned last time (plain fields: only read to keep unchanged objects).
  #lastResults = emptyMap<string, ScoredSheet<SheetResult>>();
  #lastByTable = emptyMap<string, readonly PageSheet[]>();
  /** Per sheet, its result and what it was scored from; an untouched sheet keeps its result object. */
  readonly #results = $derived.by(() => {
    this.#lastResults = shareResults(this.sheets, this.#scored.result?.sheets ?? null, this.policy, this.#lastResults);
    return this.#lastResults;
  });
  readonly #byTable = $derived.by(() => (this.#lastByTable = groupByTable<PageSheet>(this.sheets, this.#lastByTable)));
  readonly #states = $derived.by(() => statesByTable(this.#byTable));
  readonly selectedTable = $derived.by(() => this.catalog.tables.find((t) => t.id === this.selectedTableId));
  readonly selectedSheet = $derived.by((): PageSheet | undefined => {
    const sheets = this.sheetsOf(this.selectedTableId);
    return sheets.find((s) => s.sheetId === this.selectedSheetId) ?? sheets[0];
  });
  readonly #chosen = $derived.by(() => indexBy(this.selectedSheet?.deductions ?? [], (d) => d.ruleId));
  readonly #itemResults = $derived.by(() => {
    const scored = this.selectedSheet ? this.#results.get(this.selectedSheet.sheetId) : undefined;
    return indexBy(scored?.result.items ?? [], (item) => item.itemId);
  });
  /** Sealed, completed, or the user only reads: no editing controls at all. */
  readonly readOnly = $derived.by(
    () =>
      this.access !== 'write' ||
      this.seal.sealedAt !== null ||
      this.status === 'completed' ||
      this.inspection.live.status.readOnly,
  );

  constructor(
    readonly inspection: InspectionPage,
    kind: SheetKind,
    catalogVersion: string | null,
    readonly inspectionId: string,
  ) {
    this.kind = kind;
    this.catalog = catalogFor(kind, catalogVersion);
    this.selectedTableId = this.catalog.tables[0]?.id ?? '';
    this.#virtual = indexBy(
      this.catalog.tables.map((t) => [virtualSheet(inspectionId, t.id)] as const),
      ([sheet]) => sheet.tableId,
    );
    this.#store = new SheetStore(this.doc);
    this.meta = readMeta(this.doc);
    this.sheets = this.#store.sheets;
    this.comment = readComment(this.doc);
    this.#stop = observeInspectionParts(this.doc, (change) => {
      if (change.meta) this.meta = readMeta(this.doc);
      if (change.comment) this.comment = readComment(this.doc);
      if (change.sheetIds.size > 0 && this.#store.apply(change)) this.sheets = this.#store.sheets;
    });
    this.seal = new SealFlow(this);
    void this.loadAccess();
  }

  /** The live result; an empty one while the doc holds something the engine refuses (see `scoreError`). */
  get score(): ScoreResult {
    return this.#scored.result ?? this.#empty!;
  }

  get scoreError(): string | null {
    return this.#scored.error;
  }

  get doc(): Y.Doc {
    return this.inspection.live.doc;
  }

  /**
   * The device's last answer first, so a page opened with no network is usable without waiting for a request to
   * fail (and is not asked at all when the browser knows it is offline); the server's answer then replaces it.
   */
  private async loadAccess(): Promise<void> {
    const cached = cachedDocumentAccess(this.inspection.docName);
    if (cached) this.applyAccess(cached);
    if (cached && typeof navigator !== 'undefined' && !navigator.onLine) return;
    try {
      this.applyAccess(await loadDocumentAccess(this.inspection.docName));
    } catch (error) {
      if (cached) return;
      this.accessError = error instanceof Error ? error.message : '无法确认您的权限';
      this.access = 'read';
    }
  }

  private applyAccess(answer: DocumentAccess): void {
    this.access = answer.sealedAt ? 'read' : answer.access;
    if (answer.sealedAt) this.seal.sealedAt = answer.sealedAt;
  }

  table(tableId: string): ScoreTable | undefined {
    return this.catalog.tables.find((t) => t.id === tableId);
  }

  /** A table's sheets in the doc, or its virtual first sheet when none was started (same array between changes). */
  sheetsOf(tableId: string): readonly PageSheet[] {
    const started = this.#byTable.get(tableId);
    if (started) return started;
    return this.#virtual.get(tableId) ?? [virtualSheet(this.inspectionId, tableId)];
  }

  stateOf(tableId: string): TableState {
    return this.#states.get(tableId) ?? '未查';
  }

  /** The engine's result for a doc sheet (null for a sheet not started). */
  resultOf(sheetId: string): SheetResult | null {
    return this.#results.get(sheetId)?.result ?? null;
  }

  /** The engine's result for an item of the selected sheet. */
  itemResultOf(itemId: string): ItemResult | undefined {
    return this.#itemResults.get(itemId);
  }

  deductionOf(rule: DeductionRule): Deduction | null {
    return this.#chosen.get(rule.id) ?? null;
  }

  select(tableId: string, sheetId: string | null = null): void {
    this.selectedTableId = tableId;
    this.selectedSheetId = sheetId;
    this.view = 'sheet';
    this.focusOn(null);
  }

  /**
   * Tells the others which sheet (and item) this device is on. Only a move is sent: awareness sends a message on
   * every set, even an unchanged one, and every other phone would handle (and y-websocket echo) it before the
   * deduction that follows it.
   */
  focusOn(itemId: string | null): void {
    const sheetId = this.selectedSheet?.sheetId ?? null;
    if (this.#focus && this.#focus.sheetId === sheetId && this.#focus.itemId === itemId) return;
    this.#focus = { sheetId, itemId };
    this.inspection.live.focus({ section: sheetId, item: itemId, sheetId, itemId });
  }

  /** Runs a write on the selected sheet, creating it first when it is still virtual. */
  private write(edit: (sheetId: string) => void): void {
    const sheet = this.selectedSheet;
    if (!sheet || this.readOnly) return;
    const joining = !this.inspection.amInspector;
    this.doc.transact(() => {
      // Whoever scores is one of the inspection's inspectors (and so may seal it).
      if (joining) this.inspection.joinInspectors();
      if (sheet.virtual) addSheet(this.doc, { tableId: sheet.tableId, sheetId: sheet.sheetId });
      edit(sheet.sheetId);
    }, ORIGINS.localUser);
  }

  /** Tap a standard: deduct it once (the range's lower end for 扣a～b分), or undo it when already chosen. */
  toggleRule(item: CheckItem, rule: DeductionRule): void {
    this.focusOn(item.id);
    const chosen = this.deductionOf(rule);
    this.write((sheetId) => {
      if (chosen) removeDeduction(this.doc, sheetId, rule.id);
      else setDeduction(this.doc, sheetId, { itemId: item.id, ruleId: rule.id, points: rule.pointsRange?.[0] ?? null });
    });
  }

  setOccurrences(item: CheckItem, rule: DeductionRule, count: number): void {
    const chosen = this.deductionOf(rule);
    if (count < 1) return this.toggleRule(item, rule);
    this.write((sheetId) =>
      setDeduction(this.doc, sheetId, { itemId: item.id, ruleId: rule.id, count, points: chosen?.points ?? null }),
    );
  }

  setPoints(item: CheckItem, rule: DeductionRule, points: number): void {
    const count = this.deductionOf(rule)?.count ?? 1;
    this.write((sheetId) => setDeduction(this.doc, sheetId, { itemId: item.id, ruleId: rule.id, count, points }));
  }

  setItemNotApplicable(item: CheckItem, value: boolean): void {
    this.focusOn(item.id);
    this.write((sheetId) => setItemNotApplicable(this.doc, sheetId, item.id, value));
  }

  setSheetNotApplicable(value: boolean): void {
    this.write((sheetId) => setSheetFlag(this.doc, sheetId, 'na', value));
  }

  /** 保存检查项. */
  saveSheet(): void {
    this.write((sheetId) => setSheetFlag(this.doc, sheetId, 'done', true));
  }

  /** 清空当前检查: the sheet's deductions, 缺项 marks and saved state go; the sheet stays. */
  clearSelected(): void {
    const sheet = this.selectedSheet;
    if (!sheet || sheet.virtual || this.readOnly) return;
    clearSheet(this.doc, sheet.sheetId);
  }

  /** Another sheet of the selected table (two tower cranes), with its own label. */
  addSheetOfSelected(label: string): void {
    const table = this.selectedTable;
    if (!table || this.readOnly) return;
    const existing = this.sheetsOf(table.id);
    let newId = '';
    this.doc.transact(() => {
      const first = existing[0];
      // Once a table has two sheets, each needs a name; re-adding keeps the first sheet's flags and deductions.
      if (first && (first.virtual || first.label === '') && existing.length === 1) {
        addSheet(this.doc, { tableId: table.id, sheetId: first.sheetId, label: '1号' });
      }
      newId = addSheet(this.doc, { tableId: table.id, label });
    }, ORIGINS.localUser);
    this.selectedSheetId = newId;
  }

  editComment(text: string): void {
    if (!this.readOnly) setComment(this.doc, text);
  }

  destroy(): void {
    this.#stop();
  }
}

/** The table's first sheet before anyone wrote to it; its id is the same on every device (see firstSheetId). */
function virtualSheet(inspectionId: string, tableId: string): PageSheet {
  return {
    sheetId: firstSheetId(inspectionId, tableId),
    tableId,
    label: '',
    createdAt: '',
    notApplicable: false,
    done: false,
    notApplicableItems: [],
    deductions: [],
    virtual: true,
  };
}
