/**
 * Seeds for the rectification spec: a sealed 检查用语 inspection that requires rectification, made the way a
 * client makes one (register through the API, write the Yjs document with `@anguan/model`'s writers, send it over
 * the browser's own /sync socket, then seal), so the spec does not depend on the terms-inspection page.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  addTerm,
  addTermPhoto,
  createInspection,
  inspectionDocName,
  setInspector,
  setRectificationRequest,
  setTermNote,
} from '@anguan/model';
import { getInspectionTermTree, walkTerms } from '@anguan/standards';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { BASE_URL } from './browser';
import { solidPng } from './png';

const ORIGIN = { origin: BASE_URL };

interface Me {
  id: string;
  displayName: string;
  project: { id: string } | null;
}

export async function me(page: Page): Promise<Me> {
  // A reused keep-alive socket the server closed at that instant answers ECONNRESET (seen once in CI): a GET may retry.
  const response = await page.request.get('/api/auth/me', { maxRetries: 2 });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: Me }).user;
}

/** The first phrase of the term tree (a real catalog id). */
function firstTermId(): string {
  for (const node of walkTerms(getInspectionTermTree().categories)) {
    if (node.kind === 'phrase') return node.id;
  }
  throw new Error('the term tree has no phrase');
}

/** A y-websocket sync-update frame (message type sync = 0, sub-type update = 2) carrying `update`. */
function updateFrame(update: Uint8Array): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return [...encoding.toUint8Array(encoder)];
}

/** Sends `frame` on a fresh socket of the signed-in page to `/sync/<docName>`; resolves once it is written. */
async function sendOverSync(page: Page, docName: string, frame: number[]): Promise<void> {
  await page.evaluate(
    async ({ path, bytes }) => {
      const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${path}`);
      socket.binaryType = 'arraybuffer';
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error('sync socket failed'));
      });
      socket.send(new Uint8Array(bytes));
      // Kept open until the page goes: the server stores the update on receipt; the seal below waits for it.
      (window as unknown as { seedSockets?: WebSocket[] }).seedSockets ??= [];
      (window as unknown as { seedSockets: WebSocket[] }).seedSockets.push(socket);
    },
    { path: `/sync/${docName}`, bytes: frame },
  );
}

export interface SealedRequest {
  projectId: string;
  requirement: string;
  /** YYYY-MM-DD. */
  deadline: string;
  rectifier: string;
}

/**
 * As the signed-in director on `page` (on any page of the app): an enterprise 检查用语 inspection of the project
 * with one finding (a photo and a note), requiring rectification, sealed. Returns its UUID.
 */
export async function sealedInspectionRequiringRectification(
  page: Page,
  request: SealedRequest,
): Promise<string> {
  const director = await me(page);
  const id = randomUUID();
  const name = inspectionDocName(id);
  const registered = await page.request.post('/api/documents', {
    data: { name, kind: 'inspection', projectId: request.projectId, method: 'terms', origin: 'enterprise' },
    headers: ORIGIN,
  });
  expect(registered.status(), await registered.text()).toBe(201);

  const photo = solidPng(64, 48, [180, 40, 40]);
  const sha256 = createHash('sha256').update(photo).digest('hex');
  const uploaded = await page.request.put(`/api/blobs/${sha256}?doc=${encodeURIComponent(name)}`, {
    data: photo,
    headers: { ...ORIGIN, 'content-type': 'image/png' },
  });
  expect(uploaded.status(), await uploaded.text()).toBeLessThan(300);

  const doc = new Y.Doc();
  const termId = firstTermId();
  createInspection(doc, {
    projectId: request.projectId,
    origin: 'enterprise',
    method: 'terms',
    date: request.deadline,
    createdBy: director.id,
  });
  setInspector(doc, { userId: director.id, name: director.displayName });
  addTerm(doc, termId, director.id);
  addTermPhoto(doc, termId, sha256);
  setTermNote(doc, termId, '3 号楼东侧临边');
  setRectificationRequest(doc, {
    required: true,
    requirement: request.requirement,
    deadline: request.deadline,
    rectifier: { userId: null, name: request.rectifier },
  });
  await sendOverSync(page, name, updateFrame(Y.encodeStateAsUpdate(doc)));

  const stateVector = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  // 409 not_synced until the server has stored the update sent above.
  await expect(async () => {
    const sealed = await page.request.post(`/api/documents/${name}/seal`, {
      data: { stateVector },
      headers: ORIGIN,
    });
    expect(sealed.status(), await sealed.text()).toBe(200);
  }).toPass({ timeout: 15_000 });
  doc.destroy();
  return id;
}

/** The caller's rectification counts, as the server has them now. */
export async function rectificationCounts(page: Page): Promise<{ toReply: number; toReview: number }> {
  const response = await page.request.get('/api/rectifications', { maxRetries: 2 });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { counts: { toReply: number; toReview: number } }).counts;
}
