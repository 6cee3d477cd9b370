/**
 * Presence (awareness) identity shared by the server, which writes every forwarded state's `user`, and the web
 * app, which shows it: avatar colours are derived from the user id, so a person keeps their colour everywhere.
 */

/** Colours for avatars and item highlights, readable on white, distinct for people side by side. */
export const PRESENCE_COLORS = [
  '#d9480f',
  '#1971c2',
  '#2f9e44',
  '#9c36b5',
  '#e8590c',
  '#0c8599',
  '#c2255c',
] as const;

/** A stable colour per user id (the same function the web app's avatars used before the server filled it). */
export function presenceColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}

/**
 * The `user` field the server writes into every awareness state it forwards, replacing the client's. `id` and
 * `userId` are the same account id (`id` is what older web builds read).
 */
export interface PresenceUser {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly color: string;
}

export const presenceUser = (userId: string, name: string): PresenceUser => ({
  id: userId,
  userId,
  name,
  color: presenceColor(userId),
});
