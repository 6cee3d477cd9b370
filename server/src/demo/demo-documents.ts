import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import {
  addReview,
  createInspection,
  createRectification,
  inspectionDocName,
  rectificationDocName,
  setInspector,
  setRectificationRequest,
  setReply,
  setSelfScore,
  setStatus,
  type InspectionMethod,
  type InspectionOrigin,
  type WriteOptions,
} from '@anguan/model';
import { CATALOG_VERSION, fillContent, type DemoScan } from './demo-content.js';
import { addDays, instantOf, type DemoRandom } from './random.js';

/** A person of the demo who writes documents. */
export interface DemoPerson {
  userId: string;
  name: string;
}

/** Who acts on one project: its department, its enterprise's director and inspectors, its region's station. */
export interface ProjectCast {
  department: DemoPerson;
  director: DemoPerson | null;
  inspectors: readonly DemoPerson[];
  supervisor: DemoPerson;
}

/** A document ready to store: its registry row, its state, and the blobs it references. */
export interface DemoDocument {
  row: {
    name: string;
    kind: 'inspection' | 'rectification' | 'project';
    id: string;
    projectId: string;
    method: InspectionMethod | null;
    origin: InspectionOrigin | null;
    creatorUserId: string;
    createdAt: Date;
    sealedAt: Date | null;
    sealedHash: string | null;
    sealedByUserId: string | null;
  };
  state: Uint8Array;
  blobRefs: string[];
}

export interface ProjectSpan {
  projectId: string;
  /** First and last day documents may carry (a year at most, up to today or the completion). */
  from: string;
  to: string;
}

const RECTIFICATION_STATES = ['open', 'replied', 'rejected', 'accepted'] as const;

/**
 * A document's Y.Doc with a seeded client id, so the same seed writes the same bytes; `write` fills it through
 * the model's writers.
 */
function newDoc(random: DemoRandom): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = random.int(1, 2 ** 31 - 1);
  return doc;
}

interface InspectionPlan {
  origin: InspectionOrigin;
  method: InspectionMethod;
  date: string;
  by: DemoPerson;
  sealed: boolean;
  rectifyBy?: DemoPerson;
  selfScore?: number | null;
}

function inspectionDocument(
  random: DemoRandom,
  span: ProjectSpan,
  plan: InspectionPlan,
  scans: readonly DemoScan[],
): { doc: DemoDocument; id: string } {
  const id = random.uuid();
  const doc = newDoc(random);
  const options: WriteOptions = { now: () => instantOf(plan.date) };
  createInspection(
    doc,
    {
      projectId: span.projectId,
      origin: plan.origin,
      method: plan.method,
      date: plan.date,
      createdBy: plan.by.userId,
      catalogVersion: CATALOG_VERSION[plan.method],
    },
    options,
  );
  setInspector(doc, plan.by, options);
  fillContent(doc, plan.method, random, plan.by.userId, scans, options);
  if (plan.selfScore !== undefined) setSelfScore(doc, plan.selfScore, options);
  if (plan.rectifyBy) {
    setRectificationRequest(
      doc,
      {
        required: true,
        requirement: '按检查意见逐项整改，并上传整改后照片',
        deadline: addDays(plan.date, 7),
        rectifier: plan.rectifyBy,
      },
      options,
    );
  }
  if (plan.sealed) setStatus(doc, 'completed', options);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const sealedAt = plan.sealed ? instantOf(plan.date, 6) : null;
  return {
    id,
    doc: {
      row: {
        name: inspectionDocName(id),
        kind: 'inspection',
        id,
        projectId: span.projectId,
        method: plan.method,
        origin: plan.origin,
        creatorUserId: plan.by.userId,
        createdAt: instantOf(plan.date),
        sealedAt,
        sealedHash: sealedAt ? createHash('sha256').update(state).digest('hex') : null,
        sealedByUserId: sealedAt ? plan.by.userId : null,
      },
      state,
      blobRefs: plan.method === 'internal' ? scans.map((s) => s.sha256).filter((h) => hasRef(state, h)) : [],
    },
  };
}

/** Whether the state mentions the hash (cheaper than decoding the document again). */
function hasRef(state: Uint8Array, sha256: string): boolean {
  return Buffer.from(state).includes(sha256);
}

function rectificationDocument(
  random: DemoRandom,
  span: ProjectSpan,
  inspection: { id: string; date: string; origin: InspectionOrigin },
  cast: ProjectCast,
  reviewer: DemoPerson,
): DemoDocument {
  const doc = newDoc(random);
  const at = (days: number) => ({ now: () => instantOf(addDays(inspection.date, days)) });
  createRectification(
    doc,
    { inspectionId: inspection.id, projectId: span.projectId, createdBy: cast.department.userId },
    at(1),
  );
  const state = random.pick(RECTIFICATION_STATES);
  const replyId = random.uuid();
  const reply = (days: number, text: string) =>
    setReply(
      doc,
      {
        replyId,
        authorUserId: cast.department.userId,
        authorName: cast.department.name,
        text,
      },
      at(days),
    );
  const review = (days: number, verdict: 'accepted' | 'rejected', note: string) =>
    addReview(
      doc,
      {
        reviewId: random.uuid(),
        replyId,
        reviewerUserId: reviewer.userId,
        reviewerName: reviewer.name,
        verdict,
        note,
      },
      at(days),
    );
  if (state !== 'open') reply(3, '已按要求整改完毕，附整改照片。');
  if (state === 'rejected') review(5, 'rejected', '临边防护仍不到位，请重新整改。');
  if (state === 'accepted') review(5, 'accepted', '复查合格。');
  const encoded = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return {
    row: {
      name: rectificationDocName(inspection.id),
      kind: 'rectification',
      id: inspection.id,
      projectId: span.projectId,
      method: null,
      origin: inspection.origin,
      creatorUserId: cast.department.userId,
      createdAt: instantOf(addDays(inspection.date, 1)),
      sealedAt: null,
      sealedHash: null,
      sealedByUserId: null,
    },
    state: encoded,
    blobRefs: [],
  };
}

const SELF_METHODS: readonly InspectionMethod[] = ['terms', 'jgj59', 'internal', 'dust'];
const ENTERPRISE_METHODS: readonly InspectionMethod[] = ['jgj59', 'jgj59', 'terms', 'dust', 'internal'];

/** Days in [from, to] spread over `count` visits, ascending. */
function visitDates(random: DemoRandom, span: ProjectSpan, count: number): string[] {
  const days = Math.round((Date.parse(span.to) - Date.parse(span.from)) / 86_400_000);
  if (days < 0) return [];
  return Array.from({ length: count }, () => addDays(span.from, random.int(0, days))).sort();
}

/**
 * A year of one project's inspections: monthly evaluations (some months missing, some replaced), enterprise
 * inspections, self-inspections and spot checks of all four methods, the latest one of each origin sometimes
 * still a draft, and rectifications in every state.
 */
export function projectInspections(
  random: DemoRandom,
  span: ProjectSpan,
  cast: ProjectCast,
  scans: readonly DemoScan[],
  options: { skipCurrentMonth: boolean; today: string },
): DemoDocument[] {
  const docs: DemoDocument[] = [];
  const add = (plan: InspectionPlan, reviewer?: DemoPerson) => {
    const { doc, id } = inspectionDocument(random, span, plan, scans);
    docs.push(doc);
    if (plan.rectifyBy && plan.sealed && reviewer) {
      docs.push(
        rectificationDocument(random, span, { id, date: plan.date, origin: plan.origin }, cast, reviewer),
      );
    }
  };
  for (const month of monthsOf(span, options)) {
    if (random.chance(0.15)) continue; // a gap the 月评统计 shows
    const date = month.last < span.to ? addDays(month.first, random.int(18, 26)) : span.to;
    const replaced = random.chance(0.1);
    if (replaced) {
      add({
        origin: 'monthly',
        method: 'internal',
        date: month.first,
        by: cast.department,
        sealed: true,
        selfScore: random.int(700, 900) / 10,
      });
    }
    add({
      origin: 'monthly',
      method: 'internal',
      date: date < span.from ? span.from : date,
      by: cast.department,
      sealed: true,
      selfScore: random.chance(0.2) ? null : random.int(720, 960) / 10,
    });
  }
  const enterprise = cast.director ? [cast.director, ...cast.inspectors] : [];
  visitDates(random, span, enterprise.length > 0 ? random.int(1, 4) : 0).forEach((date, i, all) => {
    const by = random.pick(enterprise);
    const rectify = random.chance(0.5);
    add(
      {
        origin: 'enterprise',
        method: ENTERPRISE_METHODS[(i + random.int(0, 4)) % ENTERPRISE_METHODS.length]!,
        date,
        by,
        sealed: i < all.length - 1 || random.chance(0.7),
        rectifyBy: rectify ? cast.department : undefined,
      },
      cast.director ?? by,
    );
  });
  visitDates(random, span, random.int(2, 5)).forEach((date, i) => {
    add({
      origin: 'self',
      method: SELF_METHODS[i % SELF_METHODS.length]!,
      date,
      by: cast.department,
      sealed: random.chance(0.85),
    });
  });
  visitDates(random, span, random.int(0, 2)).forEach((date) => {
    add(
      {
        origin: 'spot',
        method: random.pick(['terms', 'jgj59'] as const),
        date,
        by: cast.supervisor,
        sealed: true,
        rectifyBy: random.chance(0.6) ? cast.department : undefined,
      },
      cast.supervisor,
    );
  });
  return docs;
}

/** The calendar months of the span (first and last day), newest last; the current month only when not skipped. */
function monthsOf(span: ProjectSpan, options: { skipCurrentMonth: boolean; today: string }) {
  const months: Array<{ first: string; last: string }> = [];
  let first = `${span.from.slice(0, 7)}-01`;
  while (first <= span.to) {
    const next = addDays(`${first.slice(0, 7)}-28`, 4).slice(0, 7) + '-01';
    const last = addDays(next, -1);
    const current = first.slice(0, 7) === options.today.slice(0, 7);
    if (!(current && options.skipCurrentMonth)) months.push({ first, last });
    first = next;
  }
  return months;
}
