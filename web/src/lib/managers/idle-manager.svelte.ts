/**
 * Idle logout for the signed-in shell: warns before the server's idle timeout, tells the server the user is still
 * here while they work (document edits travel over the websocket, which does not count as use), and signs out
 * when the time is up. Activity in any tab of the app counts (shared through localStorage).
 *
 * @module
 */
import { ApiError, authApi } from '$lib/api';
import { IdleClock, type IdlePhase } from './idle-clock';

/** localStorage key carrying the last activity across tabs. */
const ACTIVITY_STORAGE_KEY = 'anguan.lastActivity';
const TICK_MS = 1_000;
/** Activity is written to localStorage at most this often (pointer moves fire constantly). */
const SHARE_ACTIVITY_MS = 5_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

class IdleManager {
  /** `active`, or `warning` (the shell shows the countdown), or `expired` (signed out). */
  phase = $state<IdlePhase>('active');
  /** Whole seconds left while warning. */
  secondsLeft = $state(0);

  #clock: IdleClock | null = null;
  #onExpire: (() => void) | null = null;
  #sharedAt = 0;
  #stop: (() => void) | null = null;

  /**
   * Starts watching (from the signed-in layout); returns the stop function. Asks the server for its idle timeout;
   * does nothing when there is none or the server cannot be reached (offline: nothing to sign out of).
   */
  start(onExpire: () => void): () => void {
    this.#onExpire = onExpire;
    let stopped = false;
    void authApi
      .me()
      .then(({ session }) => {
        if (stopped || !session || !(session.idleTimeoutMs > 0)) return;
        this.#watch(new IdleClock({ idleTimeoutMs: session.idleTimeoutMs }, Date.now()));
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) console.error('[anguan] idle logout unavailable', error);
      });
    return () => {
      stopped = true;
      this.#stop?.();
      this.#stop = null;
      this.#clock = null;
      this.phase = 'active';
    };
  }

  /** 继续使用: counts as activity and tells the server at once. */
  stayActive(): void {
    this.#activity();
    void this.#keepAlive(Date.now());
  }

  #watch(clock: IdleClock): void {
    this.#clock = clock;
    const onActivity = () => this.#activity();
    for (const type of ACTIVITY_EVENTS)
      {window.addEventListener(type, onActivity, { passive: true, capture: true });}
    const timer = setInterval(() => this.#tick(), TICK_MS);
    this.#stop = () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }

  #activity(): void {
    const now = Date.now();
    if (!this.#clock) return;
    this.#clock.activity(now);
    if (now - this.#sharedAt >= SHARE_ACTIVITY_MS) {
      this.#sharedAt = now;
      try {
        localStorage.setItem(ACTIVITY_STORAGE_KEY, String(now));
      } catch {
        // Without storage each tab keeps its own clock.
      }
    }
  }

  #tick(): void {
    const clock = this.#clock;
    if (!clock) return;
    const now = Date.now();
    const shared = Number(localStorage.getItem(ACTIVITY_STORAGE_KEY) ?? 0);
    if (Number.isFinite(shared)) clock.activity(Math.min(shared, now));
    if (clock.needsKeepAlive(now)) void this.#keepAlive(now);
    const phase = clock.phase(now);
    this.secondsLeft = Math.ceil(clock.msLeft(now) / 1000);
    if (phase === this.phase) return;
    this.phase = phase;
    if (phase === 'expired') {
      this.#stop?.();
      this.#onExpire?.();
    }
  }

  async #keepAlive(at: number): Promise<void> {
    const clock = this.#clock;
    if (!clock) return;
    clock.keptAlive(at);
    try {
      await authApi.me();
    } catch (error) {
      // 401: the server already ended the session; the shell signs out. Network: try again next time.
      if (error instanceof ApiError && error.status === 401) this.#onExpire?.();
    }
  }
}

export const idleManager = new IdleManager();
