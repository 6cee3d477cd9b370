import type { ResolvedPathname } from '$app/types';
import { safeRedirect } from './redirect';

/**
 * A path that only exists at run time (a `?redirect=` target, a login URL carrying one) as something `goto` and
 * `href` accept: checked by {@link safeRedirect} to stay on this origin. The app has no `paths.base`, so a
 * same-origin pathname is already resolved. Use `resolve()` from `$app/paths` for every path known when writing
 * the code.
 */
export function internalPath(target: string | null | undefined): ResolvedPathname {
  return safeRedirect(target) as ResolvedPathname;
}
