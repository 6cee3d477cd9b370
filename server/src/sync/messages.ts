import * as encoding from 'lib0/encoding';
import { MESSAGE_TYPES } from '@anguan/model';

/** y-protocols sync message subtypes. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

function frame(type: number, subtype: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (subtype !== null) encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
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
