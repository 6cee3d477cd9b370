/**
 * The wire format the benchmark clients speak: the y-websocket protocol (a varUint message type, then sync step 1 /
 * step 2 / update or an awareness update), optionally wrapped in Hocuspocus's framing, which prefixes every message
 * with the document name and adds an auth message before anything else.
 *
 * @module
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Top-level message types shared by y-websocket and Hocuspocus. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** Hocuspocus only. */
export const MESSAGE_AUTH = 2;
/** Hocuspocus only: a sync message that must not trigger another step 1. */
export const MESSAGE_SYNC_REPLY = 4;
/** Hocuspocus only: the ack it sends for every update a connection writes. */
export const MESSAGE_SYNC_STATUS = 8;

/** Sync sub-types (y-protocols/sync). */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Hocuspocus auth sub-types (@hocuspocus/common auth.ts). */
export const AUTH_TOKEN = 0;
export const AUTH_PERMISSION_DENIED = 1;
export const AUTH_AUTHENTICATED = 2;

/** `plain`: the y-websocket server and ours. `hocuspocus`: document-name prefix and auth handshake. */
export type Framing = 'plain' | 'hocuspocus';

/** One decoded frame; `payload` is the bytes after the sync sub-type (or after the type for other messages). */
export interface Frame {
  readonly type: number;
  /** Sync sub-type for sync messages, auth sub-type for auth messages, -1 otherwise. */
  readonly subType: number;
  readonly payload: Uint8Array;
}

function start(framing: Framing, docName: string, type: number): encoding.Encoder {
  const encoder = encoding.createEncoder();
  if (framing === 'hocuspocus') encoding.writeVarString(encoder, docName);
  encoding.writeVarUint(encoder, type);
  return encoder;
}

/** Encodes a sync message (`subType` = step 1, step 2 or update) carrying a state vector or an update. */
export function encodeSync(framing: Framing, docName: string, subType: number, data: Uint8Array): Uint8Array {
  const encoder = start(framing, docName, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

/** Hocuspocus's first message on a document: the token (ignored by a server without auth extensions). */
export function encodeAuth(docName: string, token: string): Uint8Array {
  const encoder = start('hocuspocus', docName, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_TOKEN);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** Decodes one incoming frame; throws on a truncated frame. */
export function decodeFrame(framing: Framing, data: Uint8Array): Frame {
  const decoder = decoding.createDecoder(data);
  if (framing === 'hocuspocus') decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  let subType = -1;
  if (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY || type === MESSAGE_AUTH) {
    subType = decoding.readVarUint(decoder);
  }
  const payload =
    type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY || type === MESSAGE_AWARENESS
      ? decoding.readVarUint8Array(decoder)
      : decoding.readTailAsUint8Array(decoder);
  return { type, subType, payload };
}

/**
 * The latency probe every benchmark update carries: an ASCII string `~bt~<writer>:<seq>:<sent ms>;` stored as a Yjs
 * map value. Yjs writes strings as UTF-8 bytes inside the update, so a receiver finds the probe by scanning bytes,
 * without decoding or applying the update (the "light receiver").
 */
export const PROBE_MARK = '~bt~';
const PROBE_MARK_BYTES = Buffer.from(PROBE_MARK, 'latin1');
const PROBE_END = 0x3b; // ';'

/** Builds the probe string for one update; `sentMs` is epoch milliseconds with fractions. */
export function makeProbe(writer: number, seq: number, sentMs: number): string {
  return `${PROBE_MARK}${writer}:${seq}:${sentMs.toFixed(3)};`;
}

/** A probe found in an incoming update. */
export interface Probe {
  readonly writer: number;
  readonly seq: number;
  readonly sentMs: number;
}

/** Every probe inside `bytes` (a merged update may carry several); malformed ones are skipped. */
export function scanProbes(bytes: Uint8Array): Probe[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const probes: Probe[] = [];
  let at = buffer.indexOf(PROBE_MARK_BYTES);
  while (at !== -1) {
    const from = at + PROBE_MARK_BYTES.length;
    const end = buffer.indexOf(PROBE_END, from);
    if (end === -1 || end - from > 40) break;
    const [writer, seq, sent] = buffer.toString('latin1', from, end).split(':');
    const probe = { writer: Number(writer), seq: Number(seq), sentMs: Number(sent) };
    if (Number.isFinite(probe.writer) && Number.isFinite(probe.seq) && Number.isFinite(probe.sentMs)) {
      probes.push(probe);
    }
    at = buffer.indexOf(PROBE_MARK_BYTES, end);
  }
  return probes;
}
