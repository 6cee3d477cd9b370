import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MalformedMessageError } from './errors.js';
import { Presence } from './presence.js';

const client = (state: Record<string, unknown>) => {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(state);
  return awareness;
};
const encode = (awareness: awarenessProtocol.Awareness) =>
  awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);

describe('Presence', () => {
  it('speaks y-protocols awareness: newcomers decode the states, stale clocks are ignored, removal wins', () => {
    const presence = new Presence();
    const owner = {};
    const alice = client({ name: '王' });
    const first = encode(alice);
    expect(presence.apply(first, owner, 0)).toBe(true);
    alice.setLocalStateField('item', 'tower_crane.01');
    expect(presence.apply(encode(alice), owner, 1)).toBe(true);
    expect(presence.apply(first, owner, 2)).toBe(false);

    const newcomer = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(newcomer, presence.encodeAll()!, null);
    expect(newcomer.getStates().get(alice.clientID)).toEqual({ name: '王', item: 'tower_crane.01' });

    const removal = presence.removeOwnedBy(owner, 3)!;
    awarenessProtocol.applyAwarenessUpdate(newcomer, removal, null);
    expect(newcomer.getStates().has(alice.clientID)).toBe(false);
    expect(presence.encodeAll()).toBeNull();
  });

  it('sweeps states not renewed for 30 s', () => {
    const presence = new Presence();
    presence.apply(encode(client({ a: 1 })), {}, 0);
    expect(presence.sweep(29_999)).toBeNull();
    expect(presence.sweep(30_000)).not.toBeNull();
    expect(presence.encodeAll()).toBeNull();
  });

  it('refuses states that are not JSON without applying any', () => {
    const presence = new Presence();
    expect(() => presence.apply(new Uint8Array([1, 5, 1, 1, 123]), {}, 0)).toThrow(MalformedMessageError);
    expect(presence.size).toBe(0);
  });
});
