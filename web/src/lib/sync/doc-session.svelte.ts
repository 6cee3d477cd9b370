/**
 * Svelte adapter over {@link DocSession} (STYLE.md rule 2): components read `status`, `peers` and the doc
 * through this and re-render when they change; they never touch Y.Maps or providers directly.
 *
 * @module
 */
import { createSubscriber } from 'svelte/reactivity';
import { DocSession, type DocSessionOptions } from './doc-session';
import { trackUnsynced } from './unsynced-guard';
import { announce, observePeers, peersOf, setFocus, type Peer, type PresenceFocus, type PresenceState } from './presence';
import type { SyncStatus } from './sync-status';

export class ReactiveDocSession {
  readonly session: DocSession;
  readonly #statusChanged: () => void;
  readonly #peersChanged: () => void;
  readonly #untrack: () => void;

  constructor(options: DocSessionOptions, user: PresenceState['user']) {
    this.session = new DocSession(options);
    this.#untrack = trackUnsynced(this.session);
    announce(this.session.provider.awareness, user);
    this.#statusChanged = createSubscriber((update) => this.session.subscribe(update));
    this.#peersChanged = createSubscriber((update) => observePeers(this.session.provider.awareness, update));
  }

  get doc() {
    return this.session.doc;
  }

  /** The sync state; reading it inside an effect or template subscribes to changes. */
  get status(): SyncStatus {
    this.#statusChanged();
    return this.session.status;
  }

  /** The other people in this doc. */
  get peers(): Peer[] {
    this.#peersChanged();
    return peersOf(this.session.provider.awareness);
  }

  /** Tells the others which section/item this device is on. */
  focus(focus: PresenceFocus | null): void {
    setFocus(this.session.provider.awareness, focus);
  }

  connect(): void {
    this.session.connect();
  }

  async destroy(): Promise<void> {
    this.#untrack();
    await this.session.destroy();
  }
}
