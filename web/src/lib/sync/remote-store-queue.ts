/**
 * Writing a received update to IndexedDB after the frame that shows it. y-indexeddb stores every update inside
 * the doc's `update` event, i.e. before the page can render it; for an update that came from the server that
 * write buys nothing (the server already holds it) and only delays the other inspector's deduction on screen.
 * Local edits are still stored at once (they may exist nowhere else), after any received ones still waiting.
 *
 * @module
 */
import type * as Y from 'yjs';

type Store = (update: Uint8Array, origin: unknown) => void;

/** Longest a received update waits for its write when no frame comes (a hidden tab renders none). */
const MAX_WAIT_MS = 200;

/**
 * Replaces `store` as `doc`'s update listener (the caller removes the original): updates whose origin
 * `isRemote` are queued and written after the next frame; others are written at once. Returns `flush` (writes
 * what waits now, e.g. before the store closes) and `stop` (flushes, then stops listening).
 */
export function queueRemoteStores(
  doc: Y.Doc,
  store: Store,
  isRemote: (origin: unknown) => boolean,
): { flush: () => void; stop: () => void } {
  const waiting: [Uint8Array, unknown][] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const [update, origin] of waiting.splice(0)) store(update, origin);
  };
  const schedule = () => {
    if (timer !== null) return;
    timer = setTimeout(flush, MAX_WAIT_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(flush, 0));
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (isRemote(origin)) {
      waiting.push([update, origin]);
      schedule();
      return;
    }
    flush();
    store(update, origin);
  };
  doc.on('update', onUpdate);
  return {
    flush,
    stop: () => {
      doc.off('update', onUpdate);
      flush();
    },
  };
}
