/**
 * The projects a user may inspect, from `GET /api/projects`, with the last answer kept on the device so a new
 * inspection can be started on a site with no signal.
 *
 * @module
 */
import { ApiError, request } from '$lib/api';

/** What the inspection pages need of a project (server/src/projects/routes.ts `ProjectView`). */
export interface ProjectSummary {
  id: string;
  filingNumber: string;
  name: string;
  status: 'in_construction' | 'completed' | 'terminated';
  region: { code: string; name: string } | null;
}

const CACHE_KEY = 'anguan.projects';

export async function loadProjects(): Promise<{ projects: ProjectSummary[]; fromCache: boolean }> {
  try {
    const { projects } = await request<{ projects: ProjectSummary[] }>('GET', '/projects');
    localStorage.setItem(CACHE_KEY, JSON.stringify(projects));
    return { projects, fromCache: false };
  } catch (error) {
    const cached = localStorage.getItem(CACHE_KEY);
    if (error instanceof ApiError && error.isNetwork && cached) {
      return { projects: JSON.parse(cached) as ProjectSummary[], fromCache: true };
    }
    throw error;
  }
}
