/**
 * The wire contract between the web app and `/sync` (standard y-websocket framing) plus anguan's close codes and
 * limits. Server and client import these values from here only.
 */

/** Path prefix of the sync endpoint: a provider with `serverUrl = <origin>/sync` and `roomname = <doc name>`. */
export const SYNC_PATH = '/sync';

/**
 * Websocket close codes (STYLE.md rule 8). 1009 is the standard "message too big" (RFC 6455); 4401/4403 follow
 * hocuspocus; the rest are anguan's. A client should stop reconnecting on every 44xx code: retrying cannot help.
 */
export const CLOSE_CODES = Object.freeze({
  /** A frame exceeded {@link MAX_MESSAGE_BYTES}. */
  messageTooBig: 1009,
  /** The server failed (e.g. storage error); the client may reconnect later. */
  internalError: 1011,
  /** The client read too slowly and was dropped; reconnecting resyncs it. */
  tryAgainLater: 1013,
  /** The frame is not a valid y-websocket message (or carries an undecodable update). */
  malformed: 4400,
  /** The session ended while connected. (Before the upgrade the server answers HTTP 401 instead.) */
  unauthorized: 4401,
  /** Access was withdrawn while connected. (Before the upgrade the server answers HTTP 403 instead.) */
  forbidden: 4403,
  /** A write arrived on a read-only connection; it was refused and not stored. */
  readOnly: 4409,
  /** Accepting the update would make the stored document larger than {@link MAX_DOC_BYTES}. */
  docTooLarge: 4413,
  /**
   * Updates waiting for missing dependencies (structs or deletions the server never received) grew past their
   * bound in bytes or age; they were dropped unstored. Reconnecting sends the whole difference again.
   */
  unresolvedUpdates: 4412,
  /** The update would change the document's immutable metadata or add a root its kind does not have. */
  schemaViolation: 4422,
  /** The document is sealed (检查单 generated): it accepts no update from anyone. */
  sealed: 4423,
  /** An awareness (presence) update for another connection's client id, or past the entry/byte bounds. */
  awarenessRefused: 4429,
} as const);

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** Largest single websocket frame the server accepts, in bytes (a first sync after long offline work fits easily). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Largest stored size of one document (snapshot + pending updates after compaction), in bytes. */
export const MAX_DOC_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of updates one document may hold waiting for missing dependencies, and how long they may wait. Counted
 * against {@link MAX_DOC_BYTES} too; past either bound the sender is closed with `unresolvedUpdates`.
 */
export const MAX_PENDING_BYTES = 2 * 1024 * 1024;
export const MAX_PENDING_AGE_MS = 30_000;

/**
 * Awareness (presence) bounds: entries one connection may publish (a device has one Yjs client id; a reload or
 * a second doc instance adds one), entries one document holds, and the bytes of one entry's JSON state.
 */
export const MAX_AWARENESS_ENTRIES_PER_CONNECTION = 4;
export const MAX_AWARENESS_ENTRIES_PER_DOC = 256;
export const MAX_AWARENESS_STATE_BYTES = 2 * 1024;

/** Open sync connections one user may hold at once, across all documents and devices. */
export const MAX_CONNECTIONS_PER_USER = 64;

/** Largest blob (photo, scan) the server stores, in bytes (DESIGN.md: 20 MB). */
export const MAX_BLOB_BYTES = 20 * 1024 * 1024;

/** Media types the server accepts for blobs, identified by sniffing their first bytes. */
export const BLOB_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type BlobMediaType = (typeof BLOB_MEDIA_TYPES)[number];

/** y-websocket message types (first varUint of every frame). */
export const MESSAGE_TYPES = Object.freeze({ sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const);
