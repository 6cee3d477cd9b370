/**
 * When an idle session should warn and end (等保 2.0: idle logout on shared PCs). The server ends a session unused
 * for `idleTimeoutMs` and counts only API calls as use, so the clock also says when to tell the server that the
 * user is still here (typing in a document goes over the websocket, which the server does not count). Pure: the
 * caller passes the time in.
 *
 * @module
 */

export type IdlePhase = 'active' | 'warning' | 'expired';

export interface IdleClockOptions {
  /** The server's idle timeout (`GET /api/auth/me` → `session.idleTimeoutMs`). */
  idleTimeoutMs: number;
  /** How long before the end the warning shows (default a minute, never more than half the timeout). */
  warnBeforeMs?: number;
}

/** Activity is reported to the server at most this often, and at least once per third of the timeout. */
export const KEEP_ALIVE_MIN_INTERVAL_MS = 60_000;

export class IdleClock {
  readonly warnBeforeMs: number;
  readonly keepAliveEveryMs: number;
  #lastActivity: number;
  #lastKeepAlive: number;

  constructor(
    readonly options: IdleClockOptions,
    start: number,
  ) {
    this.warnBeforeMs = Math.min(options.warnBeforeMs ?? 60_000, options.idleTimeoutMs / 2);
    this.keepAliveEveryMs = Math.min(KEEP_ALIVE_MIN_INTERVAL_MS, options.idleTimeoutMs / 3);
    this.#lastActivity = start;
    this.#lastKeepAlive = start;
  }

  /** The user did something (typed, tapped, scrolled) at `at`, here or in another tab. */
  activity(at: number): void {
    if (at > this.#lastActivity) this.#lastActivity = at;
  }

  get lastActivity(): number {
    return this.#lastActivity;
  }

  /** Milliseconds until the session ends unless the user does something. */
  msLeft(at: number): number {
    return Math.max(0, this.#lastActivity + this.options.idleTimeoutMs - at);
  }

  phase(at: number): IdlePhase {
    const left = this.msLeft(at);
    if (left === 0) return 'expired';
    return left <= this.warnBeforeMs ? 'warning' : 'active';
  }

  /** Whether to tell the server now: there was activity since the last report, and the last is old enough. */
  needsKeepAlive(at: number): boolean {
    return this.#lastActivity > this.#lastKeepAlive && at - this.#lastKeepAlive >= this.keepAliveEveryMs;
  }

  /** The server was told at `at` (any API call counts). */
  keptAlive(at: number): void {
    this.#lastKeepAlive = at;
  }
}
