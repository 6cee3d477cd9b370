import * as decoding from 'lib0/decoding';
import { MESSAGE_TYPES } from '@anguan/model';
import type { Connection } from './connection.js';
import { MalformedMessageError, SyncError } from './errors.js';
import { SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE, awarenessMessage, syncStep2Message } from './messages.js';
import type { Room } from './room.js';

/** What a handler gets: the room, the sending connection, the raw frame and a decoder past the type byte(s). */
export interface MessageContext {
  readonly room: Room;
  readonly connection: Connection;
  readonly frame: Uint8Array;
  readonly decoder: decoding.Decoder;
}

type Handler = (context: MessageContext) => void;

/** Sync step 1 from the client: answer with step 2 (what it lacks). */
const handleSyncStep1: Handler = ({ room, connection, decoder }) => {
  const stateVector = decoding.readVarUint8Array(decoder);
  connection.send(syncStep2Message(room.diffFor(stateVector)));
};

/** Sync step 2 and updates are the same to us: content to store and broadcast (or refuse). */
const handleUpdate: Handler = ({ room, connection, decoder }) => {
  room.receiveUpdate(connection, decoding.readVarUint8Array(decoder));
};

const SYNC_HANDLERS: Readonly<Record<number, Handler>> = {
  [SYNC_STEP_1]: handleSyncStep1,
  [SYNC_STEP_2]: handleUpdate,
  [SYNC_UPDATE]: handleUpdate,
};

const handleSync: Handler = (context) => {
  const handler = SYNC_HANDLERS[decoding.readVarUint(context.decoder)];
  if (!handler) throw new MalformedMessageError('unknown sync message type');
  handler(context);
};

const handleAwareness: Handler = ({ room, connection, decoder }) => {
  room.receiveAwareness(connection, decoding.readVarUint8Array(decoder));
};

const handleQueryAwareness: Handler = ({ room, connection }) => {
  const states = room.presence.encodeAll();
  if (states) connection.send(awarenessMessage(states));
};

/** The y-websocket message types we accept, by their first varUint (STYLE.md rule 13: a table, not a switch). */
export const MESSAGE_HANDLERS: Readonly<Record<number, Handler>> = {
  [MESSAGE_TYPES.sync]: handleSync,
  [MESSAGE_TYPES.awareness]: handleAwareness,
  [MESSAGE_TYPES.queryAwareness]: handleQueryAwareness,
};

/**
 * Decodes one frame and runs its handler. Anything that is not exactly one well-formed message throws a
 * {@link SyncError} (malformed → 4400); other handler errors pass through as they are.
 */
export function handleMessage(room: Room, connection: Connection, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  try {
    const handler = MESSAGE_HANDLERS[decoding.readVarUint(decoder)];
    if (!handler) throw new MalformedMessageError('unknown message type');
    handler({ room, connection, frame, decoder });
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message');
  } catch (error) {
    if (error instanceof SyncError) throw error;
    // lib0 decoding errors ("Unexpected end of array", integer overflow…) are malformed input.
    throw new MalformedMessageError(`undecodable frame: ${(error as Error).message}`);
  }
}
