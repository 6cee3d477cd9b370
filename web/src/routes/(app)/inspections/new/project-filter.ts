/**
 * The project picker's search: which projects match what was typed, in which order, and how many are drawn. Pure,
 * so the ranking is unit-tested beside it and the picker stays fast for an enterprise with thousands of projects.
 *
 * @module
 */
import type { ProjectSummary } from '../projects-source';

/** Drawing thousands of options makes typing lag on a phone; past this the picker asks for more characters. */
export const MAX_SHOWN = 50;

const STATUS_RANK: Record<ProjectSummary['status'], number> = { in_construction: 0, completed: 1, terminated: 2 };

/** `3201002025001 河西南部安置房一期（A地块）`: the picker's option text and the input's text once chosen. */
export function projectLabel(project: Pick<ProjectSummary, 'filingNumber' | 'name'>): string {
  return `${project.filingNumber} ${project.name}`;
}

/**
 * Projects in the order the picker offers them: in construction first, then by 监督备案号 (the order people file
 * them in, stable across devices).
 */
export function orderProjects(projects: readonly ProjectSummary[]): ProjectSummary[] {
  return [...projects].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.filingNumber.localeCompare(b.filingNumber),
  );
}

/**
 * The projects matching `query`: every whitespace-separated word must occur in the 监督备案号 or the name (case and
 * full-width/half-width letters ignored). A 监督备案号 starting with the first word ranks before a mere occurrence,
 * so typing the leading digits of a filing number finds it at the top. `ordered` keeps its order otherwise.
 */
export function matchProjects(ordered: readonly ProjectSummary[], query: string): ProjectSummary[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...ordered];
  const prefix: ProjectSummary[] = [];
  const rest: ProjectSummary[] = [];
  for (const project of ordered) {
    const filing = normalize(project.filingNumber);
    const text = `${filing} ${normalize(project.name)}`;
    if (!words.every((word) => text.includes(word))) continue;
    (filing.startsWith(words[0]!) ? prefix : rest).push(project);
  }
  return [...prefix, ...rest];
}

/** NFKC folds full-width digits and letters (ＡＢ１２) into the ones the register stores. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}
