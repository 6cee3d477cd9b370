/**
 * Gap rules of a 超过一定规模的危大工程 (super-dangerous work): which lifecycle steps are missing, late or failed on a
 * given day. Derived for the app from 住建部令第37号 and 建办质〔2018〕31号 as listed in
 * `../shared/standards/dangerous-works.json` (`appRecordsPerSuperDangerousWork.gapRules`, "not a provincial form").
 *
 * The work starts with its 实施情况 record's date. Before that day nothing is late yet, except that a work always
 * needs its 专项施工方案. From that day on, the 方案, 专家论证, 交底 and 验收 must exist and be dated no later than
 * the start (the same day is in time), 专家论证 must not be 不通过, 验收 must not be 不合格, and a 修改后通过 论证 needs
 * the revised plan dated after it (37号令 第十三条: re-reviewed before implementation).
 *
 * @module
 */

/** The steps the app records per work (DESIGN "超危大工程"). */
export const WORK_STEPS = ['plan', 'expertReview', 'briefing', 'acceptance', 'implementation'] as const;
export type WorkStep = (typeof WORK_STEPS)[number];

export const WORK_STEP_NAMES: Readonly<Record<WorkStep, string>> = {
  plan: '专项施工方案',
  expertReview: '专家论证',
  briefing: '交底记录',
  acceptance: '验收记录',
  implementation: '实施情况',
};

/** One recorded step: its date (YYYY-MM-DD or null when not given) and conclusion (论证/验收结论) if any. */
export interface WorkStepRecord {
  readonly date: string | null;
  readonly conclusion: string | null;
}

export type WorkSteps = Readonly<Partial<Record<WorkStep, WorkStepRecord | null>>>;

export const WORK_GAP_CODES = [
  'plan_missing',
  'plan_late',
  'expert_review_missing',
  'expert_review_late',
  'expert_review_failed',
  'revision_not_rereviewed',
  'briefing_missing',
  'briefing_late',
  'acceptance_missing',
  'acceptance_late',
  'acceptance_failed',
] as const;
export type WorkGapCode = (typeof WORK_GAP_CODES)[number];

export interface WorkGap {
  readonly code: WorkGapCode;
  readonly step: WorkStep;
  /** zh-CN, for the 超危大工程清单. */
  readonly message: string;
}

const MESSAGES: Readonly<Record<WorkGapCode, string>> = {
  plan_missing: '缺少专项施工方案',
  plan_late: '专项施工方案晚于实施开始',
  expert_review_missing: '已开始实施，缺少专家论证',
  expert_review_late: '专家论证晚于实施开始',
  expert_review_failed: '专家论证结论为不通过，却已开始实施',
  revision_not_rereviewed: '论证结论为修改后通过，方案未在论证后重新审核',
  briefing_missing: '已开始实施，缺少交底记录',
  briefing_late: '交底晚于实施开始',
  acceptance_missing: '已开始实施，缺少验收记录',
  acceptance_late: '验收晚于实施开始',
  acceptance_failed: '验收结论为不合格',
};

const STEP_OF: Readonly<Record<WorkGapCode, WorkStep>> = {
  plan_missing: 'plan',
  plan_late: 'plan',
  expert_review_missing: 'expertReview',
  expert_review_late: 'expertReview',
  expert_review_failed: 'expertReview',
  revision_not_rereviewed: 'plan',
  briefing_missing: 'briefing',
  briefing_late: 'briefing',
  acceptance_missing: 'acceptance',
  acceptance_late: 'acceptance',
  acceptance_failed: 'acceptance',
};

const PREREQUISITES = [
  ['expertReview', 'expert_review_missing', 'expert_review_late'],
  ['briefing', 'briefing_missing', 'briefing_late'],
  ['acceptance', 'acceptance_missing', 'acceptance_late'],
] as const;

/**
 * The gaps of one work on `today` (YYYY-MM-DD, Asia/Shanghai), in {@link WORK_GAP_CODES} order.
 *
 * @example dangerousWorkGaps({ implementation: { date: '2026-03-01', conclusion: null } }, '2026-03-01')
 *   // plan_missing, expert_review_missing, briefing_missing, acceptance_missing
 */
export function dangerousWorkGaps(steps: WorkSteps, today: string): WorkGap[] {
  const codes = new Set<WorkGapCode>();
  const { plan, expertReview, implementation } = steps;
  const start = implementation?.date ?? null;
  const started = start !== null && start <= today;
  const after = (record: WorkStepRecord | null | undefined) =>
    started && record?.date != null && record.date > (start as string);
  if (!plan) codes.add('plan_missing');
  const revised = expertReview?.conclusion?.includes('修改后通过') ?? false;
  if (revised && (plan?.date == null || expertReview?.date == null || plan.date <= expertReview.date)) {
    codes.add('revision_not_rereviewed');
  }
  if (after(plan)) codes.add('plan_late');
  if (started) {
    for (const [step, missing, late] of PREREQUISITES) {
      const record = steps[step];
      if (!record) codes.add(missing);
      else if (after(record)) codes.add(late);
    }
    if (!revised && expertReview?.conclusion?.includes('不通过')) codes.add('expert_review_failed');
  }
  if (steps.acceptance?.conclusion?.includes('不合格')) codes.add('acceptance_failed');
  return WORK_GAP_CODES.filter((code) => codes.has(code)).map((code) => ({
    code,
    step: STEP_OF[code],
    message: MESSAGES[code],
  }));
}

/** 建办质〔2018〕31号 附件2 categories (ids as in dangerous-works.json). */
export const SUPER_DANGEROUS_CATEGORIES = [
  { id: 'foundation_pit', name: '深基坑工程' },
  { id: 'formwork', name: '模板工程及支撑体系' },
  { id: 'lifting', name: '起重吊装及起重机械安装拆卸工程' },
  { id: 'scaffolding', name: '脚手架工程' },
  { id: 'demolition', name: '拆除工程' },
  { id: 'underground', name: '暗挖工程' },
  { id: 'other', name: '其它' },
] as const;

/** The category's name, or null for an id outside 附件2 (free text written by a client). */
export function superDangerousCategoryName(id: string): string | null {
  return SUPER_DANGEROUS_CATEGORIES.find((c) => c.id === id)?.name ?? null;
}
