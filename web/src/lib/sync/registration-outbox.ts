/**
 * Documents made on the device wait here until the server knows them (DESIGN "Documents": the server
 * authorizes `/sync` against its registry, so a doc created offline syncs only after it is registered).
 *
 * @module
 */
import { done, openStore } from '$lib/idb/idb';
import { send } from '$lib/outbox/send';
import type { OutboxStore, SendOutcome } from '$lib/outbox/outbox-queue';

/** A client-made document the server has to be told about. */
export interface DocRegistration {
  /** `inspection:<uuid>` etc. */
  name: string;
  kind: 'inspection' | 'rectification' | 'project';
  projectId: string;
  method?: string;
  origin?: string;
  /** ms since epoch. */
  createdAt: number;
  registeredAt: number | null;
  rejected: string | null;
}

const STORE = 'registrations';
const database = openStore('anguan-outbox', STORE, 'name');

export class IdbRegistrationStore implements OutboxStore<DocRegistration> {
  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await database()).transaction(STORE, mode).objectStore(STORE);
  }

  async put(registration: DocRegistration): Promise<void> {
    const store = await this.store('readwrite');
    if ((await done(store.getKey(registration.name))) === undefined) await done(store.add(registration));
  }

  async get(name: string): Promise<DocRegistration | undefined> {
    return (await done((await this.store('readonly')).get(name))) as DocRegistration | undefined;
  }

  async pending(): Promise<DocRegistration[]> {
    const all = (await done((await this.store('readonly')).index('createdAt').getAll())) as DocRegistration[];
    return all.filter((r) => r.registeredAt === null && r.rejected === null);
  }

  async settle(item: DocRegistration, outcome: { sentAt: number } | { rejected: string }): Promise<void> {
    const store = await this.store('readwrite');
    const current = (await done(store.get(item.name))) as DocRegistration | undefined;
    if (!current) return;
    const next = 'sentAt' in outcome ? { ...current, registeredAt: outcome.sentAt } : { ...current, ...outcome };
    await done(store.put(next));
  }
}

/** Registers one document through `POST /api/documents`. */
export function sendRegistration(registration: DocRegistration): Promise<SendOutcome> {
  const { name, kind, projectId, method, origin } = registration;
  return send('/api/documents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, kind, projectId, method, origin }),
  });
}
