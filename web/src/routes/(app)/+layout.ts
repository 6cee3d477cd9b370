import { redirect } from '@sveltejs/kit';
import { authManager } from '$lib/managers/auth-manager.svelte';
import { loginUrl } from '$lib/utils/redirect';
import type { LayoutLoad } from './$types';

/** The sign-in guard of every page in the shell: no user, back to 登录 (and here again afterwards). */
export const load: LayoutLoad = async ({ url, untrack }) => {
  const user = await authManager.ensure();
  if (!user) redirect(307, loginUrl(untrack(() => url.pathname + url.search)));
};
