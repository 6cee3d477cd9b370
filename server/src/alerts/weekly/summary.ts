/**
 * The weekly safety summary (安全周报) sent to an enterprise's 企业微信 / 钉钉 robot every Monday: alerts, the
 * enterprise-inspection pace and rectifications. Pure: the figures come in, the markdown goes out.
 *
 * @module
 */

/** Rule names as the summary prints them. */
export const RULE_NAMES: Readonly<Record<string, string>> = {
  R1: '竣工未终止监督',
  R2: '逾期未竣工',
  R3: '企业检查次数不足',
  R4: '标准化月评未上传',
  R5: '整改逾期',
  R6: '超危大工程资料缺失',
};

export interface WeeklySummaryFacts {
  enterpriseName: string;
  /** Monday and Sunday of the week summarized, YYYY-MM-DD (Asia/Shanghai). */
  weekStart: string;
  weekEnd: string;
  alerts: {
    /** Open alerts now, by rule (R1…R6). */
    openByRule: Readonly<Record<string, number>>;
    criticalOpen: number;
    /** Raised during the week. */
    raised: number;
    /** Resolved during the week. */
    resolved: number;
  };
  pace: {
    year: number;
    /** Projects under construction. */
    projects: number;
    /** Sealed enterprise inspections this year, all projects together, and the pro-rated number required. */
    done: number;
    required: number;
    /** Sealed during the week. */
    thisWeek: number;
    /** Projects behind the pace (an open R3 alert), by name, with done/required. */
    behind: ReadonlyArray<{ name: string; done: number; required: number }>;
  };
  rectifications: {
    open: number;
    overdue: number;
    /** Passed during the week. */
    closed: number;
  };
}

/** The summary's title (also its identity in the delivery log: one per enterprise and week). */
export function weeklySummaryTitle(weekStart: string, weekEnd: string): string {
  return `安管安全周报（${weekStart} 至 ${weekEnd}）`;
}

/** Both robots render this subset of markdown (headings, bold, lists). */
export function buildWeeklySummary(facts: WeeklySummaryFacts): { title: string; text: string } {
  const title = weeklySummaryTitle(facts.weekStart, facts.weekEnd);
  const lines = [
    `### ${title}`,
    `**${facts.enterpriseName}**`,
    '',
    ...alertLines(facts),
    '',
    ...paceLines(facts),
  ];
  lines.push('', ...rectificationLines(facts));
  return { title, text: lines.join('\n') };
}

function alertLines({ alerts }: WeeklySummaryFacts): string[] {
  const open = Object.values(alerts.openByRule).reduce((sum, n) => sum + n, 0);
  const lines = [
    `**预警**：待处理 ${open} 条（严重 ${alerts.criticalOpen} 条），本周新增 ${alerts.raised} 条、解除 ${alerts.resolved} 条`,
  ];
  for (const [rule, name] of Object.entries(RULE_NAMES)) {
    const n = alerts.openByRule[rule] ?? 0;
    if (n > 0) lines.push(`- ${name}：${n} 条`);
  }
  return lines;
}

function paceLines({ pace }: WeeklySummaryFacts): string[] {
  const lines = [
    `**企业检查**：${pace.year}年在建项目 ${pace.projects} 个，已检查 ${pace.done} 次 / 全年应检查 ${pace.required} 次，本周 ${pace.thisWeek} 次`,
  ];
  if (pace.behind.length === 0) lines.push('- 各项目检查进度正常');
  else {
    lines.push(`- 进度落后 ${pace.behind.length} 个项目：`);
    for (const p of pace.behind.slice(0, 10)) lines.push(`  - ${p.name}（${p.done}/${p.required}）`);
    if (pace.behind.length > 10) lines.push(`  - 另有 ${pace.behind.length - 10} 个项目`);
  }
  return lines;
}

function rectificationLines({ rectifications: r }: WeeklySummaryFacts): string[] {
  return [`**整改**：未完成 ${r.open} 项，其中逾期 ${r.overdue} 项；本周整改通过 ${r.closed} 项`];
}

/** Monday of the ISO week `date` (YYYY-MM-DD) falls in. */
export function mondayOf(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
