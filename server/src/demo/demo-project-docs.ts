import * as Y from 'yjs';
import {
  initProjectDoc,
  projectDocName,
  projectDocToJSON,
  setDangerousWork,
  setEquipment,
  setWorkRecord,
  type ProjectDocJSON,
  type WorkParameter,
  type WorkRecordType,
} from '@anguan/model';
import type { DemoDocument, DemoPerson, ProjectSpan } from './demo-documents.js';
import type { DemoScan } from './demo-content.js';
import { addDays, instantOf, type DemoRandom } from './random.js';

const WORKS: ReadonlyArray<{
  name: string;
  category: string;
  itemId: string;
  parameters: Record<string, WorkParameter>;
}> = [
  {
    name: '深基坑工程（开挖深度7.5m）',
    category: 'foundation_pit',
    itemId: 'sdw.pit.depth5',
    parameters: { excavationDepthM: { value: 7.5, unit: 'm' } },
  },
  {
    name: '高大模板支撑体系（搭设高度9m）',
    category: 'formwork',
    itemId: 'sdw.form.support',
    parameters: { heightM: { value: 9, unit: 'm' } },
  },
  {
    name: '塔式起重机安装拆卸',
    category: 'lifting',
    itemId: 'sdw.lift.crane_erection',
    parameters: { totalHeightM: { value: 200, unit: 'm' } },
  },
  {
    name: '附着式升降脚手架（提升高度150m）',
    category: 'scaffolding',
    itemId: 'sdw.scaf.attached150',
    parameters: { liftHeightM: { value: 150, unit: 'm' } },
  },
  {
    name: '悬挑式脚手架（分段架体20m）',
    category: 'scaffolding',
    itemId: 'sdw.scaf.cantilever20',
    parameters: { segmentHeightM: { value: 20, unit: 'm' } },
  },
  {
    name: '钢结构安装（跨度36m）',
    category: 'other',
    itemId: 'sdw.oth.steel',
    parameters: { steelSpanM: { value: 36, unit: 'm' } },
  },
];

/** Who signs each step (written without drawing from the seeded stream, so the rest of the demo is unchanged). */
const PEOPLE: Record<WorkRecordType, string> = {
  plan: '编制人 王工；审核 技术负责人 陈工；总监 刘工',
  expertReview: '专家组5人（省专家库）',
  briefing: '交底人 王工；专职安全员 周工',
  acceptance: '项目技术负责人 陈工；总监 刘工',
  implementation: '现场监督 周工',
};

const EQUIPMENT = [
  { type: 'tower_crane', name: '1号塔式起重机 QTZ80' },
  { type: 'tower_crane', name: '2号塔式起重机 QTZ125' },
  { type: 'hoist', name: '1号施工升降机 SC200/200' },
  { type: 'other', name: '物料提升机' },
] as const;

/**
 * How complete a work's records are: everything in time, or one kind of gap (missing review, late briefing,
 * failed acceptance, not yet started…), so the 清单 shows every flag.
 */
const PROFILES = [
  'complete',
  'no_review',
  'late_briefing',
  'failed_acceptance',
  'not_started',
  'revised_not_rereviewed',
] as const;

function recordsFor(
  profile: (typeof PROFILES)[number],
  start: string,
): Partial<Record<WorkRecordType, { date: string; conclusion?: string }>> {
  const records: Partial<Record<WorkRecordType, { date: string; conclusion?: string }>> = {
    plan: { date: addDays(start, -40) },
    expertReview: { date: addDays(start, -25), conclusion: '通过' },
    briefing: { date: addDays(start, -3) },
    acceptance: { date: addDays(start, -1), conclusion: '合格' },
    implementation: { date: start },
  };
  if (profile === 'no_review') delete records.expertReview;
  if (profile === 'late_briefing') records.briefing = { date: addDays(start, 4) };
  if (profile === 'failed_acceptance') {
    records.acceptance = { date: addDays(start, -1), conclusion: '不合格' };
  }
  if (profile === 'revised_not_rereviewed') {
    records.expertReview = { date: addDays(start, -25), conclusion: '修改后通过' };
  }
  return records;
}

/** The project document: 超危大 works with their records (and gaps) and the site's equipment. */
export function projectDocument(
  random: DemoRandom,
  span: ProjectSpan,
  department: DemoPerson,
  scans: readonly DemoScan[],
  today: string,
): { doc: DemoDocument; json: ProjectDocJSON } {
  const doc = new Y.Doc();
  doc.clientID = random.int(1, 2 ** 31 - 1);
  const options = { now: () => instantOf(span.from) };
  initProjectDoc(doc, span.projectId, options);
  for (let n = random.int(0, 3); n > 0; n--) {
    const work = random.pick(WORKS);
    const workId = setDangerousWork(doc, { workId: random.uuid(), ...work }, options);
    const profile = random.pick(PROFILES);
    // Not yet started: implementation planned after today, so nothing is late yet.
    const start =
      profile === 'not_started' ? addDays(today, random.int(5, 40)) : addDays(span.from, random.int(30, 120));
    for (const [type, record] of Object.entries(recordsFor(profile, start)) as Array<
      [WorkRecordType, { date: string; conclusion?: string }]
    >) {
      if (profile === 'not_started' && type !== 'plan') continue;
      const files = type === 'plan' || type === 'acceptance' ? [random.pick(scans).sha256] : [];
      setWorkRecord(
        doc,
        workId,
        type,
        {
          date: record.date,
          conclusion: record.conclusion ?? null,
          note: type === 'expertReview' ? '专家组5人' : '',
          files,
          people: PEOPLE[type],
        },
        options,
      );
    }
  }
  for (let n = random.int(0, 3); n > 0; n--) {
    const item = random.pick(EQUIPMENT);
    const last = addDays(today, -random.int(10, 200));
    setEquipment(
      doc,
      {
        equipmentId: random.uuid(),
        ...item,
        registrationNumber: `苏${random.pick(['A', 'E'])}-T${random.int(1000, 9999)}`,
        lastInspectionDate: last,
        nextInspectionDate: addDays(last, 365),
        installationDate: addDays(last, -7),
        // Valid 150 days after the last inspection: older sites show an expired certificate.
        operators: [
          {
            name: '司机 孙师傅',
            certificateNumber: `T${last.replaceAll('-', '')}`,
            validUntil: addDays(last, 150),
          },
        ],
      },
      options,
    );
  }
  const json = projectDocToJSON(doc);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const refs = [...new Set(json.works.flatMap((w) => Object.values(w.records).flatMap((r) => r.files)))];
  return {
    json,
    doc: {
      row: {
        name: projectDocName(span.projectId),
        kind: 'project',
        id: span.projectId,
        projectId: span.projectId,
        method: null,
        origin: null,
        creatorUserId: department.userId,
        createdAt: instantOf(span.from),
        sealedAt: null,
        sealedHash: null,
        sealedByUserId: null,
      },
      state,
      blobRefs: refs,
    },
  };
}
