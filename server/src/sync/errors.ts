import { CLOSE_CODES, type CloseCode } from '@anguan/model';

/**
 * Why a sync connection is closed: one class per failure, each with its close code from `@anguan/model`'s
 * protocol (STYLE.md rule 8). Thrown by message handlers; the connection closes itself with the code and logs.
 */
export abstract class SyncError extends Error {
  abstract readonly closeCode: CloseCode;
}

/** Not a y-websocket message, or an undecodable update/state vector/awareness update. */
export class MalformedMessageError extends SyncError {
  override readonly name = 'MalformedMessageError';
  readonly closeCode = CLOSE_CODES.malformed;
}

/** A text frame: y-websocket speaks binary only. */
export class TextFrameError extends SyncError {
  override readonly name = 'TextFrameError';
  readonly closeCode = CLOSE_CODES.malformed;
  constructor() {
    super('text frames are not part of the protocol');
  }
}

/** New content on a read-only connection. */
export class ReadOnlyWriteError extends SyncError {
  override readonly name = 'ReadOnlyWriteError';
  readonly closeCode = CLOSE_CODES.readOnly;
  constructor() {
    super('write refused on a read-only connection');
  }
}

/** New content for a sealed document. */
export class SealedWriteError extends SyncError {
  override readonly name = 'SealedWriteError';
  readonly closeCode = CLOSE_CODES.sealed;
  constructor() {
    super('write refused: the document is sealed');
  }
}

/** The update would make the document larger than the limit. */
export class DocTooLargeError extends SyncError {
  override readonly name = 'DocTooLargeError';
  readonly closeCode = CLOSE_CODES.docTooLarge;
  constructor(bytes: number, limit: number) {
    super(`document would grow to ${bytes} bytes (limit ${limit})`);
  }
}

/** Storing an update failed: the room drops its memory and every connection of the document closes (1011). */
export class StorageError extends SyncError {
  override readonly name = 'StorageError';
  readonly closeCode = CLOSE_CODES.internalError;
}

/** Updates waiting for missing dependencies grew past their bound (bytes, the document's limit, or age). */
export class UnresolvedUpdatesError extends SyncError {
  override readonly name = 'UnresolvedUpdatesError';
  readonly closeCode = CLOSE_CODES.unresolvedUpdates;
}

/** The update would change immutable metadata or add a root the document's kind does not have. */
export class SchemaViolationError extends SyncError {
  override readonly name = 'SchemaViolationError';
  readonly closeCode = CLOSE_CODES.schemaViolation;
}

/** An awareness update for a client id the connection does not own, or past the entry/byte bounds. */
export class AwarenessRefusedError extends SyncError {
  override readonly name = 'AwarenessRefusedError';
  readonly closeCode = CLOSE_CODES.awarenessRefused;
}
