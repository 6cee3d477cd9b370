/**
 * Svelte adapter over {@link DocSession} (STYLE.md rule 2): components read `status`, `peers` and the doc
 * through this and re-render when they change; they never touch Y.Maps or providers directly.
 *
 * @module
 */
import { createSubscriber } from 'svelte/reactivity';
import { DocSession, type DocSessionOptions } from './doc-session';
import { fetchDocumentAccess, isRefused, type DocumentAccess } from './document-access';
import { trackUnsynced } from './unsynced-guard';
import {
  announce,
  observePeers,
  peersOf,
  setFocus,
  type Peer,
  type PresenceFocus,
  type PresenceState,
} from './presence';
import { canWrite, type SyncStatus } from './sync-status';

export class ReactiveDocSession {
  readonly session: DocSession;
  readonly #statusChanged: () => void;
  readonly #peersChanged: () => void;
  readonly #untrack: () => void;

  constructor(options: DocSessionOptions, user: PresenceState['user']) {
    // Every page that opens a doc asks the server for access first (a refused doc opens no socket).
    this.session = new DocSession({ checkAccess: fetchDocumentAccess, ...options });
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

  /**
   * Whether to show editing controls: the server granted write access and has not refused a write since. Pages
   * render every input, upload, delete and join button from this only (never from the user's role).
   */
  get canWrite(): boolean {
    return canWrite(this.status);
  }

  /** The server's answer about this doc (`unknown` until it answers, the device's last answer offline). */
  get access(): DocumentAccess {
    return this.status.access;
  }

  /** The server refused the doc (无权查看 / 不存在): there is nothing to load or sync. */
  get refused(): 'forbidden' | 'missing' | null {
    const access = this.status.access;
    return isRefused(access) ? access : null;
  }

  /** See {@link DocSession.presumeAccess}. */
  presumeAccess(access: 'read' | 'write'): void {
    this.session.presumeAccess(access);
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
