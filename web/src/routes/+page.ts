import { redirect } from '@sveltejs/kit';

/** The start page is the project list (项目信息), behind the sign-in guard. */
export const load = () => {
  redirect(307, '/projects');
};
