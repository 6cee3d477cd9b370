import { redirect } from '@sveltejs/kit';
import { authManager } from '$lib/managers/auth-manager.svelte';
import { safeRedirect } from '$lib/utils/redirect';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  const next = safeRedirect(url.searchParams.get('redirect'));
  // Already signed in (this tab or another): straight on. A failing check just shows the form.
  const user = await authManager.ensure().catch(() => null);
  if (user) redirect(307, next);
  return {
    next,
    login: url.searchParams.get('login') ?? '',
    notice: url.searchParams.has('registered')
      ? `注册成功${Number(url.searchParams.get('registered')) > 0 ? `，已关联 ${url.searchParams.get('registered')} 个在建项目` : ''}，请登录`
      : url.searchParams.has('reset')
        ? '密码已重置，请使用新密码登录'
        : url.searchParams.has('idle')
          ? '因长时间未操作，已自动退出登录，请重新登录'
          : null,
  };
};
