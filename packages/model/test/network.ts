import { expect } from 'vitest';
import * as Y from 'yjs';
import { RandomSource } from './random.js';

/**
 * The simulated network of the seeded-random convergence tests (STYLE.md rule 11), shared by every document kind:
 * peers edit one document while going offline and online; updates travel in random order and only between online
 * peers. In the end every peer must produce the same JSON. A failure names its seed; replay it with
 * MODEL_SEED=<seed>.
 */

/** One device's copy of the document. */
export interface Peer {
  doc: Y.Doc;
  online: boolean;
}

/** Carries every local update to every other peer, in an order the random source chooses. */
export class Network {
  readonly queue: Array<{ to: number; update: Uint8Array }> = [];
  constructor(
    readonly peers: Peer[],
    private random: RandomSource,
  ) {
    peers.forEach((peer, index) => {
      peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return; // delivered by us: the sender already broadcast it
        for (let to = 0; to < peers.length; to++) if (to !== index) this.queue.push({ to, update });
      });
    });
  }

  /** Delivers some queued updates, in random order, to online peers (offline peers keep theirs queued). */
  deliverSome(): void {
    const rounds = this.random.int(this.queue.length + 1);
    for (let i = 0; i < rounds && this.queue.length > 0; i++) {
      const index = this.random.int(this.queue.length);
      const message = this.queue[index]!;
      if (!this.peers[message.to]!.online) continue;
      this.queue.splice(index, 1);
      Y.applyUpdate(this.peers[message.to]!.doc, message.update, this);
    }
  }

  /** What a reconnect does: sync step 1/2 with every other online peer. */
  resync(index: number): void {
    const peer = this.peers[index]!;
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)), this);
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc)), this);
    }
  }
}

/** What a convergence run needs to know about one document kind. */
export interface ConvergenceScenario {
  /** Names the kind in the replay hint. */
  readonly kind: string;
  /** The first peer's document, created with `clientId` (fixed for reproducible runs); the others copy it. */
  readonly createDoc: (clientId: number) => Y.Doc;
  /** One random edit through the kind's public writers; `step` (0, 1, …) is there to drive the writers' clock. */
  readonly edit: (doc: Y.Doc, r: RandomSource, step: number) => void;
  /** The JSON every peer must agree on. */
  readonly toJSON: (doc: Y.Doc) => unknown;
  /** When given, every converged peer must also validate without issues. */
  readonly validate?: (doc: Y.Doc) => readonly unknown[];
}

/**
 * Runs `steps` random edits on 2–5 peers (the count follows from the seed), then brings everyone online and
 * asserts identical JSON. On failure it logs how to replay the seed and rethrows.
 */
export function runScenario(scenario: ConvergenceScenario, seed: number, steps: number): void {
  try {
    simulate(scenario, seed, 2 + (seed % 4), steps);
  } catch (error) {
    console.error(`${scenario.kind} convergence failed; replay with MODEL_SEED=${seed}`);
    throw error;
  }
}

function simulate(scenario: ConvergenceScenario, seed: number, peerCount: number, steps: number): void {
  const r = new RandomSource(seed);
  const first = scenario.createDoc(1);
  const peers: Peer[] = Array.from({ length: peerCount }, (_, i) => {
    const doc = i === 0 ? first : new Y.Doc();
    if (i > 0) {
      doc.clientID = i + 1;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(first));
    }
    return { doc, online: true };
  });
  const network = new Network(peers, r);
  for (let step = 0; step < steps; step++) {
    const index = r.int(peerCount);
    const peer = peers[index]!;
    if (r.chance(0.08)) {
      peer.online = !peer.online;
      if (peer.online) network.resync(index);
    }
    scenario.edit(peer.doc, r, step);
    if (r.chance(0.5)) network.deliverSome();
  }
  peers.forEach((peer) => (peer.online = true));
  peers.forEach((_, index) => network.resync(index));
  const expected = scenario.toJSON(peers[0]!.doc);
  for (const peer of peers.slice(1)) expect(scenario.toJSON(peer.doc)).toEqual(expected);
  if (scenario.validate) for (const peer of peers) expect(scenario.validate(peer.doc)).toEqual([]);
}

/** `count` fixed seeds, or only MODEL_SEED when it is set (to replay one failure). */
export function convergenceSeeds(count: number): number[] {
  const envSeed = Number(process.env.MODEL_SEED);
  if (Number.isInteger(envSeed) && envSeed > 0) return [envSeed];
  return Array.from({ length: count }, (_, i) => 1000 + i * 7919);
}
