import WebSocket from 'ws';
import type { RandomSource } from '@anguan/model/testing';
import { nextFrame } from './frames.js';

/** Counts of one websocket fuzz run. */
export interface SyncFuzzCounts {
  frames: number;
  connections: number;
  byKind: Record<string, number>;
  /** How each connection ended: `answered` (still served after its frames) or `closed <code>`. */
  outcomes: Record<string, number>;
}

export interface SyncFuzzTarget {
  readonly wsBase: string;
  readonly docNames: readonly string[];
  readonly cookies: readonly string[];
  readonly corpus: readonly Uint8Array[];
}

const PROBE = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector: answered with step 2
const CONNECTION_TIMEOUT_MS = 10_000;

/** Opens connections and sends frames on them until `deadline`, in `lanes` parallel lanes. */
export async function fuzzSync(
  random: RandomSource,
  target: SyncFuzzTarget,
  deadline: number,
  lanes = 4,
): Promise<SyncFuzzCounts> {
  const counts: SyncFuzzCounts = { frames: 0, connections: 0, byKind: {}, outcomes: {} };
  const lane = async () => {
    while (Date.now() < deadline) {
      const outcome = await oneConnection(random, target, counts);
      counts.outcomes[outcome] = (counts.outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return counts;
}

function oneConnection(
  random: RandomSource,
  target: SyncFuzzTarget,
  counts: SyncFuzzCounts,
): Promise<string> {
  const doc = random.pick(target.docNames);
  const socket = new WebSocket(`${target.wsBase}/sync/${encodeURIComponent(doc)}`, {
    headers: { cookie: random.pick(target.cookies) },
  });
  counts.connections++;
  return new Promise<string>((resolve) => {
    let settled = false;
    const finish = (outcome: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('no answer'), CONNECTION_TIMEOUT_MS);
    socket.on('unexpected-response', (_request, response) => finish(`refused ${response.statusCode}`));
    socket.on('error', () => finish('socket error'));
    socket.on('close', (code) => finish(`closed ${code}`));
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1 && probed) finish('answered');
    });
    let probed = false;
    socket.on('open', () => {
      const frames = 1 + random.int(40);
      for (let i = 0; i < frames && socket.readyState === WebSocket.OPEN; i++) {
        const frame = nextFrame(random, target.corpus);
        counts.frames++;
        counts.byKind[frame.kind] = (counts.byKind[frame.kind] ?? 0) + 1;
        socket.send(frame.data);
      }
      probed = true;
      if (socket.readyState === WebSocket.OPEN) socket.send(PROBE);
    });
  });
}
