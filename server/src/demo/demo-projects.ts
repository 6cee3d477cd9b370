import { checkCreditCode } from '@anguan/standards';
import type { ProjectInput } from '../registry/input.js';
import {
  DEMO_ENTERPRISES,
  DEMO_PROJECTS,
  DEMO_UNREGISTERED_CONSTRUCTOR,
  type DemoProject,
} from './demo-data.js';
import { addDays, type DemoRandom } from './random.js';

/** A demo project: what the registry receives, and what happens to it afterwards. */
export interface PlannedProject {
  input: ProjectInput;
  /** 竣工备案 date, or null while in construction. */
  completionDate: string | null;
  terminated: boolean;
}

/** 56 generated projects on top of the named ones: every state, in both cities, for all constructors. */
export const GENERATED_PROJECTS = 56;

const PLACES = [
  '滨江',
  '紫金',
  '雨花',
  '河西',
  '仙林',
  '新港',
  '凤凰',
  '花桥',
  '阳澄',
  '太湖',
  '石湖',
  '秦淮',
];
const KINDS = ['住宅小区', '安置房', '综合楼', '学校', '厂房', '医院', '商业中心', '办公楼'];
const PHASES = ['一期', '二期', '三标段', 'A地块', 'B地块'];
const BUILDERS = ['置业有限公司', '城市建设投资有限公司', '房地产开发有限公司', '教育投资有限公司'];
const SUPERVISION = ['南京华建工程监理有限公司', '苏州建设监理有限公司', '江苏天宇工程咨询有限公司'];
const MANAGERS = ['张伟', '王强', '刘洋', '陈杰', '杨帆', '黄磊', '吴斌', '徐涛', '孙浩', '朱明'];
const STRUCTURES = ['框架结构', '框架剪力墙', '剪力墙结构', '钢结构', '框架核心筒'];
const NANJING = ['320102', '320104', '320105', '320106', '320111', '320113'];
const SUZHOU = ['320505', '320506', '320507', '320583'];

/** A valid 统一社会信用代码 for a 17-character body (GB 32100: the one check character that passes). */
export function withCheckChar(body: string): string {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
    if (checkCreditCode(body + c).ok) return body + c;
  }
  throw new Error(`no check character for ${body}`);
}

export const UNREGISTERED_CREDIT_CODE = withCheckChar(DEMO_UNREGISTERED_CONSTRUCTOR.creditCodeBody);

const constructors = [
  ...DEMO_ENTERPRISES.map((e) => ({ name: e.name, creditCode: e.creditCode })),
  { name: DEMO_UNREGISTERED_CONSTRUCTOR.name, creditCode: UNREGISTERED_CREDIT_CODE },
];

/** The named projects and the generated ones, with their lifecycle, for `today`. */
export function planProjects(
  random: DemoRandom,
  today: string,
): { named: PlannedProject[]; generated: PlannedProject[] } {
  const named = DEMO_PROJECTS.map((p) => plannedNamed(random, p, today));
  const generated = Array.from({ length: GENERATED_PROJECTS }, (_, i) => plannedGenerated(random, i, today));
  return { named, generated };
}

function details(random: DemoRandom, place: string) {
  return {
    builderName: `${place}${random.pick(BUILDERS)}`,
    supervisionFirmName: random.pick(SUPERVISION),
    projectManager: random.pick(MANAGERS),
    area: random.int(80, 2000) * 100,
    contractAmount: random.int(30, 900) * 100,
    structure: random.pick(STRUCTURES),
  };
}

function plannedNamed(random: DemoRandom, p: DemoProject, today: string): PlannedProject {
  const constructor = constructors.find((c) => c.creditCode === p.constructorCreditCode)!;
  const input: ProjectInput = {
    filingNumber: p.filingNumber,
    name: p.name,
    address: p.address,
    regionCode: p.regionCode,
    constructorName: constructor.name,
    constructorCreditCode: constructor.creditCode,
    ...details(random, p.name.slice(0, 2)),
    startDate: addDays(today, p.startOffset),
    expectedCompletionDate: addDays(today, p.expectedCompletionOffset),
    special: false,
    requiredInspectionsPerYear: 3,
  };
  const completionDate = p.completedDaysAgo === undefined ? null : addDays(today, -p.completedDaysAgo);
  return { input, completionDate, terminated: false };
}

/**
 * Generated project `i`: constructor by i % 8 (half 江苏安建), state by i % 10 — six in construction, then
 * completed within 30 days, completed long ago without termination, terminated, and > 90 days overdue.
 */
function plannedGenerated(random: DemoRandom, i: number, today: string): PlannedProject {
  const slot = i % 8;
  const constructor = constructors[slot < 4 ? 0 : slot < 6 ? 1 : slot === 6 ? 2 : 3]!;
  const regionCode =
    slot < 4 || slot === 7 ? random.pick(NANJING) : slot < 6 && i % 3 === 0 ? '320583' : random.pick(SUZHOU);
  const place = random.pick(PLACES);
  const state = i % 10;
  const special = i % 6 === 0;
  let expected = -random.int(120, 900) + random.int(500, 1100);
  let completed: number | null = null;
  if (state === 6) completed = -random.int(3, 28);
  if (state === 7 || state === 8) completed = -random.int(35, 300);
  if (completed !== null) expected = Math.min(expected, completed + random.int(-30, 30));
  if (state === 9) expected = -random.int(95, 200);
  // Every project ran at least 300 days before it was due or completed.
  const startDate = addDays(today, Math.min(expected, completed ?? expected) - random.int(300, 700));
  const completionDate = completed === null ? null : addDays(today, completed);
  const input: ProjectInput = {
    filingNumber: `${regionCode}${2024 + (i % 3)}${100 + i}`,
    name: `${place}${random.pick(KINDS)}${random.pick(PHASES)}`,
    address: `${place}路${random.int(1, 999)}号`,
    regionCode,
    constructorName: constructor.name,
    constructorCreditCode: constructor.creditCode,
    ...details(random, place),
    startDate,
    expectedCompletionDate: addDays(today, expected),
    special,
    requiredInspectionsPerYear: special ? random.pick([4, 6, 8]) : 3,
  };
  return { input, completionDate, terminated: state === 8 };
}
