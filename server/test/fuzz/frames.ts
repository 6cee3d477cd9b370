import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MAX_MESSAGE_BYTES, addSheet, createInspection, setDeduction, setRemarks } from '@anguan/model';
import type { RandomSource } from '@anguan/model/testing';

/** What the websocket fuzzer sends: a frame and whether it is text (not part of the protocol). */
export interface FuzzFrame {
  readonly kind: string;
  readonly data: Uint8Array | string;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const sync = (subtype: number, payload: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, subtype);
    encoding.writeVarUint8Array(e, payload);
  });

const awareness = (entries: ReadonlyArray<[number, number, string]>) =>
  message((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      message((inner) => {
        encoding.writeVarUint(inner, entries.length);
        for (const [client, clock, state] of entries) {
          encoding.writeVarUint(inner, client);
          encoding.writeVarUint(inner, clock);
          encoding.writeVarString(inner, state);
        }
      }),
    );
  });

/** Valid messages to start from: real model edits (as updates), state vectors, awareness, queries. */
export function validCorpus(random: RandomSource, projectId: string, userId: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  createInspection(doc, {
    projectId,
    origin: 'enterprise',
    method: 'jgj59',
    date: '2026-03-15',
    createdBy: userId,
  });
  const sheet = addSheet(doc, { tableId: 'tower_crane' });
  setDeduction(doc, sheet, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.01', count: 2 });
  setRemarks(doc, '塔吊基础积水');
  doc.getMap('meta').set('origin', 'spot');
  doc.getMap('extra').set('x', 1);
  const nested = new Y.Map<unknown>();
  doc.getMap('terms').set('nested', nested);
  let inner = nested;
  for (let i = 0; i < 40; i++) {
    const next = new Y.Map<unknown>();
    inner.set('n', next);
    inner = next;
  }
  const corpus = [
    ...updates.map((u) => sync(2, u)),
    sync(1, Y.encodeStateAsUpdate(doc)),
    sync(0, Y.encodeStateVector(doc)),
    sync(0, new Uint8Array([0])),
    awareness([[random.int(2 ** 31), 1, JSON.stringify({ user: { name: '检查员' }, focus: null })]]),
    awareness([[random.int(2 ** 31), 2, 'null']]),
    message((e) => encoding.writeVarUint(e, 3)),
  ];
  doc.destroy();
  return corpus;
}

function mutate(random: RandomSource, bytes: Uint8Array): Uint8Array {
  const out = [...bytes];
  const edits = 1 + random.int(4);
  for (let i = 0; i < edits; i++) {
    const at = random.int(out.length + 1);
    switch (random.int(6)) {
      case 0:
        if (at < out.length) out[at] = random.int(256);
        break;
      case 1:
        out.splice(at, 0, random.int(256));
        break;
      case 2:
        out.splice(at, 1 + random.int(8));
        break;
      case 3:
        out.length = Math.min(out.length, at);
        break;
      case 4:
        out.splice(at, 0, ...out.slice(random.int(out.length), random.int(out.length) + 16));
        break;
      default:
        // A huge varUint where a length or count was.
        out.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
    }
  }
  return Uint8Array.from(out);
}

const nestedJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** One frame: random, a mutated valid one, valid, oversized, deeply nested, an awareness flood or text. */
export function nextFrame(random: RandomSource, corpus: readonly Uint8Array[]): FuzzFrame {
  const roll = random.int(1000);
  if (roll < 250) {
    const bytes = new Uint8Array(1 + random.int(random.chance(0.1) ? 4000 : 60));
    for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(256);
    bytes[0] = random.pick([0, 0, 1, 3, random.int(256)]);
    return { kind: 'random', data: bytes };
  }
  if (roll < 700) return { kind: 'mutated', data: mutate(random, random.pick(corpus)) };
  if (roll < 880) return { kind: 'valid', data: random.pick(corpus) };
  if (roll < 890) {
    return { kind: 'oversized', data: new Uint8Array(MAX_MESSAGE_BYTES + 1 + random.int(1024)) };
  }
  if (roll < 940) {
    const depth = 100 + random.int(20_000);
    return { kind: 'deep', data: awareness([[random.int(2 ** 31), 1, nestedJson(depth)]]) };
  }
  if (roll < 970) {
    const count = 10 + random.int(5_000);
    const entries = Array.from({ length: count }, (_, i): [number, number, string] => [i + 1, 1, '{}']);
    return { kind: 'awareness-flood', data: awareness(entries) };
  }
  return { kind: 'text', data: 'hello' };
}
