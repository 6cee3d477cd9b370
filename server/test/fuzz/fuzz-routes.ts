import type { RandomSource } from '@anguan/model/testing';
import { defaultLimits } from '../../src/config.js';

/** Counts of one JSON-route fuzz run. */
export interface RouteFuzzCounts {
  requests: number;
  routes: number;
  byKind: Record<string, number>;
  /** Responses by status; 5xx are listed with their route in `serverErrors`. */
  statuses: Record<string, number>;
  serverErrors: string[];
  /** Requests that got no response at all (connection reset, timeout). */
  failures: number;
}

export interface Route {
  readonly method: string;
  readonly path: string;
}

export interface RouteFuzzTarget {
  readonly baseUrl: string;
  readonly routes: readonly Route[];
  readonly cookies: readonly (string | null)[];
  /** Values worth putting into path parameters and bodies: ids, names and hashes that exist. */
  readonly ids: readonly string[];
  /** Plausible bodies to mutate (registration, login, documents, members…). */
  readonly bodies: readonly unknown[];
}

const REQUEST_TIMEOUT_MS = 15_000;

function randomString(random: RandomSource): string {
  return random.pick([
    '',
    'a',
    '../../../etc/passwd',
    '%00',
    '😀检查'.repeat(1 + random.int(50)),
    'x'.repeat(random.int(5_000)),
    String(random.int(1e9)),
    random.uuid(),
    random.sha256(),
    '<script>alert(1)</script>',
    "' OR 1=1 --",
  ]);
}

function randomJson(random: RandomSource, target: RouteFuzzTarget, depth = 0): unknown {
  switch (random.int(depth > 3 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, random.int(1000)]);
    case 3:
      return randomString(random);
    case 4:
      return random.pick(target.ids);
    case 5:
      return Array.from({ length: random.int(6) }, () => randomJson(random, target, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(6); i > 0; i--) {
        object[randomString(random).slice(0, 20)] = randomJson(random, target, depth + 1);
      }
      return object;
    }
  }
}

function mutateBody(random: RandomSource, target: RouteFuzzTarget): unknown {
  const body = structuredClone(random.pick(target.bodies)) as Record<string, unknown>;
  const keys = Object.keys(body);
  for (let i = 1 + random.int(3); i > 0; i--) {
    const key = random.chance(0.8) && keys.length > 0 ? random.pick(keys) : randomString(random).slice(0, 20);
    if (random.chance(0.2)) delete body[key];
    else body[key] = randomJson(random, target);
  }
  return body;
}

/** A request body as text: random, mutated valid, oversized, deeply nested, not JSON at all, or none. */
function nextBody(random: RandomSource, target: RouteFuzzTarget): { kind: string; text: string | undefined } {
  const roll = random.int(100);
  if (roll < 30) return { kind: 'random', text: JSON.stringify(randomJson(random, target)) };
  if (roll < 70) return { kind: 'mutated', text: JSON.stringify(mutateBody(random, target)) };
  if (roll < 75) return { kind: 'valid', text: JSON.stringify(random.pick(target.bodies)) };
  if (roll < 78) {
    return { kind: 'oversized', text: JSON.stringify({ password: 'x'.repeat(3 * 1024 * 1024) }) };
  }
  if (roll < 86) {
    const depth = 1_000 + random.int(100_000);
    const text = random.chance(0.5)
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return { kind: 'deep', text };
  }
  if (roll < 94) return { kind: 'not json', text: randomString(random) + '{' };
  return { kind: 'none', text: undefined };
}

function fillPath(random: RandomSource, target: RouteFuzzTarget, path: string): string {
  return path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, () =>
    encodeURIComponent(random.chance(0.6) ? random.pick(target.ids) : randomString(random)),
  );
}

/** Sends requests to random JSON routes until `deadline`, in `lanes` parallel lanes. */
export async function fuzzRoutes(
  random: RandomSource,
  target: RouteFuzzTarget,
  deadline: number,
  lanes = 6,
): Promise<RouteFuzzCounts> {
  const counts: RouteFuzzCounts = {
    requests: 0,
    routes: target.routes.length,
    byKind: {},
    statuses: {},
    serverErrors: [],
    failures: 0,
  };
  const lane = async () => {
    while (Date.now() < deadline) {
      const route = random.pick(target.routes);
      const { kind, text } = nextBody(random, target);
      const cookie = random.pick(target.cookies);
      const url = target.baseUrl + fillPath(random, target, route.path);
      counts.requests++;
      counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
      try {
        const response = await fetch(url, {
          method: route.method,
          headers: {
            origin: target.baseUrl,
            ...(cookie ? { cookie } : {}),
            ...(text === undefined
              ? {}
              : { 'content-type': random.chance(0.9) ? 'application/json' : 'text/plain' }),
          },
          body: route.method === 'GET' || route.method === 'HEAD' ? undefined : text,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        // A live stream (预警提醒's SSE) never ends by design: its answer is the status and the first bytes.
        if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
        else await response.arrayBuffer();
        counts.statuses[response.status] = (counts.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) {
          counts.serverErrors.push(`${route.method} ${route.path} (${kind}) → ${response.status}`);
        }
      } catch (error) {
        // The body limit answers 413 and closes the connection while a body above it (an oversized one, or a deep
        // one of up to 500 KB) is still being sent: the sender then sees its write fail. That is the refusal
        // working, not a failure.
        if (isAboveBodyLimit(text) && isCutShort(error)) {
          counts.statuses.cut = (counts.statuses.cut ?? 0) + 1;
          continue;
        }
        counts.failures++;
        console.error(`[fuzz] no answer: ${route.method} ${route.path} (${kind})`, (error as { cause?: unknown }).cause);
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return counts;
}

/** The fuzzed server runs with the default limits; a route with a larger limit (imports) answers before this. */
function isAboveBodyLimit(text: string | undefined): boolean {
  return text !== undefined && Buffer.byteLength(text) > defaultLimits.maxJsonBodyBytes;
}

/** A request whose connection the server closed while the body was still being written (EPIPE / ECONNRESET). */
function isCutShort(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return cause?.code === 'EPIPE' || cause?.code === 'ECONNRESET';
}
