/**
 * Who is signed in. The server's session cookie is the truth; this mirrors `GET /api/auth/me` and keeps the last
 * known user in localStorage so the signed-in shell still opens offline (a muddy site with no signal).
 *
 * @module
 */
import { ApiError, authApi, type User } from '$lib/api';

/** localStorage key of the last signed-in user (display data only: no token, no 身份证号). */
export const LAST_USER_STORAGE_KEY = 'anguan.lastUser';

/**
 * localStorage flag: 退出登录 was pressed without network, so the HttpOnly session cookie (which only the server can
 * clear) may still be valid. The next check with the server ends that session before anything else.
 */
export const LOGOUT_PENDING_STORAGE_KEY = 'anguan.logoutPending';

function setLogoutPending(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(LOGOUT_PENDING_STORAGE_KEY, '1');
    else localStorage.removeItem(LOGOUT_PENDING_STORAGE_KEY);
  } catch {
    // Without storage the session simply stays until it expires.
  }
}

function logoutPending(): boolean {
  try {
    return localStorage.getItem(LOGOUT_PENDING_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';

function readCachedUser(): User | null {
  try {
    const raw = localStorage.getItem(LAST_USER_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as User) : null;
  } catch {
    return null;
  }
}

function writeCachedUser(user: User | null): void {
  try {
    if (user) localStorage.setItem(LAST_USER_STORAGE_KEY, JSON.stringify(user));
    else localStorage.removeItem(LAST_USER_STORAGE_KEY);
  } catch {
    // Private mode or full storage: offline sign-in is a convenience, not a requirement.
  }
}

class AuthManager {
  /** The signed-in user, or null. */
  user = $state<User | null>(null);
  status = $state<AuthStatus>('unknown');
  /** True when `user` comes from the local copy because the server could not be reached. */
  fromCache = $state(false);

  #pending: Promise<User | null> | null = null;

  /** The current user, asking the server once per page load (or again after {@link invalidate}). */
  ensure(): Promise<User | null> {
    if (this.status !== 'unknown') return Promise.resolve(this.user);
    this.#pending ??= this.#fetch().finally(() => (this.#pending = null));
    return this.#pending;
  }

  /** Forgets what the server said, so the next {@link ensure} asks again. */
  invalidate(): void {
    this.status = 'unknown';
  }

  /** The server no longer knows our session (401 on some call): signed out, the shell sends us to 登录. */
  expire(): void {
    this.#set(null);
  }

  async login(login: string, password: string): Promise<User> {
    const { user } = await authApi.login(login, password);
    setLogoutPending(false);
    this.#set(user);
    return user;
  }

  /** Ends the session; works offline too (local state is cleared now, the server session at the next contact). */
  async logout(): Promise<void> {
    try {
      await authApi.logout();
      setLogoutPending(false);
    } catch (error) {
      if (!(error instanceof ApiError && error.isNetwork)) throw error;
      setLogoutPending(true);
    } finally {
      this.#set(null);
    }
  }

  async #fetch(): Promise<User | null> {
    if (logoutPending()) {
      // Signed out offline: finish it; until the server confirms, nobody is signed in on this device.
      this.#set(null);
      await this.logout().catch((error: unknown) => console.error('[anguan] pending logout failed', error));
      return null;
    }
    try {
      const { user } = await authApi.me();
      this.#set(user);
    } catch (error) {
      if (error instanceof ApiError && error.isNetwork) {
        const cached = readCachedUser();
        this.user = cached;
        this.status = cached ? 'signed-in' : 'signed-out';
        this.fromCache = cached !== null;
      } else if (error instanceof ApiError && error.status === 401) {
        this.#set(null);
      } else {
        throw error;
      }
    }
    return this.user;
  }

  #set(user: User | null): void {
    this.user = user;
    this.status = user ? 'signed-in' : 'signed-out';
    this.fromCache = false;
    writeCachedUser(user);
  }
}

export const authManager = new AuthManager();
