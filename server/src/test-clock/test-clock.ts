import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { AppError, badRequest } from '../http/errors.js';

/**
 * End-to-end tests' server clock (`ANGUAN_TEST_CLOCK=1`, README "Configuration"; off in production): a request
 * from the loopback interface carrying {@link TEST_NOW_HEADER} runs as if the server's clock read that instant,
 * so a Playwright spec can see a deadline pass (逾期, issue 9) without waiting for midnight. The clock is
 * per request, not global: other specs running against the same server, background work (materializer, alert
 * scheduler, maintenance sweeps) and the websockets keep the real clock, and the session middleware runs before
 * this one, so sessions never look idle or expired because a test moved time.
 *
 * @module
 */

/** ISO 8601 instant the request's clock reads. */
export const TEST_NOW_HEADER = 'x-anguan-test-now';

const requestClock = new AsyncLocalStorage<Date>();

/** `base`, unless the current request set a test instant. */
export function withRequestClock(base: () => Date): () => Date {
  return () => requestClock.getStore() ?? base();
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether a client address is this machine's loopback interface. */
export const isLoopback = (ip: string | undefined): boolean => ip !== undefined && LOOPBACK.has(ip);

/**
 * Runs the rest of the request on the header's instant. Disabled (`enabled` false) it ignores the header
 * entirely; enabled, a header from another machine is refused (403) and a malformed one is a 400.
 */
export function testClockMiddleware(enabled: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = enabled ? c.req.header(TEST_NOW_HEADER) : undefined;
    if (raw === undefined) return next();
    if (!isLoopback(c.get('ip'))) throw new AppError(403, 'forbidden', '测试时钟仅限本机使用');
    const at = new Date(raw);
    if (Number.isNaN(at.getTime())) throw badRequest('invalid_test_now', '测试时钟时间无效');
    await requestClock.run(at, next);
  };
}
