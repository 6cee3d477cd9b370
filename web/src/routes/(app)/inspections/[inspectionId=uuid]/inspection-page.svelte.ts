/**
 * State of one open inspection page: the synced document, what the page shows of it, and the edits it makes.
 * Components read getters here; they never call Yjs or the model's writers themselves.
 *
 * @module
 */
import { createSubscriber } from 'svelte/reactivity';
import {
  addFile,
  inspectionDocName,
  observeInspection,
  observeInspectionParts,
  readFiles,
  readInspectors,
  readMeta,
  readRemarks,
  removeFile,
  setInspector,
  setRemarks,
} from '@anguan/model';
import type { User } from '$lib/api';
import { ReactiveDocSession } from '$lib/sync/doc-session.svelte';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import { colorFor } from '$lib/sync/presence';
import { syncServerUrl } from '$lib/sync/server-url';

export { syncServerUrl };

export class InspectionPage {
  readonly docName: string;
  readonly live: ReactiveDocSession;
  readonly #changed: () => void;
  readonly #stopParts: () => void;
  /** Bumped only when the metadata or the inspectors changed, not on every tap of a score sheet. */
  #metaVersion = $state(0);
  #inspectorsVersion = $state(0);
  readonly #meta = $derived.by(() => {
    void this.#metaVersion;
    return readMeta(this.live.doc);
  });
  readonly #inspectors = $derived.by(() => {
    void this.#inspectorsVersion;
    return readInspectors(this.live.doc);
  });
  readonly #amInspector = $derived.by(() => this.#inspectors.some((p) => p.userId === this.user.id));
  /** Set when the outbox could not register a doc created on this device. */
  registrationError = $state<string | null>(null);

  constructor(
    inspectionId: string,
    private readonly user: User,
  ) {
    this.docName = inspectionDocName(inspectionId);
    this.live = new ReactiveDocSession(
      { docName: this.docName, serverUrl: syncServerUrl(window.location), connect: false },
      { id: user.id, name: user.displayName, color: colorFor(user.id) },
    );
    this.#changed = createSubscriber((update) => observeInspection(this.live.doc, update));
    // Always on (not only while an effect reads): event handlers read `amInspector` too.
    this.#stopParts = observeInspectionParts(this.live.doc, (change) => {
      if (change.meta) this.#metaVersion++;
      if (change.inspectors) this.#inspectorsVersion++;
    });
    outboxManager.start();
    void this.connectWhenRegistered();
  }

  /**
   * A doc created offline syncs only once the server has registered it (DESIGN "Documents"); its creator may
   * edit it meanwhile (the server's answer replaces that presumption once it can be asked).
   */
  private async connectWhenRegistered(): Promise<void> {
    if (await outboxManager.createdHere(this.docName)) this.live.presumeAccess('write');
    await outboxManager.whenRegistered(this.docName);
    this.live.connect();
  }

  get meta() {
    return this.#meta;
  }

  get remarks(): string {
    this.#changed();
    return readRemarks(this.live.doc);
  }

  get inspectors() {
    return this.#inspectors;
  }

  get files() {
    this.#changed();
    return readFiles(this.live.doc);
  }

  /** Editing controls show only when the server lets this user write (one rule for the whole page). */
  get canWrite(): boolean {
    return this.live.canWrite;
  }

  get amInspector(): boolean {
    return this.#amInspector;
  }

  editRemarks(text: string): void {
    setRemarks(this.live.doc, text);
  }

  joinInspectors(): void {
    setInspector(this.live.doc, { userId: this.user.id, name: this.user.displayName });
  }

  /** Keeps the photo/scan on the device, queues its upload, and references it in the doc by hash. */
  async attach(file: File): Promise<void> {
    const kept = await outboxManager.addFile(file, this.docName);
    addFile(this.live.doc, {
      sha256: kept.hash,
      name: file.name,
      mediaType: kept.type,
      size: kept.size,
      addedBy: this.user.id,
    });
  }

  detach(sha256: string): void {
    removeFile(this.live.doc, sha256);
  }

  destroy(): Promise<void> {
    this.#stopParts();
    return this.live.destroy();
  }
}
