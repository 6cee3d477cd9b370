/**
 * One simulated document connection. It sends what y-websocket's `WebsocketProvider` sends on connect (sync step 1
 * and its awareness state), answers the server's step 1, and either keeps a full `Y.Doc` (writers and sampled
 * receivers) or only scans incoming updates for latency probes (light receivers, see STACK.md "Benchmark baselines").
 * The same class speaks to all three servers, so client cost is identical across them.
 *
 * @module
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  AUTH_PERMISSION_DENIED,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  MESSAGE_SYNC_REPLY,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  decodeFrame,
  encodeAuth,
  encodeSync,
  scanProbes,
  type Framing,
  type Probe,
} from './protocol.js';

/** Where and how to connect. */
export interface Endpoint {
  /** Base websocket URL, e.g. `ws://127.0.0.1:4000/sync/`; the document name is appended URI-encoded. */
  readonly wsBase: string;
  readonly framing: Framing;
  /** Session cookies (ours); a client sends `cookies[cookieIndex % length]` as its `cookie` header. */
  readonly cookies?: readonly string[];
  /** Sent as the `origin` header, as a browser would. */
  readonly origin: string;
}

/** `full` applies every update to a `Y.Doc`; `light` only counts and timestamps them. */
export type ClientMode = 'full' | 'light';

/** Gives up on a handshake after this long. */
export const CONNECT_TIMEOUT_MS = 30_000;

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** y-protocols' awareness renews a client's state when it is half of its 30 s timeout old; providers do the same. */
export const AWARENESS_RENEW_MS = 15_000;

/** Awareness update for one client with state `{}` at `clock`, as a `WebsocketProvider` announces itself. */
function encodeAwareness(clientId: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, '{}');
  return encoding.toUint8Array(encoder);
}

export class BenchClient {
  readonly doc: Y.Doc | null;
  /** Milliseconds from socket creation to open, and to the end of the sync handshake; NaN until then. */
  openMs = NaN;
  syncedMs = NaN;
  /** Milliseconds from socket creation to the arrival of the server's sync step 2 (before applying it). */
  step2Ms = NaN;
  /** Size of the server's sync step 2 payload, in bytes. */
  step2Bytes = 0;
  /** The server's first sync step 2 payload (for inspection in experiments). */
  step2Payload: Uint8Array | null = null;
  /** Milliseconds spent in `Y.applyUpdate` for the step 2 (full mode). */
  step2ApplyMs = 0;
  private ws: WebSocket | null = null;
  private readonly awarenessId = Math.floor(Math.random() * 2 ** 31);
  private awarenessClock = 0;
  private awarenessTimer: NodeJS.Timeout | undefined;
  private readonly startedAt: number;
  private resolveSynced!: () => void;
  private rejectSynced!: (error: Error) => void;
  /** Settles when the server's sync step 2 has arrived (and, in full mode, been applied). */
  readonly synced: Promise<void>;

  constructor(
    private readonly endpoint: Endpoint,
    readonly docName: string,
    readonly mode: ClientMode,
    private readonly onProbe: (probe: Probe, receivedMs: number) => void = () => {},
    private readonly cookieIndex = 0,
  ) {
    this.doc = mode === 'full' ? new Y.Doc() : null;
    this.startedAt = performance.now();
    this.synced = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    this.synced.catch(() => {});
    this.doc?.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(encodeSync(this.endpoint.framing, docName, SYNC_UPDATE, update));
    });
    this.open();
  }

  private open(): void {
    const { endpoint, docName } = this;
    const headers: Record<string, string> = { origin: endpoint.origin };
    const cookies = endpoint.cookies ?? [];
    if (cookies.length > 0) headers.cookie = cookies[this.cookieIndex % cookies.length] as string;
    const ws = new WebSocket(endpoint.wsBase + docName, { headers });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    const timer = setTimeout(
      () => this.fail(new Error(`handshake timeout for ${docName}`)),
      CONNECT_TIMEOUT_MS,
    );
    this.synced.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer),
    );
    ws.on('open', () => this.onOpen());
    ws.on('message', (data: Buffer) => this.onMessage(data));
    ws.on('error', (error) => this.fail(error));
    ws.on('unexpected-response', (_req, res) =>
      this.fail(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
    );
    ws.on('close', (code) => this.fail(new Error(`closed with ${code} before sync`)));
  }

  private onOpen(): void {
    this.openMs = performance.now() - this.startedAt;
    const { framing } = this.endpoint;
    if (framing === 'hocuspocus') this.send(encodeAuth(this.docName, ''));
    const stateVector = this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR;
    this.send(encodeSync(framing, this.docName, SYNC_STEP1, stateVector));
    this.sendAwareness();
    this.awarenessTimer = setInterval(() => this.sendAwareness(), AWARENESS_RENEW_MS);
    this.awarenessTimer.unref();
  }

  private sendAwareness(): void {
    const encoder = encoding.createEncoder();
    if (this.endpoint.framing === 'hocuspocus') encoding.writeVarString(encoder, this.docName);
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwareness(this.awarenessId, this.awarenessClock++));
    this.send(encoding.toUint8Array(encoder));
  }

  private onMessage(data: Buffer): void {
    const receivedMs = performance.timeOrigin + performance.now();
    const frame = decodeFrame(this.endpoint.framing, data);
    if (frame.type === MESSAGE_AUTH && frame.subType === AUTH_PERMISSION_DENIED) {
      this.fail(new Error('permission denied'));
      return;
    }
    if (frame.type !== MESSAGE_SYNC && frame.type !== MESSAGE_SYNC_REPLY) return;
    if (frame.subType === SYNC_STEP1) {
      const reply = this.doc ? Y.encodeStateAsUpdate(this.doc, frame.payload) : EMPTY_UPDATE;
      this.send(encodeSync(this.endpoint.framing, this.docName, SYNC_STEP2, reply));
    } else if (frame.subType === SYNC_STEP2) {
      if (Number.isNaN(this.step2Ms)) {
        this.step2Ms = performance.now() - this.startedAt;
        this.step2Bytes = frame.payload.byteLength;
        this.step2Payload = frame.payload;
      }
      const applyStart = performance.now();
      if (this.doc) Y.applyUpdate(this.doc, frame.payload, this);
      this.step2ApplyMs += performance.now() - applyStart;
      if (Number.isNaN(this.syncedMs)) {
        this.syncedMs = performance.now() - this.startedAt;
        this.resolveSynced();
      }
    } else if (frame.subType === SYNC_UPDATE) {
      for (const probe of scanProbes(frame.payload)) this.onProbe(probe, receivedMs);
      if (this.doc) Y.applyUpdate(this.doc, frame.payload, this);
    }
  }

  private fail(error: Error): void {
    if (Number.isNaN(this.syncedMs)) this.rejectSynced(error);
  }

  /** Sends raw bytes if the socket is open; returns false otherwise. */
  send(bytes: Uint8Array): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(bytes);
    return true;
  }

  /** Bytes queued in the socket and not yet written (back-pressure signal). */
  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  /** Closes the socket and resolves once it is closed (bounded by a 5 s timeout). */
  close(): Promise<void> {
    const ws = this.ws;
    clearInterval(this.awarenessTimer);
    this.doc?.destroy();
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 5_000);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close();
    });
  }
}
