import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { announce, colorFor, observePeers, peersOf, PRESENCE_COLORS, setFocus } from './presence';

/** Two devices whose awareness states are exchanged by hand, as the server would relay them. */
function twoDevices() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  const relay = (from: Awareness, to: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote');
  return { a, b, relay };
}

describe('presence', () => {
  it('lists the other people in the doc with their focus, not this device', () => {
    const { a, b, relay } = twoDevices();
    announce(a, { id: 'u1', name: '李安全', color: colorFor('u1') });
    announce(b, { id: 'u2', name: '赵质检', color: colorFor('u2') });
    setFocus(b, { section: 'B.1', item: 'B.1.3' });
    relay(a, b);
    relay(b, a);
    expect(peersOf(a).map((p) => [p.user.name, p.focus?.item])).toEqual([['赵质检', 'B.1.3']]);
    expect(peersOf(b).map((p) => p.user.name)).toEqual(['李安全']);
  });

  it('tells observers when a peer moves to another item', () => {
    const { a, b, relay } = twoDevices();
    announce(b, { id: 'u2', name: '赵质检', color: '#000' });
    const seen: (string | null | undefined)[] = [];
    observePeers(a, (peers) => seen.push(peers[0]?.focus?.item));
    relay(b, a);
    setFocus(b, { section: 'B.2', item: 'B.2.1' });
    relay(b, a);
    expect(seen).toEqual([undefined, 'B.2.1']);
  });

  it('ignores malformed states a peer might send', () => {
    const { a, b, relay } = twoDevices();
    b.setLocalState({ user: 42 });
    relay(b, a);
    expect(peersOf(a)).toEqual([]);
  });

  it('gives each user a stable colour from the palette', () => {
    expect(colorFor('user-1')).toBe(colorFor('user-1'));
    expect(PRESENCE_COLORS).toContain(colorFor('user-2'));
  });
});
