/**
 * Who else is in a document and where: the awareness part of the y-websocket protocol. Framework-free;
 * `presence.svelte.ts` adapts it to runes.
 *
 * @module
 */
import type { Awareness } from 'y-protocols/awareness';

/** Where in the document a person is working: a section (e.g. a JGJ59 sub-table id) and an item in it. */
export interface PresenceFocus {
  section: string | null;
  item: string | null;
  /** On a score-sheet inspection: the sheet (分项检查评分表) this device is on. */
  sheetId?: string | null;
  /** On a score-sheet inspection: the check item this device last touched. */
  itemId?: string | null;
}

/** What each device announces about its user. */
export interface PresenceState {
  user: { id: string; name: string; color: string };
  focus: PresenceFocus | null;
}

/** Another person in the doc, as the UI lists them. */
export interface Peer extends PresenceState {
  /** Yjs client id: one person on two phones shows twice, once per device. */
  clientId: number;
}

/** Colours for avatars and item highlights: 4.5:1 or more against white (WCAG 2.1 AA), distinct side by side. */
export const PRESENCE_COLORS = [
  '#c2410c',
  '#1864ab',
  '#2b7a3b',
  '#862e9c',
  '#b35a00',
  '#0b7285',
  '#a61e4d',
] as const;

/** A stable colour per user id, so a person keeps their colour across documents and sessions. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}

function isPresenceState(value: unknown): value is PresenceState {
  if (typeof value !== 'object' || value === null) return false;
  const user = (value as { user?: unknown }).user;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof (user as { name?: unknown }).name === 'string' &&
    typeof (user as { id?: unknown }).id === 'string'
  );
}

/** The people other than this device in the doc, in a stable order; malformed states from peers are ignored. */
export function peersOf(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID || !isPresenceState(state)) continue;
    peers.push({ clientId, user: state.user, focus: state.focus ?? null });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name, 'zh-CN') || a.clientId - b.clientId);
}

/** Announces this device's user in the doc. */
export function announce(awareness: Awareness, user: PresenceState['user']): void {
  awareness.setLocalState({ user, focus: null } satisfies PresenceState);
}

/** Moves this device's focus (which section/item it is on); `null` when it is on none. */
export function setFocus(awareness: Awareness, focus: PresenceFocus | null): void {
  awareness.setLocalStateField('focus', focus);
}

/** Calls `listener` with the peers whenever they change; returns the unsubscribe. */
export function observePeers(awareness: Awareness, listener: (peers: Peer[]) => void): () => void {
  const onChange = () => listener(peersOf(awareness));
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}
