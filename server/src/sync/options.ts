import {
  MAX_CONNECTIONS_PER_USER,
  MAX_DOC_BYTES,
  MAX_PENDING_AGE_MS,
  MAX_PENDING_BYTES,
} from '@anguan/model';

/** Tunables of the sync service; tests shorten the timings, the defaults are production values. */
export interface SyncOptions {
  /** A room stays loaded this long after its last connection left (a reload or flaky network rejoins it). */
  readonly unloadGraceMs: number;
  /** Quiet time after an update before the tail is compacted if past {@link compactMinUpdates}/{@link compactMinBytes}. */
  readonly compactIdleMs: number;
  readonly compactMinUpdates: number;
  readonly compactMinBytes: number;
  /** Quiet time (from the last update, ≥ compactIdleMs) after which a room compacts fully and drops its live `Y.Doc`. */
  readonly hibernateIdleMs: number;
  readonly maxDocBytes: number;
  /** Bytes of updates a document may hold waiting for missing dependencies, and how long they may wait. */
  readonly maxPendingBytes: number;
  readonly maxPendingAgeMs: number;
  readonly maxConnectionsPerUser: number;
  /** How often open connections' sessions and access are checked again (4401 / 4403 when gone). */
  readonly sessionRecheckMs: number;
  /** How often stale presence is swept (one timer for all rooms). */
  readonly presenceSweepMs: number;
  /** One log line per event worth an operator's attention (closed connections, storage failures). */
  readonly log: (line: string) => void;
}

export const ROOM_UNLOAD_GRACE_MS = 1_000;
export const COMPACT_IDLE_MS = 2_000;
export const COMPACT_MIN_UPDATES = 500;
export const COMPACT_MIN_BYTES = 256 * 1024;
/**
 * A document nobody has changed for this long drops its `Y.Doc` and keeps only its encoded bytes (a few KB for an
 * inspection, against tens of KB as a `Y.Doc`); the next update wakes it with one `applyUpdate` (well under a
 * millisecond at that size). Thousands of documents stay open on phones for hours; few are being edited.
 */
export const HIBERNATE_IDLE_MS = 2_500;
export const PRESENCE_SWEEP_MS = 3_000;
export const SESSION_RECHECK_MS = 60_000;

export const defaultSyncOptions: SyncOptions = Object.freeze({
  unloadGraceMs: ROOM_UNLOAD_GRACE_MS,
  compactIdleMs: COMPACT_IDLE_MS,
  compactMinUpdates: COMPACT_MIN_UPDATES,
  compactMinBytes: COMPACT_MIN_BYTES,
  hibernateIdleMs: HIBERNATE_IDLE_MS,
  maxDocBytes: MAX_DOC_BYTES,
  maxPendingBytes: MAX_PENDING_BYTES,
  maxPendingAgeMs: MAX_PENDING_AGE_MS,
  maxConnectionsPerUser: MAX_CONNECTIONS_PER_USER,
  presenceSweepMs: PRESENCE_SWEEP_MS,
  sessionRecheckMs: SESSION_RECHECK_MS,
  log: (line: string) => console.warn(line),
});
