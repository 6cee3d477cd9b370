/**
 * State of the 按省标检查用语检查 page: the selected terms with their photos, notes, hazard levels and locations,
 * the finishing fields (检查备注, 整改), who may edit, presence per term, and every edit. Components read getters
 * here and call its methods; they never call Yjs or the model's writers themselves.
 *
 * @module
 */
import { SvelteSet } from 'svelte/reactivity';
import * as Y from 'yjs';
import {
  addTerm,
  addTermPhoto,
  observeInspection,
  ORIGINS,
  readRectificationRequest,
  readTerms,
  removeInspector,
  removeTerm,
  removeTermPhoto,
  setInspector,
  setRectificationRequest,
  setTermHazardLevel,
  setTermLocation,
  setTermNote,
  type Person,
  type TermHazardLevel,
} from '@anguan/model';
import type { InspectionPage } from '../inspection-page.svelte';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import { loadDocumentAccess } from '../sheets/document-access';
import { termIndex } from './term-tree';
import { TermsSeal } from './terms-seal.svelte';

export class TermsPage {
  readonly index;
  readonly seal: TermsSeal;
  /** Bumped on every doc change; the derived values below recompute from it. */
  #version = $state(0);
  #stop: () => void;
  access = $state<'read' | 'write' | null>(null);
  /** The term whose editor is open on this device. */
  editing = $state<string | null>(null);

  readonly terms = $derived.by(() => {
    void this.#version;
    return readTerms(this.doc);
  });
  readonly rectification = $derived.by(() => {
    void this.#version;
    return readRectificationRequest(this.doc);
  });
  readonly selectedIds: ReadonlySet<string> = $derived(new SvelteSet(this.terms.map((t) => t.termId)));

  constructor(
    readonly inspection: InspectionPage,
    catalogVersion: string | null,
    private readonly userId: string,
  ) {
    this.index = termIndex(catalogVersion);
    this.#stop = observeInspection(this.doc, () => this.#version++);
    this.seal = new TermsSeal(this);
    void this.loadAccess();
  }

  get doc(): Y.Doc {
    return this.inspection.live.doc;
  }

  private async loadAccess(): Promise<void> {
    try {
      const answer = await loadDocumentAccess(this.inspection.docName);
      this.access = answer.sealedAt ? 'read' : answer.access;
      if (answer.sealedAt) this.seal.sealedAt = answer.sealedAt;
    } catch {
      this.access = 'read';
    }
  }

  get sealed(): boolean {
    return this.seal.sealedAt !== null || this.inspection.meta?.status === 'completed';
  }

  /** Sealed, or the user only reads: no editing controls at all. */
  get readOnly(): boolean {
    return this.access !== 'write' || this.sealed || this.inspection.live.status.readOnly;
  }

  /** Runs an edit as one local transaction; whoever edits joins the inspectors (and so may seal). */
  private write(edit: () => void): void {
    if (this.readOnly) return;
    const joining = !this.inspection.amInspector;
    this.doc.transact(() => {
      if (joining) this.inspection.joinInspectors();
      edit();
    }, ORIGINS.localUser);
  }

  /** 添加: the picked phrases, in the order picked (already added ones are kept as they are). */
  addTerms(termIds: readonly string[]): number {
    const fresh = termIds.filter((id) => !this.selectedIds.has(id));
    this.write(() => {
      for (const id of fresh) addTerm(this.doc, id, this.userId);
    });
    return fresh.length;
  }

  removeTerm(termId: string): void {
    if (this.editing === termId) this.edit(null);
    this.write(() => removeTerm(this.doc, termId));
  }

  /** Opens (or closes) a term's editor and tells the others which term this device is on. */
  edit(termId: string | null): void {
    this.editing = termId;
    this.inspection.live.focus(termId ? { section: 'terms', item: termId } : null);
  }

  /** Who else is on a term right now. */
  peersOn(termId: string) {
    return this.inspection.live.peers.filter((p) => p.focus?.section === 'terms' && p.focus.item === termId);
  }

  setNote(termId: string, text: string): void {
    this.write(() => setTermNote(this.doc, termId, text));
  }

  setLocation(termId: string, text: string): void {
    this.write(() => setTermLocation(this.doc, termId, text));
  }

  setHazard(termId: string, level: TermHazardLevel): void {
    const phrase = this.index.phrases.get(termId)?.phrase;
    // Back to the default when it equals the catalog's, so a later catalog correction still applies.
    this.write(() => setTermHazardLevel(this.doc, termId, phrase?.hazardLevel === level ? null : level));
  }

  /** Keeps each photo on the device, queues its upload, and references it on the term by hash. */
  async attachPhotos(termId: string, files: readonly File[]): Promise<void> {
    for (const file of files) {
      const kept = await outboxManager.addFile(file, this.inspection.docName);
      this.write(() => addTermPhoto(this.doc, termId, kept.hash));
    }
  }

  detachPhoto(termId: string, sha256: string): void {
    this.write(() => removeTermPhoto(this.doc, termId, sha256));
  }

  setRectification(change: {
    required?: boolean;
    requirement?: string;
    deadline?: string | null;
    rectifier?: Person | null;
  }): void {
    this.write(() => setRectificationRequest(this.doc, change));
  }

  addInspector(name: string): void {
    const trimmed = name.trim();
    if (trimmed === '') return;
    this.write(() => setInspector(this.doc, { userId: null, name: trimmed }));
  }

  removeInspector(key: string): void {
    this.write(() => removeInspector(this.doc, key));
  }

  destroy(): void {
    this.#stop();
  }
}
