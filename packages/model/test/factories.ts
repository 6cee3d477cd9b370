import * as Y from 'yjs';
import { createInspection, type NewInspection } from '../src/inspection/write.js';
import { initProjectDoc } from '../src/project/write.js';
import { createRectification } from '../src/rectification/write.js';

/** A deterministic PRNG (mulberry32) so failing random runs can be replayed from their seed. */
export class RandomSource {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A UUID v4 from this source (reproducible, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
  sha256(): string {
    return Array.from({ length: 64 }, () => this.int(16).toString(16)).join('');
  }
}

export const newInspectionInput = (overrides: Partial<NewInspection> = {}): NewInspection => ({
  projectId: 'p-320102-0001',
  origin: 'enterprise',
  method: 'jgj59',
  date: '2026-03-15',
  createdBy: 'u-director',
  catalogVersion: 'JGJ59-2011',
  ...overrides,
});

/** A Y.Doc holding a freshly created inspection (client id fixed when given, for reproducible runs). */
export function inspectionDoc(overrides: Partial<NewInspection> = {}, clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  createInspection(doc, newInspectionInput(overrides), { now: () => new Date('2026-03-15T01:00:00Z') });
  return doc;
}

/** The inspection a {@link rectificationDoc} belongs to. */
export const RECTIFIED_INSPECTION_ID = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';

/** A Y.Doc holding a freshly created rectification of {@link RECTIFIED_INSPECTION_ID}. */
export function rectificationDoc(clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  createRectification(
    doc,
    { inspectionId: RECTIFIED_INSPECTION_ID, projectId: 'p-320102-0001', createdBy: 'u-director' },
    { now: () => new Date('2026-03-15T01:00:00Z') },
  );
  return doc;
}

/** A Y.Doc on which one device has initialised the project document of `p-320102-0001`. */
export function projectDoc(clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  initProjectDoc(doc, 'p-320102-0001');
  return doc;
}

/** `current` with one random character inserted or (sometimes) removed, as a person typing would leave it. */
export function editText(current: string, r: RandomSource): string {
  const position = r.int(current.length + 1);
  if (current.length > 0 && r.chance(0.3)) return current.slice(0, position) + current.slice(position + 1);
  return current.slice(0, position) + r.pick(['整', '改', 'a', '1', '，']) + current.slice(position);
}

/** A fixed clock for writers. */
export const at = (iso: string) => () => new Date(iso);
