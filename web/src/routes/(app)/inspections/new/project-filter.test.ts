import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../projects-source';
import { matchProjects, orderProjects, projectLabel } from './project-filter';

function project(filingNumber: string, name: string, status: ProjectSummary['status'] = 'in_construction') {
  return { id: filingNumber, filingNumber, name, status, region: null } satisfies ProjectSummary;
}

const projects = [
  project('3201002025003', '江北新区人才公寓二期', 'completed'),
  project('3201002025002', '河西南部安置房二期'),
  project('3201002025001', '河西南部安置房一期（A地块）'),
  project('3201152024009', '秣陵街道小学扩建（2025001号地块）'),
];

describe('orderProjects', () => {
  it('puts projects in construction before completed ones, each by 监督备案号', () => {
    expect(orderProjects(projects).map((p) => p.filingNumber)).toEqual([
      '3201002025001',
      '3201002025002',
      '3201152024009',
      '3201002025003',
    ]);
  });
});

describe('matchProjects', () => {
  const ordered = orderProjects(projects);

  it('returns every project in order when nothing was typed', () => {
    expect(matchProjects(ordered, '  ')).toEqual(ordered);
  });

  it('finds a project by part of its name', () => {
    expect(matchProjects(ordered, '安置房').map((p) => p.filingNumber)).toEqual(['3201002025001', '3201002025002']);
  });

  it('ranks a 监督备案号 that starts with the typed digits before a name that merely contains them', () => {
    expect(matchProjects(ordered, '2025001').map((p) => p.filingNumber)).toEqual([
      '3201002025001',
      '3201152024009',
    ]);
    expect(matchProjects(ordered, '320115').map((p) => p.filingNumber)).toEqual(['3201152024009']);
  });

  it('requires every typed word and ignores case and full-width characters', () => {
    expect(matchProjects(ordered, '河西 一期 ａ地块').map((p) => p.filingNumber)).toEqual(['3201002025001']);
    expect(matchProjects(ordered, '河西 三期')).toEqual([]);
  });

  it('labels a project with its 监督备案号 and name', () => {
    expect(projectLabel(projects[2]!)).toBe('3201002025001 河西南部安置房一期（A地块）');
  });
});
