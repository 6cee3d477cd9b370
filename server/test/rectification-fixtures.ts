import * as Y from 'yjs';
import {
  addFile,
  addSheet,
  addTerm,
  createInspection,
  setComment,
  setDeduction,
  setInspector,
  setRectificationRequest,
  setSheetFlag,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import { getInspectionTermTree, walkTerms } from '@anguan/standards';
import {
  api,
  clockJumpConfig,
  connectPeer,
  eventually,
  registerInspection,
  startSyncServer,
  type SyncTestServer,
  type TestUser,
  type World,
} from './sync-fixtures.js';

/** Helpers of the rectification, sheet and verification tests: a server with a settable clock, sealed inspections. */

export interface ClockedServer extends SyncTestServer {
  readonly clock: { now: Date; set(iso: string): void };
}

/**
 * A sync test server whose clock (`deps.now()`) the test sets; it starts at 2026-03-15T02:00:00Z. Its users stay
 * signed in across the days the tests move the clock by (see clockJumpConfig).
 */
export async function startClockedServer(): Promise<ClockedServer> {
  const clock = {
    now: new Date('2026-03-15T02:00:00Z'),
    set(iso: string) {
      clock.now = new Date(iso);
    },
  };
  const server = await startSyncServer({ now: () => clock.now }, clockJumpConfig);
  return Object.assign(server, { clock });
}

export interface SealOptions {
  origin?: InspectionOrigin;
  method?: InspectionMethod;
  /** Writer (registers and fills the document) and sealer; default by origin. */
  writer?: TestUser;
  sealer?: TestUser;
  /** The rectification request; none when omitted. */
  rectification?: { requirement: string; deadline: string; rectifier: string };
  /** Extra content written before sealing. */
  fill?: (doc: Y.Doc) => void;
}

/** The first phrase of the provisional term tree (a real catalog id). */
export function firstTermId(): string {
  for (const node of walkTerms(getInspectionTermTree().categories)) {
    if (node.kind === 'phrase') return node.id;
  }
  throw new Error('the term tree has no phrase');
}

function fillContent(doc: Y.Doc, method: InspectionMethod, by: string): void {
  if (method === 'jgj59') {
    const sheet = addSheet(doc, { tableId: 'safety_management' });
    setDeduction(doc, sheet, { itemId: 'safety_management.01', ruleId: 'safety_management.01.02' });
    // 保存该项: the seal refuses sub-tables the inspector has not saved, as in a real inspection.
    setSheetFlag(doc, sheet, 'done', true);
    setComment(doc, '安全管理基本到位');
  } else if (method === 'terms') {
    addTerm(doc, firstTermId(), by);
  } else if (method === 'internal') {
    addFile(doc, {
      sha256: 'a'.repeat(64),
      name: '检查表.pdf',
      mediaType: 'application/pdf',
      size: 1024,
      addedBy: by,
    });
  }
}

/** Writes, syncs and seals an inspection; returns its UUID and document name. */
export async function sealInspection(
  server: SyncTestServer,
  world: World,
  options: SealOptions = {},
): Promise<{ id: string; name: string; sealedHash: string }> {
  const origin = options.origin ?? 'enterprise';
  const method = options.method ?? 'jgj59';
  const bySide = {
    enterprise: world.director,
    spot: world.supervisor,
    self: world.department,
    monthly: world.department,
  };
  const writer = options.writer ?? bySide[origin];
  const name = await registerInspection(server.url, writer, world.projectId, { origin, method });
  const peer = connectPeer(server, name, writer);
  try {
    await peer.synced();
    createInspection(peer.doc, {
      projectId: world.projectId,
      origin,
      method,
      date: '2026-03-15',
      createdBy: writer.id,
    });
    setInspector(peer.doc, { userId: writer.id, name: '李检查' });
    fillContent(peer.doc, method, writer.id);
    if (options.rectification) {
      const { requirement, deadline, rectifier } = options.rectification;
      setRectificationRequest(peer.doc, {
        required: true,
        requirement,
        deadline,
        rectifier: { userId: null, name: rectifier },
      });
    }
    options.fill?.(peer.doc);
    const stateVector = Buffer.from(Y.encodeStateVector(peer.doc)).toString('base64');
    const sealed = await eventually(async () => {
      const res = await api(
        server.url,
        options.sealer ?? bySide[origin],
        'POST',
        `/api/documents/${name}/seal`,
        { stateVector },
      );
      if (res.status !== 200) throw new Error(`seal: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.document as { sealedHash: string };
    });
    return { id: name.slice('inspection:'.length), name, sealedHash: sealed.sealedHash };
  } finally {
    peer.destroy();
  }
}
