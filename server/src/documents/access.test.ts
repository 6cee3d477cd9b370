import { describe, expect, it } from 'vitest';
import type { InspectionOrigin } from '@anguan/model';
import {
  documentAccess,
  mayCreateDocument,
  maySealDocument,
  type Access,
  type AccessDoc,
  type AccessProject,
  type AccessUser,
} from './access.js';
import { regionCovers } from '../projects/regions.js';

const project: AccessProject = { id: 'p1', enterpriseId: 'e1', regionCode: '320102' };

const users: Record<string, AccessUser> = {
  director: { id: 'u1', role: 'enterprise', enterpriseId: 'e1', projectId: null, regionCode: null },
  inspector: { id: 'u2', role: 'inspector', enterpriseId: 'e1', projectId: null, regionCode: null },
  otherDirector: { id: 'u3', role: 'enterprise', enterpriseId: 'e2', projectId: null, regionCode: null },
  otherInspector: { id: 'u4', role: 'inspector', enterpriseId: 'e2', projectId: null, regionCode: null },
  department: { id: 'u5', role: 'project', enterpriseId: 'e1', projectId: 'p1', regionCode: null },
  otherDepartment: { id: 'u6', role: 'project', enterpriseId: 'e1', projectId: 'p2', regionCode: null },
  supervisor: { id: 'u7', role: 'supervisor', enterpriseId: null, projectId: null, regionCode: '320100' },
  otherSupervisor: {
    id: 'u8',
    role: 'supervisor',
    enterpriseId: null,
    projectId: null,
    regionCode: '320200',
  },
};

const inspection = (origin: InspectionOrigin): AccessDoc => ({ kind: 'inspection', origin, sealedAt: null });
const rectification = (origin: InspectionOrigin): AccessDoc => ({
  kind: 'rectification',
  origin,
  sealedAt: null,
});
const projectDoc: AccessDoc = { kind: 'project', origin: null, sealedAt: null };

/** Expected access per document, in the order of `users`' keys. */
const MATRIX: Array<[string, AccessDoc, Access[]]> = [
  //                                            director  inspector otherDir otherInsp dept     otherDept supervisor otherSup
  ['企业检查', inspection('enterprise'), ['write', 'write', 'none', 'none', 'read', 'none', 'read', 'none']],
  ['项目自查', inspection('self'), ['read', 'read', 'none', 'none', 'write', 'none', 'read', 'none']],
  ['标准化月评', inspection('monthly'), ['read', 'read', 'none', 'none', 'write', 'none', 'read', 'none']],
  ['安监抽查', inspection('spot'), ['read', 'read', 'none', 'none', 'read', 'none', 'write', 'none']],
  [
    '企业检查的整改',
    rectification('enterprise'),
    ['write', 'write', 'none', 'none', 'write', 'none', 'read', 'none'],
  ],
  [
    '安监抽查的整改',
    rectification('spot'),
    ['read', 'read', 'none', 'none', 'write', 'none', 'write', 'none'],
  ],
  ['项目文档', projectDoc, ['read', 'read', 'none', 'none', 'write', 'none', 'read', 'none']],
];

describe('document access matrix', () => {
  for (const [label, doc, expected] of MATRIX) {
    it(`${label}: ${expected.join(', ')}`, () => {
      expect(Object.values(users).map((user) => documentAccess(user, doc, project))).toEqual(expected);
    });

    it(`${label}: sealed is read-only to all, invisible to outsiders`, () => {
      const sealed = { ...doc, sealedAt: new Date() };
      const readOnly = expected.map((a) => (a === 'none' ? 'none' : 'read'));
      expect(Object.values(users).map((user) => documentAccess(user, sealed, project))).toEqual(readOnly);
    });
  }

  it('lets only the writing side create, and only its sealing role seal', () => {
    const { director, inspector, department, supervisor, otherDirector } = users as Record<
      string,
      AccessUser
    >;
    expect(mayCreateDocument(inspector!, inspection('enterprise'), project)).toBe(true);
    expect(mayCreateDocument(director!, inspection('self'), project)).toBe(false);
    expect(mayCreateDocument(otherDirector!, inspection('enterprise'), project)).toBe(false);
    expect(mayCreateDocument(supervisor!, inspection('spot'), project)).toBe(true);
    expect(maySealDocument(director!, inspection('enterprise'), project)).toBe(true);
    expect(maySealDocument(inspector!, inspection('enterprise'), project)).toBe(false);
    expect(maySealDocument(inspector!, inspection('enterprise'), project, [inspector!.id])).toBe(true);
    expect(maySealDocument(inspector!, inspection('enterprise'), project, ['someone-else'])).toBe(false);
    // Being named on a document one cannot write gives no sealing right.
    expect(maySealDocument(otherDirector!, inspection('enterprise'), project, [otherDirector!.id])).toBe(
      false,
    );
    expect(maySealDocument(department!, inspection('monthly'), project)).toBe(true);
    expect(maySealDocument(supervisor!, inspection('spot'), project)).toBe(true);
    expect(maySealDocument(department!, projectDoc, project)).toBe(false);
    expect(maySealDocument(director!, { ...inspection('enterprise'), sealedAt: new Date() }, project)).toBe(
      false,
    );
  });
});

describe('regionCovers', () => {
  it.each([
    ['320000', '320102', true],
    ['320100', '320102', true],
    ['320102', '320102', true],
    ['320102', '320104', false],
    ['320200', '320102', false],
    [null, '320102', false],
    ['320100', null, false],
  ] as const)('%s covers %s: %s', (region, projectRegion, covers) => {
    expect(regionCovers(region, projectRegion)).toBe(covers);
  });
});
