import { MESSAGE_TYPES } from '@anguan/model';

/** y-protocols sync message subtypes. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Bytes of `n` as a lib0 varUint (7 bits per byte). */
function varUintLength(n: number): number {
  let length = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 0x80);
    length++;
  }
  return length;
}

function writeVarUint(target: Uint8Array, offset: number, n: number): number {
  while (n > 0x7f) {
    target[offset++] = 0x80 | (n & 0x7f);
    n = Math.floor(n / 0x80);
  }
  target[offset++] = n;
  return offset;
}

/**
 * `[type][subtype?][varUint length][payload]`, exactly as lib0's encoder writes it, in one allocation and one copy
 * (a whole document goes through here on every cold load).
 */
function frame(type: number, subtype: number | null, payload: Uint8Array): Uint8Array {
  const header = 1 + (subtype === null ? 0 : 1) + varUintLength(payload.length);
  const message = new Uint8Array(header + payload.length);
  let offset = writeVarUint(message, 0, type);
  if (subtype !== null) offset = writeVarUint(message, offset, subtype);
  offset = writeVarUint(message, offset, payload.length);
  message.set(payload, offset);
  return message;
}

/** Sync step 1: our state vector, asking the client for what we lack. */
export const syncStep1Message = (stateVector: Uint8Array) =>
  frame(MESSAGE_TYPES.sync, SYNC_STEP_1, stateVector);
/** Sync step 2: what the client lacks. */
export const syncStep2Message = (update: Uint8Array) => frame(MESSAGE_TYPES.sync, SYNC_STEP_2, update);
/** An update to broadcast. */
export const updateMessage = (update: Uint8Array) => frame(MESSAGE_TYPES.sync, SYNC_UPDATE, update);
/** Awareness states. */
export const awarenessMessage = (update: Uint8Array) => frame(MESSAGE_TYPES.awareness, null, update);
