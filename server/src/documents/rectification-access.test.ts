import { describe, expect, it } from 'vitest';
import type { InspectionOrigin } from '@anguan/model';
import {
  documentAccess,
  mayDeleteInspection,
  mayReplyRectification,
  mayReviewRectification,
  writableRootsOf,
  type AccessProject,
  type AccessUser,
} from './access.js';

/** The roles matrix of issue 9: reply, review and delete, per inspection origin and per user. */

const project: AccessProject = { id: 'p1', enterpriseId: 'e1', regionCode: '320102' };
const user = (role: AccessUser['role'], fields: Partial<AccessUser> = {}): AccessUser => ({
  id: role,
  role,
  enterpriseId: null,
  projectId: null,
  regionCode: null,
  ...fields,
});
const USERS = {
  director: user('enterprise', { enterpriseId: 'e1' }),
  inspector: user('inspector', { enterpriseId: 'e1' }),
  department: user('project', { enterpriseId: 'e1', projectId: 'p1' }),
  supervisor: user('supervisor', { regionCode: '320100' }),
  otherDirector: user('enterprise', { enterpriseId: 'e2' }),
  otherInspector: user('inspector', { enterpriseId: 'e2' }),
  otherDepartment: user('project', { enterpriseId: 'e1', projectId: 'p2' }),
  otherSupervisor: user('supervisor', { regionCode: '320200' }),
};
type Who = keyof typeof USERS;
const ORIGINS: InspectionOrigin[] = ['enterprise', 'spot', 'self', 'monthly'];

/** Who may review each origin's rectification; only `department` ever replies. */
const REVIEWERS: Record<InspectionOrigin, Who[]> = {
  enterprise: ['director', 'inspector'],
  spot: ['supervisor'],
  self: ['department'],
  monthly: ['department'],
};
/** Who may delete an internal-standard inspection of each origin. */
const DELETERS: Record<InspectionOrigin, Who[]> = {
  enterprise: ['director'],
  spot: ['supervisor'],
  self: ['department'],
  monthly: ['department'],
};
const READERS: Who[] = ['director', 'inspector', 'department', 'supervisor'];

describe('rectification and deletion rights', () => {
  for (const origin of ORIGINS) {
    it(`gives replies to the project department and reviews to the running side (${origin})`, () => {
      const doc = { kind: 'rectification', origin, sealedAt: null } as const;
      for (const who of Object.keys(USERS) as Who[]) {
        const rights = [
          mayReplyRectification(USERS[who], doc, project),
          mayReviewRectification(USERS[who], doc, project),
          documentAccess(USERS[who], doc, project) !== 'none',
          writableRootsOf(USERS[who], doc, project),
        ];
        const reviews = REVIEWERS[origin].includes(who);
        expect([who, ...rights]).toEqual([
          who,
          who === 'department',
          reviews,
          READERS.includes(who),
          ['meta', ...(who === 'department' ? ['replies'] : []), ...(reviews ? ['reviews'] : [])],
        ]);
      }
    });

    it(`lets only the sealing side delete an internal-standard record (${origin})`, () => {
      const internal = { kind: 'inspection', origin, method: 'internal', sealedAt: new Date() } as const;
      const scored = { ...internal, method: 'jgj59' } as const;
      for (const who of Object.keys(USERS) as Who[]) {
        expect([who, mayDeleteInspection(USERS[who], internal, project)]).toEqual([
          who,
          DELETERS[origin].includes(who),
        ]);
        expect(mayDeleteInspection(USERS[who], scored, project)).toBe(false);
      }
    });
  }

  it('answers no reply or review rights on documents that are not rectifications', () => {
    const inspection = { kind: 'inspection', origin: 'self', sealedAt: null } as const;
    expect(mayReplyRectification(USERS.department, inspection, project)).toBe(false);
    expect(mayReviewRectification(USERS.department, inspection, project)).toBe(false);
    expect(writableRootsOf(USERS.department, inspection, project)).toBeUndefined();
  });
});
