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
  observeInspection,
  ORIGINS,
  readComment,
  readMeta,
  readSheets,
  removeDeduction,
  setComment,
  setDeduction,
  setItemNotApplicable,
  setSheetFlag,
  type SheetView,
} from '@anguan/model';
import type { CheckItem, DeductionRule, MissingItemPolicy, ScoreResult, ScoreTable } from '@anguan/standards';
import type { InspectionPage } from '../inspection-page.svelte';
import { loadDocumentAccess } from './document-access';
import { SealFlow } from './seal-flow.svelte';
import { catalogFor, firstSheetId, scoreSheets, tableState, type SheetKind } from './sheet-model';

/** A sheet as the page shows it: from the doc, or the not-yet-started first sheet of a table. */
export interface PageSheet extends SheetView {
  /** Not in the doc yet: the first write creates it with this id. */
  readonly virtual: boolean;
}

export class SheetPage {
  readonly kind: SheetKind;
  readonly catalog;
  readonly seal: SealFlow;
  /** Bumped on every doc change; the derived values below recompute from it. */
  #version = $state(0);
  #stop: () => void;
  access = $state<'read' | 'write' | null>(null);
  accessError = $state<string | null>(null);
  selectedTableId = $state<string>('');
  selectedSheetId = $state<string | null>(null);
  view = $state<'sheet' | 'summary'>('sheet');

  readonly meta = $derived.by(() => {
    void this.#version;
    return readMeta(this.doc);
  });
  readonly sheets = $derived.by(() => {
    void this.#version;
    return readSheets(this.doc);
  });
  readonly comment = $derived.by(() => {
    void this.#version;
    return readComment(this.doc);
  });
  readonly policy = $derived<MissingItemPolicy>(this.meta?.scoringPolicy ?? 'provincial');
  readonly status = $derived(this.meta?.status ?? 'draft');
  readonly #scored = $derived.by(() => scoreSheets(this.kind, this.catalog, this.meta, this.sheets));
  readonly #empty = $derived.by(() => scoreSheets(this.kind, this.catalog, this.meta, []).result);

  constructor(
    readonly inspection: InspectionPage,
    kind: SheetKind,
    catalogVersion: string | null,
    readonly inspectionId: string,
  ) {
    this.kind = kind;
    this.catalog = catalogFor(kind, catalogVersion);
    this.selectedTableId = this.catalog.tables[0]?.id ?? '';
    this.#stop = observeInspection(this.doc, () => this.#version++);
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

  private async loadAccess(): Promise<void> {
    try {
      const answer = await loadDocumentAccess(this.inspection.docName);
      this.access = answer.sealedAt ? 'read' : answer.access;
      if (answer.sealedAt) this.seal.sealedAt = answer.sealedAt;
    } catch (error) {
      this.accessError = error instanceof Error ? error.message : '无法确认您的权限';
      this.access = 'read';
    }
  }

  /** Sealed, completed, or the user only reads: no editing controls at all. */
  get readOnly(): boolean {
    return (
      this.access !== 'write' ||
      this.seal.sealedAt !== null ||
      this.status === 'completed' ||
      this.inspection.live.status.readOnly
    );
  }

  table(tableId: string): ScoreTable | undefined {
    return this.catalog.tables.find((t) => t.id === tableId);
  }

  get selectedTable(): ScoreTable | undefined {
    return this.table(this.selectedTableId);
  }

  /** A table's sheets in the doc, or its virtual first sheet when none was started. */
  sheetsOf(tableId: string): PageSheet[] {
    const started = this.sheets.filter((s) => s.tableId === tableId).map((s) => ({ ...s, virtual: false }));
    if (started.length > 0) return started;
    const sheetId = firstSheetId(this.inspectionId, tableId);
    return [
      {
        sheetId,
        tableId,
        label: '',
        createdAt: '',
        notApplicable: false,
        done: false,
        notApplicableItems: [],
        deductions: [],
        virtual: true,
      },
    ];
  }

  stateOf(tableId: string) {
    return tableState(this.sheets.filter((s) => s.tableId === tableId));
  }

  get selectedSheet(): PageSheet | undefined {
    const sheets = this.sheetsOf(this.selectedTableId);
    return sheets.find((s) => s.sheetId === this.selectedSheetId) ?? sheets[0];
  }

  /** The engine's result for a doc sheet (null for a sheet not started). */
  resultOf(sheetId: string) {
    const index = this.sheets.findIndex((s) => s.sheetId === sheetId);
    return index < 0 ? null : (this.#scored.result?.sheets[index] ?? null);
  }

  select(tableId: string, sheetId: string | null = null): void {
    this.selectedTableId = tableId;
    this.selectedSheetId = sheetId;
    this.view = 'sheet';
    this.focusOn(null);
  }

  /** Tells the others which sheet (and item) this device is on. */
  focusOn(itemId: string | null): void {
    const sheetId = this.selectedSheet?.sheetId ?? null;
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

  deductionOf(rule: DeductionRule) {
    return this.selectedSheet?.deductions.find((d) => d.ruleId === rule.id) ?? null;
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
