/**
 * The cold-load floor: the least a y-websocket server can do to serve a document, so the benchmark can show, in
 * the same run, how much of a load the machine itself costs (TCP connect, HTTP upgrade, the client applying the
 * state). No auth, no storage, nothing unloaded, and no encoding on a load: every document stays in memory and its
 * full state is re-encoded once, a moment after the last update, so a fresh client's step 1 is answered with
 * bytes that are already there. Not a server anyone would run (it never frees a document); a lower bound for
 * servers that do real work.
 *
 * Started by `servers.ts` with PORT set; prints "floor ready <port>" once listening.
 *
 * @module
 */
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from './protocol.js';

/** Quiet time after an update before the full state is encoded ahead of the next load. */
const ENCODE_AFTER_MS = 50;

interface FloorDoc {
  readonly doc: Y.Doc;
  readonly sockets: Set<WebSocket>;
  /** `Y.encodeStateAsUpdate(doc)`, or null while updates are still arriving. */
  fullState: Uint8Array | null;
  encodeTimer: NodeJS.Timeout | null;
}

const docs = new Map<string, FloorDoc>();

function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function docNamed(name: string): FloorDoc {
  let entry = docs.get(name);
  if (!entry) {
    entry = { doc: new Y.Doc(), sockets: new Set(), fullState: null, encodeTimer: null };
    docs.set(name, entry);
  }
  return entry;
}

function afterUpdate(entry: FloorDoc): void {
  entry.fullState = null;
  if (entry.encodeTimer) clearTimeout(entry.encodeTimer);
  entry.encodeTimer = setTimeout(() => {
    entry.encodeTimer = null;
    entry.fullState = Y.encodeStateAsUpdate(entry.doc);
  }, ENCODE_AFTER_MS);
}

function broadcast(entry: FloorDoc, message: Uint8Array | Buffer, except: WebSocket): void {
  for (const socket of entry.sockets) if (socket !== except) socket.send(message);
}

function receive(entry: FloorDoc, socket: WebSocket, data: RawData): void {
  const bytes = data as Buffer;
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_AWARENESS) return broadcast(entry, bytes, socket);
  if (type !== MESSAGE_SYNC) return;
  const subType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (subType === SYNC_STEP1) {
    const emptyVector = payload.length === 1 && payload[0] === 0;
    const state =
      emptyVector && entry.fullState ? entry.fullState : Y.encodeStateAsUpdate(entry.doc, payload);
    socket.send(syncMessage(SYNC_STEP2, state));
  } else if (subType === SYNC_STEP2 || subType === SYNC_UPDATE) {
    Y.applyUpdate(entry.doc, payload);
    broadcast(entry, syncMessage(SYNC_UPDATE, payload), socket);
    afterUpdate(entry);
  }
}

const port = Number(process.env.PORT);
const wss = new WebSocketServer({ port, host: '127.0.0.1' });
wss.on('connection', (socket, request) => {
  const entry = docNamed(decodeURIComponent((request.url ?? '/').slice(1)));
  entry.sockets.add(socket);
  socket.on('message', (data) => receive(entry, socket, data));
  socket.on('close', () => entry.sockets.delete(socket));
  socket.on('error', () => socket.terminate());
  socket.send(syncMessage(SYNC_STEP1, Y.encodeStateVector(entry.doc)));
});
wss.on('listening', () => console.log(`floor ready ${port}`));
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
