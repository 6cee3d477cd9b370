import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import {
  createInspection,
  inspectionDocName,
  setInspector,
  type InspectionMethod,
  type InspectionOrigin,
  type ScoringPolicy,
} from '@anguan/model';
import { shanghaiDate } from '@anguan/standards';
import { request, type Role, type User } from '$lib/api';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';

/** Which kind of record each role starts (DESIGN "Roles"). */
export const ORIGIN_BY_ROLE: Record<Role, InspectionOrigin> = {
  enterprise: 'enterprise',
  inspector: 'enterprise',
  project: 'self',
  supervisor: 'spot',
};

/**
 * Creates an inspection on this device: a fresh UUID, the document written to IndexedDB, and its registration
 * queued in the outbox — so it works with no network, and syncs once the server has registered it.
 */
export async function createInspectionOnDevice(
  user: User,
  input: {
    projectId: string;
    method: InspectionMethod;
    date: string;
    inspectors?: readonly { userId: string; name: string }[];
  },
): Promise<string> {
  const { inspectors = [], ...fields } = input;
  const id = crypto.randomUUID();
  const name = inspectionDocName(id);
  const origin = ORIGIN_BY_ROLE[user.role];
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  const scoringPolicy = await scoringPolicyFor(input.projectId);
  createInspection(doc, { ...fields, origin, createdBy: user.id, scoringPolicy });
  // The enterprise account names its inspectors; anyone else inspecting is an inspector themselves.
  if (user.role !== 'enterprise' || inspectors.length === 0) {
    setInspector(doc, { userId: user.id, name: user.displayName });
  }
  for (const person of inspectors) setInspector(doc, person);
  // The writes above are queued IndexedDB transactions; the page's own session opens after them and reads them.
  await outboxManager.register({
    name,
    kind: 'inspection',
    projectId: input.projectId,
    method: input.method,
    origin,
  });
  await persistence.destroy();
  doc.destroy();
  return id;
}

const POLICY_CACHE = 'anguan.scoringPolicy.';

/**
 * How 缺项 scores on this project (the enterprise's setting), fixed in the doc at creation. With no network, the
 * device's last answer for the project, else the provincial default.
 */
async function scoringPolicyFor(projectId: string): Promise<ScoringPolicy> {
  try {
    const { scoringPolicy } = await request<{ scoringPolicy: ScoringPolicy }>(
      'GET',
      `/inspections/scoring-policy?projectId=${encodeURIComponent(projectId)}`,
    );
    localStorage.setItem(POLICY_CACHE + projectId, scoringPolicy);
    return scoringPolicy;
  } catch {
    return localStorage.getItem(POLICY_CACHE + projectId) === 'strict' ? 'strict' : 'provincial';
  }
}

/** Today, YYYY-MM-DD in Asia/Shanghai: the default inspection date. */
export const todayInShanghai = (): string => shanghaiDate(new Date());
