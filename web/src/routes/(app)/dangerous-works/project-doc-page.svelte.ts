/**
 * State of the project department's 超危大工程 and 机械设备 page: the project's Yjs document (`project:<id>`),
 * kept on the device and co-edited through {@link ReactiveDocSession}; every edit goes through `@anguan/model`.
 *
 * @module
 */
import { createSubscriber } from 'svelte/reactivity';
import {
  initProjectDoc,
  projectDocName,
  projectDocToJSON,
  removeDangerousWork,
  removeEquipment,
  setDangerousWork,
  setEquipment,
  setWorkRecord,
  type EquipmentOperator,
  type EquipmentType,
  type ProjectDocJSON,
  type WorkParameter,
  type WorkRecordType,
} from '@anguan/model';
import { dangerousWorkGaps, type WorkGap } from '@anguan/standards';
import type { User } from '$lib/api';
import { ReactiveDocSession } from '$lib/sync/doc-session.svelte';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import { colorFor } from '$lib/sync/presence';
import { todayInShanghai } from '$lib/utils/date';
import { syncServerUrl } from '../inspections/[inspectionId=uuid]/inspection-page.svelte';

export interface EquipmentInput {
  type: EquipmentType;
  name: string;
  registrationNumber: string;
  lastInspectionDate: string | null;
  nextInspectionDate: string | null;
  installationDate: string | null;
}

export type WorkInput = {
  workId?: string;
  name: string;
  category: string;
  itemId?: string | null;
  parameters?: Record<string, WorkParameter>;
};

export class ProjectDocPage {
  readonly docName: string;
  readonly live: ReactiveDocSession;
  readonly #changed: () => void;

  constructor(
    readonly projectId: string,
    user: User,
  ) {
    this.docName = projectDocName(projectId);
    this.live = new ReactiveDocSession(
      { docName: this.docName, serverUrl: syncServerUrl(window.location), connect: false },
      { id: user.id, name: user.displayName, color: colorFor(user.id) },
    );
    this.#changed = createSubscriber((update) => {
      this.live.doc.on('update', update);
      return () => this.live.doc.off('update', update);
    });
    outboxManager.start();
    void this.#open();
  }

  /** The project doc is shared: registering it again is harmless and makes it sync after an offline start. */
  async #open(): Promise<void> {
    await this.live.session.whenLocalLoaded;
    await outboxManager.register({ name: this.docName, kind: 'project', projectId: this.projectId });
    await outboxManager.whenRegistered(this.docName);
    this.live.connect();
  }

  get json(): ProjectDocJSON {
    this.#changed();
    return projectDocToJSON(this.live.doc);
  }

  get readOnly(): boolean {
    return this.live.status.readOnly;
  }

  /** Gaps of a work today by the lifecycle rules (packages/standards). */
  gapsOf(work: ProjectDocJSON['works'][number]): WorkGap[] {
    return dangerousWorkGaps(work.records, todayInShanghai());
  }

  saveWork(work: WorkInput): string {
    initProjectDoc(this.live.doc, this.projectId);
    return setDangerousWork(this.live.doc, work);
  }

  removeWork(workId: string): void {
    removeDangerousWork(this.live.doc, workId);
  }

  saveRecord(
    workId: string,
    type: WorkRecordType,
    record: {
      date: string | null;
      note: string;
      conclusion: string | null;
      files: readonly string[];
      people: string;
    },
  ): void {
    setWorkRecord(this.live.doc, workId, type, record);
  }

  /** Keeps a scan on the device, queues its upload and returns its hash for the record. */
  async keepFile(file: File): Promise<string> {
    return (await outboxManager.addFile(file, this.docName)).hash;
  }

  saveEquipment(input: EquipmentInput & { equipmentId?: string }): string {
    initProjectDoc(this.live.doc, this.projectId);
    return setEquipment(this.live.doc, input);
  }

  /** Replaces the operators of one piece of equipment, keeping its other fields. */
  saveOperators(equipmentId: string, operators: readonly EquipmentOperator[]): void {
    const item = this.json.equipment.find((e) => e.equipmentId === equipmentId);
    if (!item) throw new Error('设备已被删除');
    setEquipment(this.live.doc, { ...item, operators });
  }

  removeEquipment(equipmentId: string): void {
    removeEquipment(this.live.doc, equipmentId);
  }

  destroy(): Promise<void> {
    return this.live.destroy();
  }
}
