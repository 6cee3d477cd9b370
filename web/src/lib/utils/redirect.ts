/** Where to go after signing in when nothing else is asked for. */
export const HOME_PATH = '/projects';

/**
 * A `?redirect=` target made safe: only a path on this origin (no `//host`, no scheme), else {@link HOME_PATH}.
 */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return HOME_PATH;
  }
  return target;
}

/** The login page URL that comes back to `path` afterwards. */
export function loginUrl(path: string): string {
  return path === HOME_PATH || path === '/' ? '/login' : `/login?redirect=${encodeURIComponent(path)}`;
}
