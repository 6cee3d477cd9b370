import type { WorkStepKey } from '$lib/api';

/** The five documents of a 超危大 work, in lifecycle order (DESIGN workflow 6). */
export const WORK_STEPS: ReadonlyArray<[WorkStepKey, string]> = [
  ['plan', '专项施工方案'],
  ['expertReview', '专家论证'],
  ['briefing', '交底记录'],
  ['acceptance', '验收记录'],
  ['implementation', '实施情况'],
];

/** Where a file of a project document is read (the server authorizes blob reads through the doc). */
export const projectBlobUrl = (projectId: string, sha256: string): string =>
  `/api/blobs/${sha256}?doc=${encodeURIComponent(`project:${projectId}`)}`;
