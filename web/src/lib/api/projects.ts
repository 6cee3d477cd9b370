/** `/api/projects`: the projects the signed-in user may read (scoped by role on the server). */
import { request, type RequestOptions } from './client';
import type { Project, ProjectStatus } from './types';

export const listProjects = (filter: { status?: ProjectStatus } = {}, options?: RequestOptions) =>
  request<{ projects: Project[] }>(
    'GET',
    filter.status ? `/projects?status=${encodeURIComponent(filter.status)}` : '/projects',
    undefined,
    options,
  );
