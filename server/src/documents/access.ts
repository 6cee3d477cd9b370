import { RECTIFICATION_ROOTS, type InspectionOrigin } from '@anguan/model';
import type { Role } from '../db/schema/index.js';
import { regionCovers } from '../projects/regions.js';

/**
 * Who may do what with a document (DESIGN.md "Roles"), as pure functions of the user, the document's registry row
 * and its project. `/sync`, the documents API and blob reads all ask these, and nothing else decides access.
 */

export type Access = 'none' | 'read' | 'write';

/** The user fields the policy reads. */
export interface AccessUser {
  readonly id: string;
  readonly role: Role;
  readonly enterpriseId: string | null;
  readonly projectId: string | null;
  readonly regionCode: string | null;
}

/** The registry fields the policy reads. */
export interface AccessDoc {
  readonly kind: 'inspection' | 'rectification' | 'project';
  /** For a rectification: the origin of its inspection. */
  readonly origin: InspectionOrigin | null;
  readonly sealedAt: Date | null;
}

/** The project fields the policy reads. */
export interface AccessProject {
  readonly id: string;
  readonly enterpriseId: string | null;
  readonly regionCode: string | null;
}

/** Which side runs each inspection origin: the party that writes it and reviews its rectification. */
const ORIGIN_OWNER: Readonly<Record<InspectionOrigin, 'enterprise' | 'project' | 'supervisor'>> = {
  self: 'project',
  monthly: 'project',
  enterprise: 'enterprise',
  spot: 'supervisor',
};

/** The side the user acts for on this project, or null when the project is none of its business. */
export function partyOf(
  user: AccessUser,
  project: AccessProject,
): 'enterprise' | 'project' | 'supervisor' | null {
  switch (user.role) {
    case 'enterprise':
    case 'inspector':
      return user.enterpriseId !== null && user.enterpriseId === project.enterpriseId ? 'enterprise' : null;
    case 'project':
      return user.projectId === project.id ? 'project' : null;
    case 'supervisor':
      return regionCovers(user.regionCode, project.regionCode) ? 'supervisor' : null;
  }
}

/**
 * Access to a document. Everyone with a stake in the project reads all of its documents; writing is for the side
 * that owns the content: an inspection's running side (by origin), both sides of a rectification (the project
 * department replies, the inspecting side reviews), the project department for its project document. A sealed
 * document is read-only to everyone.
 */
export function documentAccess(user: AccessUser, doc: AccessDoc, project: AccessProject): Access {
  const party = partyOf(user, project);
  if (party === null) return 'none';
  if (doc.sealedAt !== null) return 'read';
  return writesDocument(party, doc) ? 'write' : 'read';
}

function writesDocument(party: 'enterprise' | 'project' | 'supervisor', doc: AccessDoc): boolean {
  switch (doc.kind) {
    case 'inspection':
      return doc.origin !== null && ORIGIN_OWNER[doc.origin] === party;
    case 'rectification':
      return party === 'project' || (doc.origin !== null && ORIGIN_OWNER[doc.origin] === party);
    case 'project':
      return party === 'project';
  }
}

/**
 * Whether the user may register a new document of this kind (and, for an inspection, origin) for the project:
 * the side that would write it. A rectification additionally needs its inspection (checked by the service).
 */
export function mayCreateDocument(
  user: AccessUser,
  doc: Pick<AccessDoc, 'kind' | 'origin'>,
  project: AccessProject,
): boolean {
  return documentAccess(user, { ...doc, sealedAt: null }, project) === 'write';
}

/**
 * Whether the user may seal the document (generate its sheet): inspections only, by a user who writes it and is
 * either the running side's account — the enterprise account (安全总监) for enterprise inspections, the project
 * department for its self-inspections and monthly evaluations, the supervisor for spot checks — or one of the
 * inspection's own inspectors (`inspectorUserIds`, from the document's final state).
 */
export function maySealDocument(
  user: AccessUser,
  doc: AccessDoc,
  project: AccessProject,
  inspectorUserIds: readonly string[] = [],
): boolean {
  if (doc.kind !== 'inspection' || doc.sealedAt !== null) return false;
  if (documentAccess(user, doc, project) !== 'write') return false;
  return user.role !== 'inspector' || inspectorUserIds.includes(user.id);
}

// rectify (issue 9): who replies to, reviews and deletes what. Kept with the rules above so one file decides access.

/** Whether the user may reply (整改回复) to a rectification: the project department of its project, only. */
export function mayReplyRectification(user: AccessUser, doc: AccessDoc, project: AccessProject): boolean {
  return doc.kind === 'rectification' && partyOf(user, project) === 'project';
}

/**
 * Whether the user may review (复查: 通过 / 退回) a rectification: the side that ran the inspection — the enterprise
 * account and its inspectors for enterprise inspections, the supervisor of the region for spot checks, and the
 * project department itself for its self-inspections and monthly evaluations (its safety officer checks the
 * work teams' rectification; nobody else ran those inspections). Reminding (督促) follows the same rule.
 */
export function mayReviewRectification(user: AccessUser, doc: AccessDoc, project: AccessProject): boolean {
  const party = partyOf(user, project);
  return (
    doc.kind === 'rectification' &&
    party !== null &&
    doc.origin !== null &&
    ORIGIN_OWNER[doc.origin] === party
  );
}

/**
 * Whether the user may soft-delete an internal-standard inspection record (or one of its files): the side that
 * ran it with the sealing right — the enterprise account (not its inspectors) for enterprise inspections, the
 * project department for its own, the supervisor for spot checks. Other methods are never deleted: their sheets
 * and scores feed the evaluation.
 */
export function mayDeleteInspection(
  user: AccessUser,
  doc: AccessDoc & { readonly method: string | null },
  project: AccessProject,
): boolean {
  if (doc.kind !== 'inspection' || doc.method !== 'internal' || user.role === 'inspector') return false;
  return doc.origin !== null && partyOf(user, project) === ORIGIN_OWNER[doc.origin];
}

/**
 * The root types a connection may write in a document whose parts belong to different sides, or undefined when the
 * whole document is one side's (then `documentAccess` alone decides). In a rectification the project department
 * writes `replies`, the inspecting side `reviews` (both, for a project department reviewing its own
 * self-inspection); `meta` stays open to both, since a rectification a client registered before sealing is
 * created by that client, and the server decides nothing from it.
 */
export function writableRootsOf(
  user: AccessUser,
  doc: AccessDoc,
  project: AccessProject,
): readonly string[] | undefined {
  if (doc.kind !== 'rectification') return undefined;
  const roots: string[] = [RECTIFICATION_ROOTS.meta];
  if (mayReplyRectification(user, doc, project)) roots.push(RECTIFICATION_ROOTS.replies);
  if (mayReviewRectification(user, doc, project)) roots.push(RECTIFICATION_ROOTS.reviews);
  return roots;
}
